// Builds what the runtime needs to start one container of a task: definition, overrides, ports, credentials.
import path from 'node:path';
import type { ContainerCredentials, ContainerLaunch } from '../runtime/container';
import { effectiveHostPort } from '../runtime/ports';
import type { ContainerDefinition, KeyValue, TaskRecord } from '../store/model';

export interface AgentRuntimeConfig {
  /** The lab's own listening URL, e.g. http://127.0.0.1:4599. */
  labEndpoint: string;
  dataDir: string;
  imagesDir: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Where `POST /_lab/instances` registers instances by default. */
  clusterName: string;
}

export const DEFAULT_STOP_TIMEOUT_S = 30;

interface ContainerOverride {
  name?: string;
  command?: string[];
  environment?: KeyValue[];
}

function overrideFor(task: TaskRecord, name: string): ContainerOverride | undefined {
  return (task.overrides.containerOverrides as ContainerOverride[]).find((o) => o.name === name);
}

function mergedEnvironment(definition: ContainerDefinition, override?: ContainerOverride) {
  const merged = new Map<string, string>();
  for (const { name, value } of [
    ...(definition.environment ?? []),
    ...(override?.environment ?? []),
  ])
    merged.set(name, value ?? '');
  return [...merged].map(([name, value]) => ({ name, value }));
}

export function stopTimeoutOf(definition: ContainerDefinition | undefined): number {
  const value = definition?.stopTimeout;
  return typeof value === 'number' && value >= 0 ? value : DEFAULT_STOP_TIMEOUT_S;
}

/** Host ports as bound on this machine, in the order of the container's network bindings. */
export function boundHostPorts(task: TaskRecord, containerName: string): number[] {
  const container = task.containers.find((c) => c.name === containerName);
  return (container?.networkBindings ?? []).map((b) => effectiveHostPort(b.hostPort));
}

export function containerLaunch(options: {
  task: TaskRecord;
  definition: ContainerDefinition;
  hostAddress: string;
  hostname: string;
  credentials: ContainerCredentials;
  config: AgentRuntimeConfig;
}): ContainerLaunch {
  const { task, definition, config } = options;
  const override = overrideFor(task, definition.name);
  const container = task.containers.find((c) => c.name === definition.name);
  const hostPorts = boundHostPorts(task, definition.name);
  return {
    taskId: task.id,
    containerName: definition.name,
    image: definition.image,
    command: override?.command ?? definition.command,
    entryPoint: definition.entryPoint,
    environment: mergedEnvironment(definition, override),
    hostAddress: options.hostAddress,
    portBindings: (container?.networkBindings ?? []).map((binding, index) => ({
      containerPort: binding.containerPort,
      hostPort: hostPorts[index] ?? binding.hostPort,
      protocol: binding.protocol,
    })),
    hostname: options.hostname,
    logFile: path.join(config.dataDir, 'logs', `${task.id}-${definition.name}.log`),
    labEndpoint: config.labEndpoint,
    region: config.region,
    credentials: options.credentials,
    imagesDir: config.imagesDir,
    dataDir: config.dataDir,
  };
}
