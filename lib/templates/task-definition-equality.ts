// Decides whether a registered task definition already equals a template, so deploying again registers nothing.
import type {
  ContainerDefinition,
  RegisterTaskDefinitionCommandInput,
  TaskDefinition,
} from '@aws-sdk/client-ecs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

// ECS fills in defaults on registration (cpu 0, empty lists, protocol tcp); absent and default must compare equal.
function prune(value: unknown): Json | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item): item is Json => item !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, prune(item)] as const)
      .filter((entry): entry is readonly [string, Json] => entry[1] !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') {
    return value;
  }
  return undefined;
}

function canonicalContainer(container: ContainerDefinition) {
  return {
    name: container.name,
    image: container.image,
    essential: container.essential ?? true,
    cpu: container.cpu || undefined,
    memory: container.memory,
    memoryReservation: container.memoryReservation,
    portMappings: container.portMappings?.map((mapping) => ({
      containerPort: mapping.containerPort,
      hostPort: mapping.hostPort || undefined,
      protocol: mapping.protocol ?? 'tcp',
    })),
    command: container.command,
    entryPoint: container.entryPoint,
    environment: container.environment,
    dockerLabels: container.dockerLabels,
  };
}

function canonical(definition: RegisterTaskDefinitionCommandInput | TaskDefinition) {
  return prune({
    family: definition.family,
    taskRoleArn: definition.taskRoleArn,
    executionRoleArn: definition.executionRoleArn,
    networkMode: definition.networkMode,
    requiresCompatibilities: definition.requiresCompatibilities,
    cpu: definition.cpu,
    memory: definition.memory,
    placementConstraints: definition.placementConstraints?.map((constraint) => ({
      type: constraint.type,
      expression: constraint.expression,
    })),
    containerDefinitions: definition.containerDefinitions?.map(canonicalContainer),
  });
}

export function sameTaskDefinition(
  wanted: RegisterTaskDefinitionCommandInput,
  registered: TaskDefinition,
): boolean {
  return JSON.stringify(canonical(wanted)) === JSON.stringify(canonical(registered));
}
