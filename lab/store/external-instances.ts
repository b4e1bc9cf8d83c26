// Registers an ECS Anywhere external instance: its SSM managed-instance record and its ECS container instance.
import { arns, type LabIdentity } from './identity';
import { newManagedInstanceId, newResourceId, nowEpoch } from './ids';
import type {
  ContainerInstanceRecord,
  KeyValue,
  LabState,
  ManagedInstanceRecord,
  Resource,
  VersionInfo,
} from './model';

export const AGENT_VERSION_INFO: VersionInfo = {
  agentVersion: '1.89.2',
  agentHash: '2a0b2d4c',
  dockerVersion: 'DockerVersion: 25.0.6',
};
export const SSM_AGENT_VERSION = '3.3.1142.0';
export const FIRST_HOST_NUMBER = 11;

const DOCKER_API_VERSIONS = [
  '1.17',
  '1.18',
  '1.19',
  '1.20',
  '1.21',
  '1.22',
  '1.23',
  '1.24',
  '1.25',
  '1.44',
];

/** The attributes the ECS agent reports on an ECS Anywhere (EXTERNAL) Linux instance. */
export function builtInAttributes(): KeyValue[] {
  return [
    { name: 'ecs.capability.external' },
    { name: 'ecs.os-type', value: 'linux' },
    { name: 'ecs.os-family', value: 'LINUX' },
    { name: 'ecs.cpu-architecture', value: 'x86_64' },
    ...DOCKER_API_VERSIONS.map((v) => ({
      name: `com.amazonaws.ecs.capability.docker-remote-api.${v}`,
    })),
    ...DOCKER_API_VERSIONS.map((v) => ({ name: `ecs.capability.docker-remote-api.${v}` })),
    { name: 'com.amazonaws.ecs.capability.logging-driver.json-file' },
    { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
    { name: 'com.amazonaws.ecs.capability.logging-driver.none' },
    { name: 'com.amazonaws.ecs.capability.task-iam-role' },
    { name: 'com.amazonaws.ecs.capability.task-iam-role-network-host' },
    { name: 'ecs.capability.task-iam-role' },
    { name: 'ecs.capability.container-health-check' },
    { name: 'ecs.capability.execution-role-awslogs' },
    { name: 'ecs.capability.env-files.s3' },
    { name: 'ecs.capability.docker-plugin.local' },
    { name: 'ecs.capability.container-ordering' },
  ];
}

function integerResource(name: string, value: number): Resource {
  return { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };
}

function portsResource(name: string, ports: string[]): Resource {
  return {
    name,
    type: 'STRINGSET',
    doubleValue: 0,
    longValue: 0,
    integerValue: 0,
    stringSetValue: ports,
  };
}

export function defaultResources(): Resource[] {
  return [
    integerResource('CPU', 2048),
    integerResource('MEMORY', 3904),
    portsResource('PORTS', ['22', '2376', '2375', '51678', '51679']),
    portsResource('PORTS_UDP', []),
  ];
}

/** The next free loopback address with the given prefix (host numbers from 11 up). */
// A full /24 continues in the next ones of the same /16, so a lab can hold the benchmarks' 1,000 instances.
export function nextAddress(state: LabState, prefix: string): string {
  const used = new Set(Object.values(state.managedInstances).map((m) => m.ipAddress));
  const [, first = '127', second = '0', third = '0'] = /^(\d+)\.(\d+)\.(\d+)\.$/.exec(prefix) ?? [];
  for (let block = Number(third); block < 256; block++) {
    for (let host = FIRST_HOST_NUMBER; host < 255; host++) {
      const address = `${first}.${second}.${block}.${host}`;
      if (!used.has(address)) return address;
    }
  }
  throw new Error(`no free address left under ${prefix}`);
}

export interface ManagedInstanceOptions {
  addressPrefix: string;
  activationId: string;
  iamRole: string;
  computerName?: string;
}

export function addManagedInstance(
  state: LabState,
  options: ManagedInstanceOptions,
): ManagedInstanceRecord {
  const now = nowEpoch();
  const instanceId = newManagedInstanceId();
  const ipAddress = nextAddress(state, options.addressPrefix);
  const record: ManagedInstanceRecord = {
    instanceId,
    ipAddress,
    computerName: options.computerName ?? `lab-host-${ipAddress.split('.').at(-1)}`,
    activationId: options.activationId,
    iamRole: options.iamRole,
    registrationDate: now,
    lastPingAt: now,
    online: true,
    agentVersion: SSM_AGENT_VERSION,
  };
  state.managedInstances[instanceId] = record;
  const activation = state.activations[options.activationId];
  if (activation) activation.registrationsCount += 1;
  return record;
}

export interface ContainerInstanceOptions {
  ec2InstanceId: string;
  resources?: Resource[];
  attributes?: KeyValue[];
  versionInfo?: VersionInfo;
}

export function addContainerInstance(
  state: LabState,
  identity: LabIdentity,
  clusterName: string,
  options: ContainerInstanceOptions,
): ContainerInstanceRecord {
  const cluster = state.clusters[clusterName];
  if (!cluster) throw new Error(`no cluster ${clusterName}`);
  const id = newResourceId();
  const builtIn = builtInAttributes();
  const extra = (options.attributes ?? []).filter((a) => !builtIn.some((b) => b.name === a.name));
  const record: ContainerInstanceRecord = {
    id,
    containerInstanceArn: arns.containerInstance(identity, clusterName, id),
    ec2InstanceId: options.ec2InstanceId,
    version: 1,
    versionInfo: options.versionInfo ?? { ...AGENT_VERSION_INFO },
    status: 'ACTIVE',
    agentConnected: true,
    registeredAt: nowEpoch(),
    registeredResources: options.resources ?? defaultResources(),
    attributes: [...builtIn, ...extra],
  };
  cluster.containerInstances[id] = record;
  return record;
}
