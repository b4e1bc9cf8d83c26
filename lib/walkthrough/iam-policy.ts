// The read access Traefik's ECS provider needs on AWS: the scenario's TraefikECSReadAccess policy.
export const TRAEFIK_POLICY_NAME = 'TraefikECSReadAccess';

// What the provider calls each refresh (traefik-and-whoami.md): ECS reads, EC2 for EC2 instances, SSM for mi- IPs.
export const traefikReadPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'TraefikECSReadAccess',
      Effect: 'Allow',
      Action: [
        'ecs:ListClusters',
        'ecs:DescribeClusters',
        'ecs:ListTasks',
        'ecs:DescribeTasks',
        'ecs:DescribeContainerInstances',
        'ecs:DescribeTaskDefinition',
        'ec2:DescribeInstances',
        'ssm:DescribeInstanceInformation',
      ],
      Resource: '*',
    },
  ],
} as const;

export const traefikReadPolicyJson = JSON.stringify(traefikReadPolicy, null, 2);
