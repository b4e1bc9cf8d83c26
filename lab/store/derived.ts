// Values ECS computes from a cluster's tasks: instance usage and remaining resources, cluster and service counts.
import type { CqlSubject } from '../cql/ast';
import type {
  ClusterRecord,
  ContainerInstanceRecord,
  Resource,
  ServiceRecord,
  TaskRecord,
  TaskStatus,
} from './model';

const PENDING_STATUSES: ReadonlySet<TaskStatus> = new Set([
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
]);

export const isPending = (task: TaskRecord) => PENDING_STATUSES.has(task.lastStatus);
export const isRunning = (task: TaskRecord) => task.lastStatus === 'RUNNING';
/** A task that still holds resources on its instance. */
export const isLive = (task: TaskRecord) => task.lastStatus !== 'STOPPED';
export const isInstanceRegistered = (instance: ContainerInstanceRecord) =>
  instance.status !== 'INACTIVE';

export function tasksOn(cluster: ClusterRecord, instance: ContainerInstanceRecord): TaskRecord[] {
  return Object.values(cluster.tasks).filter(
    (task) => task.containerInstanceArn === instance.containerInstanceArn && isLive(task),
  );
}

/** Each instance's live tasks, from one pass over the cluster's tasks (thousands of tasks, hundreds of instances). */
export function liveTasksByInstance(
  cluster: ClusterRecord,
): Map<string, Record<string, TaskRecord>> {
  const byInstance = new Map<string, Record<string, TaskRecord>>();
  for (const task of Object.values(cluster.tasks)) {
    if (!task.containerInstanceArn || !isLive(task)) continue;
    const tasks = byInstance.get(task.containerInstanceArn) ?? {};
    tasks[task.id] = task;
    byInstance.set(task.containerInstanceArn, tasks);
  }
  return byInstance;
}

/** The cluster with only `instance`'s live tasks, so the helpers below need not scan every task per instance. */
export function clusterSeenBy(
  cluster: ClusterRecord,
  byInstance: ReadonlyMap<string, Record<string, TaskRecord>>,
  instance: ContainerInstanceRecord,
): ClusterRecord {
  return { ...cluster, tasks: byInstance.get(instance.containerInstanceArn) ?? {} };
}

function resourceValue(resources: readonly Resource[], name: string): number {
  return resources.find((r) => r.name === name)?.integerValue ?? 0;
}

export function remainingResources(
  cluster: ClusterRecord,
  instance: ContainerInstanceRecord,
): Resource[] {
  const tasks = tasksOn(cluster, instance);
  const used = { CPU: 0, MEMORY: 0 };
  const ports = { PORTS: [] as string[], PORTS_UDP: [] as string[] };
  for (const task of tasks) {
    used.CPU += Number(task.cpu ?? 0) || 0;
    used.MEMORY += Number(task.memory ?? 0) || 0;
    for (const binding of task.containers.flatMap((c) => c.networkBindings)) {
      (binding.protocol === 'udp' ? ports.PORTS_UDP : ports.PORTS).push(String(binding.hostPort));
    }
  }
  return instance.registeredResources.map((resource) => {
    if (resource.name === 'CPU' || resource.name === 'MEMORY') {
      const value =
        resourceValue(instance.registeredResources, resource.name) - used[resource.name];
      return { ...resource, integerValue: value };
    }
    if (resource.name === 'PORTS' || resource.name === 'PORTS_UDP') {
      return {
        ...resource,
        stringSetValue: [...(resource.stringSetValue ?? []), ...ports[resource.name]],
      };
    }
    return { ...resource };
  });
}

export function instanceTaskCounts(cluster: ClusterRecord, instance: ContainerInstanceRecord) {
  const tasks = tasksOn(cluster, instance);
  return {
    runningTasksCount: tasks.filter(isRunning).length,
    pendingTasksCount: tasks.filter(isPending).length,
  };
}

export function clusterCounts(cluster: ClusterRecord) {
  const tasks = Object.values(cluster.tasks);
  return {
    registeredContainerInstancesCount: Object.values(cluster.containerInstances).filter(
      (i) => i.status === 'ACTIVE' || i.status === 'DRAINING',
    ).length,
    runningTasksCount: tasks.filter(isRunning).length,
    pendingTasksCount: tasks.filter(isPending).length,
    activeServicesCount: Object.values(cluster.services).filter((s) => s.status === 'ACTIVE')
      .length,
  };
}

export const serviceGroup = (serviceName: string) => `service:${serviceName}`;

/** A service's counts, overall and per deployment (its tasks carry the deployment id in startedBy). */
export function serviceCounts(cluster: ClusterRecord, service: ServiceRecord) {
  const tasks = Object.values(cluster.tasks).filter(
    (task) => task.group === serviceGroup(service.serviceName) && task.desiredStatus === 'RUNNING',
  );
  const count = (list: TaskRecord[]) => ({
    runningCount: list.filter(isRunning).length,
    pendingCount: list.filter(isPending).length,
  });
  return {
    ...count(tasks),
    deployments: Object.fromEntries(
      service.deployments.map((d) => [d.id, count(tasks.filter((t) => t.startedBy === d.id))]),
    ),
  };
}

/** What a cluster-query-language expression sees of an instance. */
export function cqlSubject(cluster: ClusterRecord, instance: ContainerInstanceRecord): CqlSubject {
  const tasks = tasksOn(cluster, instance);
  return {
    attributes: Object.fromEntries(instance.attributes.map((a) => [a.name, a.value ?? null])),
    agentConnected: instance.agentConnected,
    agentVersion: instance.versionInfo.agentVersion,
    ec2InstanceId: instance.ec2InstanceId,
    registeredAt: instance.registeredAt,
    runningTasksCount: tasks.filter(isRunning).length,
    taskGroups: tasks.map((t) => t.group),
  };
}
