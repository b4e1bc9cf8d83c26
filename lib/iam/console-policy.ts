// The least-privilege IAM policy the console's own credentials need: exactly the ECS and SSM actions server/ calls.
import { DEFAULT_ACTIVATION_ROLE } from '@/lib/schemas/activation';

export const CONSOLE_POLICY_NAME = 'AnywhereConsoleAccess';

// The scenario's Traefik task role; rename it here (and in the policy you attach) if yours differs.
export const TRAEFIK_TASK_ROLE = 'TraefikTaskRole';

// Every ECS action the console sends (grep `new …Command(` and `paginate…(` in server/); the wire test proves it exact.
export const consoleEcsActions = [
  'ecs:CreateService',
  'ecs:DeleteAttributes',
  'ecs:DeleteCluster',
  'ecs:DeleteService',
  'ecs:DeregisterContainerInstance',
  'ecs:DeregisterTaskDefinition',
  'ecs:DescribeClusters',
  'ecs:DescribeContainerInstances',
  'ecs:DescribeServices',
  'ecs:DescribeTaskDefinition',
  'ecs:DescribeTasks',
  'ecs:ListClusters',
  'ecs:ListContainerInstances',
  'ecs:ListServices',
  'ecs:ListTaskDefinitions',
  'ecs:ListTasks',
  'ecs:PutAttributes',
  'ecs:RegisterTaskDefinition',
  'ecs:StopTask',
  'ecs:UpdateService',
] as const;

export const consoleSsmActions = [
  'ssm:CreateActivation',
  'ssm:DescribeActivations',
  'ssm:DescribeInstanceInformation',
] as const;

/** The ECS and SSM actions, the set the lab's access check compares against. */
export const consoleApiActions: readonly string[] = [...consoleEcsActions, ...consoleSsmActions];

// sts:GetCallerIdentity (the Settings page's identity) needs no permission, so it is not listed:
// https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html
export const consolePolicy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ConsoleEcs', Effect: 'Allow', Action: [...consoleEcsActions], Resource: '*' },
    { Sid: 'ConsoleSsm', Effect: 'Allow', Action: [...consoleSsmActions], Resource: '*' },
    {
      // CreateActivation hands the instance role to SSM, which the hosts then assume.
      Sid: 'PassInstanceRoleToSsm',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::*:role/${DEFAULT_ACTIVATION_ROLE}`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
    },
    {
      // RegisterTaskDefinition with taskRoleArn (the LoadBalancer's Traefik) hands that role to ECS tasks.
      Sid: 'PassTraefikTaskRoleToEcsTasks',
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: `arn:aws:iam::*:role/${TRAEFIK_TASK_ROLE}`,
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    },
  ],
} as const;

export const consolePolicyJson = JSON.stringify(consolePolicy, null, 2);
