// AWS CLI v2 equivalents of the ECS calls the console's actions make, with their real values.
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { commandLine } from '@/lib/cli/shell-quote';
import type { AttributeChange } from '@/lib/schemas/actions';

// Shorthand syntax (name=…,value=…) is what the scenario uses; the schemas keep commas and spaces out of values.
function attributeShorthand(attribute: AttributeChange): string {
  return [
    `name=${attribute.name}`,
    ...(attribute.value === undefined ? [] : [`value=${attribute.value}`]),
    'targetType=container-instance',
    `targetId=${attribute.targetId}`,
  ].join(',');
}

export function putAttributesCli(cluster: string, attributes: AttributeChange[]): string {
  return commandLine([
    'aws',
    'ecs',
    'put-attributes',
    '--cluster',
    cluster,
    '--attributes',
    ...attributes.map(attributeShorthand),
  ]);
}

export function deleteAttributesCli(cluster: string, attributes: AttributeChange[]): string {
  return commandLine([
    'aws',
    'ecs',
    'delete-attributes',
    '--cluster',
    cluster,
    '--attributes',
    ...attributes.map(attributeShorthand),
  ]);
}

export function registerTaskDefinitionCli(input: RegisterTaskDefinitionCommandInput): string {
  return commandLine([
    'aws',
    'ecs',
    'register-task-definition',
    '--cli-input-json',
    JSON.stringify(input),
  ]);
}

export function describeTaskDefinitionCli(taskDefinition: string): string {
  return commandLine([
    'aws',
    'ecs',
    'describe-task-definition',
    '--task-definition',
    taskDefinition,
  ]);
}

export interface ServiceCliParams {
  cluster: string;
  service: string;
  taskDefinition: string;
  desiredCount: number;
}

export function createServiceCli(params: ServiceCliParams): string {
  return commandLine([
    'aws',
    'ecs',
    'create-service',
    '--cluster',
    params.cluster,
    '--service-name',
    params.service,
    '--task-definition',
    params.taskDefinition,
    '--desired-count',
    String(params.desiredCount),
    '--launch-type',
    'EXTERNAL',
  ]);
}

export function updateServiceCli(params: {
  cluster: string;
  service: string;
  taskDefinition?: string;
  desiredCount: number;
}): string {
  return commandLine([
    'aws',
    'ecs',
    'update-service',
    '--cluster',
    params.cluster,
    '--service',
    params.service,
    ...(params.taskDefinition ? ['--task-definition', params.taskDefinition] : []),
    '--desired-count',
    String(params.desiredCount),
  ]);
}

export function deleteServiceCli(cluster: string, service: string): string {
  return commandLine(['aws', 'ecs', 'delete-service', '--cluster', cluster, '--service', service]);
}

export function stopTaskCli(cluster: string, task: string, reason?: string): string {
  return commandLine([
    'aws',
    'ecs',
    'stop-task',
    '--cluster',
    cluster,
    '--task',
    task,
    ...(reason ? ['--reason', reason] : []),
  ]);
}

export function deregisterTaskDefinitionCli(taskDefinition: string): string {
  return commandLine([
    'aws',
    'ecs',
    'deregister-task-definition',
    '--task-definition',
    taskDefinition,
  ]);
}

export function deregisterContainerInstanceCli(cluster: string, instance: string): string {
  return commandLine([
    'aws',
    'ecs',
    'deregister-container-instance',
    '--cluster',
    cluster,
    '--container-instance',
    instance,
    '--force',
  ]);
}

export function deleteClusterCli(cluster: string): string {
  return commandLine(['aws', 'ecs', 'delete-cluster', '--cluster', cluster]);
}
