// RegisterTaskDefinition's checks and defaults, with ECS's ClientException wording.
import { z } from 'zod';
import { clientException } from '../api/errors';
import type { ContainerDefinition, KeyValue, TaskDefinitionRecord } from '../store/model';
import { NAME_PATTERN, placementConstraintInput, validatePlacementConstraints } from './validation';

const port = z.number().int().min(0).max(65535);

export const containerDefinitionInput = z.looseObject({
  name: z.string().optional(),
  image: z.string().max(4096).optional(),
  cpu: z.number().int().min(0).optional(),
  memory: z.number().int().optional(),
  memoryReservation: z.number().int().optional(),
  essential: z.boolean().optional(),
  portMappings: z
    .array(
      z.looseObject({
        containerPort: port.optional(),
        hostPort: port.optional(),
        protocol: z.enum(['tcp', 'udp']).optional(),
      }),
    )
    .max(100)
    .optional(),
  command: z.array(z.string()).optional(),
  entryPoint: z.array(z.string()).optional(),
  environment: z.array(z.object({ name: z.string(), value: z.string().optional() })).optional(),
  dockerLabels: z.record(z.string(), z.string()).optional(),
});

export const taskDefinitionInput = z.object({
  family: z.string(),
  taskRoleArn: z.string().max(2048).optional(),
  executionRoleArn: z.string().max(2048).optional(),
  networkMode: z.enum(['bridge', 'host', 'awsvpc', 'none']).optional(),
  containerDefinitions: z.array(containerDefinitionInput).max(10),
  volumes: z
    .array(z.looseObject({ name: z.string().optional() }))
    .max(20)
    .optional(),
  placementConstraints: z
    .array(placementConstraintInput.extend({ type: z.literal('memberOf').optional() }))
    .optional(),
  requiresCompatibilities: z
    .array(z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']))
    .optional(),
  cpu: z.string().max(32).optional(),
  memory: z.string().max(32).optional(),
  pidMode: z.enum(['host', 'task']).optional(),
  ipcMode: z.enum(['host', 'task', 'none']).optional(),
});

export type TaskDefinitionInput = z.infer<typeof taskDefinitionInput>;

/** `1024`, `1 vCPU` / `1 GB` style task sizes, as the number of CPU units or MiB ECS reports. */
function taskSize(
  value: string | undefined,
  unit: 'vCPU' | 'GB',
  what: string,
): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed) && Number(trimmed) > 0) return String(Number(trimmed));
  const match = new RegExp(`^(\\d+(?:\\.\\d+)?)\\s*${unit}$`, 'i').exec(trimmed);
  if (match && Number(match[1]) > 0) return String(Math.round(Number(match[1]) * 1024));
  throw clientException(`Invalid '${what}' setting for task: '${value}'.`);
}

function containerDefinition(
  input: z.infer<typeof containerDefinitionInput>,
  networkMode: TaskDefinitionRecord['networkMode'],
  taskMemory: string | undefined,
): ContainerDefinition {
  const { name, image } = input;
  if (!name) throw clientException('Container.name should not be null or empty.');
  if (!NAME_PATTERN.test(name)) {
    throw clientException(
      `Container name '${name}' is invalid. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.`,
    );
  }
  if (!image) throw clientException('Container.image should not be null or empty.');
  const { memory, memoryReservation } = input;
  for (const [setting, value] of [
    ['memory', memory],
    ['memoryReservation', memoryReservation],
  ] as const) {
    if (value !== undefined && value < 6) {
      throw clientException(
        `Invalid '${setting}' setting for container '${name}'. Must be at least 6 MiB.`,
      );
    }
  }
  if (memory === undefined && memoryReservation === undefined && taskMemory === undefined) {
    throw clientException(
      `Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`,
    );
  }
  if (memory !== undefined && memoryReservation !== undefined && memoryReservation > memory) {
    throw clientException(
      `Invalid 'memoryReservation' setting for container '${name}'. 'memoryReservation' must be less than 'memory'.`,
    );
  }
  const portMappings = (input.portMappings ?? []).map((mapping) => {
    if (mapping.containerPort === undefined) {
      throw clientException(
        `Invalid port mapping for container '${name}': containerPort is required.`,
      );
    }
    if (
      (networkMode === 'host' || networkMode === 'awsvpc') &&
      mapping.hostPort !== undefined &&
      mapping.hostPort !== mapping.containerPort
    ) {
      throw clientException(
        `When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`,
      );
    }
    const hostPort = networkMode === 'bridge' ? (mapping.hostPort ?? 0) : mapping.containerPort;
    return {
      ...mapping,
      containerPort: mapping.containerPort,
      hostPort,
      protocol: mapping.protocol ?? 'tcp',
    };
  });
  return {
    ...input,
    name,
    image,
    cpu: input.cpu ?? 0,
    portMappings,
    essential: input.essential ?? true,
    environment: input.environment ?? [],
    mountPoints: input.mountPoints ?? [],
    volumesFrom: input.volumesFrom ?? [],
    systemControls: input.systemControls ?? [],
  };
}

export type TaskDefinitionFields = Omit<
  TaskDefinitionRecord,
  'taskDefinitionArn' | 'revision' | 'status' | 'registeredAt' | 'registeredBy'
>;

export function buildTaskDefinition(input: TaskDefinitionInput): TaskDefinitionFields {
  if (!NAME_PATTERN.test(input.family)) {
    throw clientException(
      'Family contains invalid characters. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.',
    );
  }
  if (input.containerDefinitions.length === 0) {
    throw clientException('Container list cannot be empty.');
  }
  const networkMode = input.networkMode ?? 'bridge';
  const requires = input.requiresCompatibilities;
  if (requires?.includes('FARGATE') && networkMode !== 'awsvpc') {
    throw clientException("Fargate only supports network mode 'awsvpc'.");
  }
  if (requires?.includes('EXTERNAL') && networkMode === 'awsvpc') {
    throw clientException(
      "Task definition does not support launch_type EXTERNAL with network mode 'awsvpc'.",
    );
  }
  const cpu = taskSize(input.cpu, 'vCPU', 'cpu');
  const memory = taskSize(input.memory, 'GB', 'memory');
  const containers = input.containerDefinitions.map((c) =>
    containerDefinition(c, networkMode, memory),
  );
  const names = containers.map((c) => c.name);
  if (new Set(names).size !== names.length)
    throw clientException('Container names must be unique.');
  const hostPorts = containers
    .flatMap((c) => c.portMappings ?? [])
    .filter((m) => m.hostPort)
    .map((m) => `${m.hostPort}/${m.protocol}`);
  if (new Set(hostPorts).size !== hostPorts.length) {
    throw clientException('Host ports must be unique within a task definition.');
  }
  const placementConstraints = validatePlacementConstraints(input.placementConstraints ?? [], {
    allowDistinctInstance: false,
  });
  const requiresAttributes: KeyValue[] = [];
  if (input.taskRoleArn)
    requiresAttributes.push({ name: 'com.amazonaws.ecs.capability.task-iam-role' });
  if (containers.some((c) => c.dockerLabels)) {
    requiresAttributes.push({ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' });
  }
  const compatibilities = networkMode === 'awsvpc' ? ['EC2', 'FARGATE'] : ['EC2', 'EXTERNAL'];
  for (const required of requires ?? []) {
    if (!compatibilities.includes(required) && required !== 'MANAGED_INSTANCES') {
      throw clientException(`Task definition does not support launch_type ${required}.`);
    }
  }
  return {
    family: input.family,
    containerDefinitions: containers,
    networkMode,
    ...(input.taskRoleArn && { taskRoleArn: input.taskRoleArn }),
    ...(input.executionRoleArn && { executionRoleArn: input.executionRoleArn }),
    volumes: input.volumes ?? [],
    placementConstraints,
    requiresAttributes,
    compatibilities,
    ...(requires && { requiresCompatibilities: requires }),
    ...(cpu && { cpu }),
    ...(memory && { memory }),
    ...(input.pidMode && { pidMode: input.pidMode }),
    ...(input.ipcMode && { ipcMode: input.ipcMode }),
  };
}
