// Places and creates tasks (RunTask, StartTask, and later the service scheduler) with the lab's placement engine.
import type {
  PlacementCandidate,
  PlacementStrategy as EnginePlacementStrategy,
} from '../scheduler/placement';
import { placeTasks } from '../scheduler/placement';
import { tcpPortsInUse } from '../runtime/ports-in-use';
import {
  clusterSeenBy,
  cqlSubject,
  isLive,
  liveTasksByInstance,
  remainingResources,
} from '../store/derived';
import { arns, type LabIdentity } from '../store/identity';
import { newResourceId, newUuid, nowEpoch } from '../store/ids';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  LabState,
  PlacementConstraint,
  PlacementStrategy,
  TaskDefinitionRecord,
  TaskRecord,
} from '../store/model';

function portSet(
  instance: ContainerInstanceRecord,
  cluster: ClusterRecord,
  name: 'PORTS' | 'PORTS_UDP',
) {
  const resource = remainingResources(cluster, instance).find((r) => r.name === name);
  return new Set((resource?.stringSetValue ?? []).map(Number));
}

export function placementCandidate(
  cluster: ClusterRecord,
  instance: ContainerInstanceRecord,
): PlacementCandidate {
  const remaining = remainingResources(cluster, instance);
  const value = (name: string) => remaining.find((r) => r.name === name)?.integerValue ?? 0;
  return {
    arn: instance.containerInstanceArn,
    id: instance.id,
    cql: cqlSubject(cluster, instance),
    status: instance.status,
    remainingCpu: value('CPU'),
    remainingMemory: value('MEMORY'),
    usedTcpPorts: portSet(instance, cluster, 'PORTS'),
    usedUdpPorts: portSet(instance, cluster, 'PORTS_UDP'),
  };
}

/** Candidates for `instances`, from one pass over the cluster's tasks (thousands of tasks, hundreds of instances). */
export function placementCandidates(
  cluster: ClusterRecord,
  instances: readonly ContainerInstanceRecord[],
): PlacementCandidate[] {
  const byInstance = liveTasksByInstance(cluster);
  return instances.map((instance) =>
    placementCandidate(clusterSeenBy(cluster, byInstance, instance), instance),
  );
}

/** Host TCP ports held by any live task: the lab's instances share one machine. */
function machineWideTcpPorts(state: LabState): Set<number> {
  const ports = new Set<number>();
  for (const cluster of Object.values(state.clusters)) {
    for (const task of Object.values(cluster.tasks).filter(isLive)) {
      for (const binding of task.containers.flatMap((c) => c.networkBindings)) {
        if (binding.protocol === 'tcp') ports.add(binding.hostPort);
      }
    }
  }
  return ports;
}

export function taskSize(definition: TaskDefinitionRecord): { cpu: number; memory: number } {
  const containers = definition.containerDefinitions;
  return {
    cpu: definition.cpu
      ? Number(definition.cpu)
      : containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0),
    memory: definition.memory
      ? Number(definition.memory)
      : containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0),
  };
}

export interface NewTasksRequest {
  definition: TaskDefinitionRecord;
  count: number;
  group: string;
  startedBy?: string;
  constraints: PlacementConstraint[];
  strategy: PlacementStrategy[];
  overrides?: { containerOverrides?: unknown[] };
  /** Only these instances are considered (StartTask); all of the cluster's otherwise. */
  instances?: ContainerInstanceRecord[];
}

/** Places and adds PROVISIONING tasks (agents take them on); returns them and the placement failure, if any. */
export function createTasks(
  state: LabState,
  identity: LabIdentity,
  cluster: ClusterRecord,
  request: NewTasksRequest,
): { tasks: TaskRecord[]; failureReason?: string } {
  const { definition } = request;
  const size = taskSize(definition);
  const containers = definition.containerDefinitions;
  const ports = containers.flatMap((c) =>
    (c.portMappings ?? []).map((m) => ({
      containerPort: m.containerPort ?? 0,
      hostPort: m.hostPort ?? 0,
      protocol: m.protocol ?? ('tcp' as const),
    })),
  );
  const instances = request.instances ?? Object.values(cluster.containerInstances);
  const constraints = [...definition.placementConstraints, ...request.constraints];
  const inUse = tcpPortsInUse();
  const result = placeTasks(
    placementCandidates(cluster, instances),
    {
      count: request.count,
      cpu: size.cpu,
      memory: size.memory,
      ports,
      group: request.group,
      constraints,
      strategy: request.strategy as EnginePlacementStrategy[],
    },
    {
      machineWideTcpPorts: machineWideTcpPorts(state),
      isPortFree: (port, protocol) => protocol !== 'tcp' || !inUse.has(port),
    },
  );
  const now = nowEpoch();
  const tasks = result.placements.map((placement): TaskRecord => {
    const id = newResourceId();
    const taskArn = arns.task(identity, cluster.clusterName, id);
    let portIndex = 0;
    const task: TaskRecord = {
      id,
      taskArn,
      clusterArn: cluster.clusterArn,
      taskDefinitionArn: definition.taskDefinitionArn,
      containerInstanceArn: placement.instanceArn,
      group: request.group,
      ...(request.startedBy && { startedBy: request.startedBy }),
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      launchType: 'EXTERNAL',
      cpu: String(size.cpu),
      memory: String(size.memory),
      containers: containers.map((c) => ({
        containerArn: arns.container(identity, cluster.clusterName, id, newUuid()),
        taskArn,
        name: c.name,
        image: c.image,
        lastStatus: 'PENDING',
        networkBindings: (c.portMappings ?? []).map((m) => ({
          bindIP: '0.0.0.0',
          containerPort: m.containerPort ?? 0,
          hostPort: placement.hostPorts[portIndex++] ?? 0,
          protocol: m.protocol ?? 'tcp',
        })),
        networkInterfaces: [],
        healthStatus: 'UNKNOWN',
        cpu: String(c.cpu ?? 0),
        ...(c.memory !== undefined && { memory: String(c.memory) }),
        ...(c.memoryReservation !== undefined && {
          memoryReservation: String(c.memoryReservation),
        }),
      })),
      createdAt: now,
      version: 1,
      overrides: {
        containerOverrides:
          request.overrides?.containerOverrides ?? containers.map((c) => ({ name: c.name })),
        inferenceAcceleratorOverrides: [],
      },
      attachments: [],
      healthStatus: 'UNKNOWN',
      enableExecuteCommand: false,
    };
    cluster.tasks[id] = task;
    return task;
  });
  return { tasks, failureReason: result.failure?.reason };
}
