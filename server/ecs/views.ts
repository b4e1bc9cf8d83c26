// Maps ECS and SSM SDK shapes to the console's snapshot views (plain JSON, ISO dates, no undefined).
import 'server-only';
import type { Cluster, ContainerInstance, Service, Task } from '@aws-sdk/client-ecs';
import type { ClusterView, InstanceView, ServiceView, TaskView } from '@/lib/schemas/snapshot';

const iso = (date: Date | undefined) => (date ? date.toISOString() : null);
const lastSegment = (arn: string) => arn.split('/').pop() ?? arn;

export function toClusterView(name: string, cluster: Cluster | undefined): ClusterView {
  return {
    name: cluster?.clusterName ?? name,
    arn: cluster?.clusterArn ?? null,
    status: cluster?.status ?? 'MISSING',
    registeredContainerInstancesCount: cluster?.registeredContainerInstancesCount ?? 0,
    runningTasksCount: cluster?.runningTasksCount ?? 0,
    pendingTasksCount: cluster?.pendingTasksCount ?? 0,
    activeServicesCount: cluster?.activeServicesCount ?? 0,
  };
}

function resource(instance: ContainerInstance, name: 'CPU' | 'MEMORY') {
  const value = (list: ContainerInstance['registeredResources']) =>
    list?.find((r) => r.name === name)?.integerValue ?? 0;
  return {
    registered: value(instance.registeredResources),
    remaining: value(instance.remainingResources),
  };
}

export function toInstanceView(
  instance: ContainerInstance,
  ssm: { ip: string | null; pingStatus: string | null } | undefined,
): InstanceView {
  const arn = instance.containerInstanceArn ?? '';
  const attributes = (instance.attributes ?? [])
    .map((a) => ({ name: a.name ?? '', value: a.value ?? null }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    arn,
    id: lastSegment(arn),
    ec2InstanceId: instance.ec2InstanceId ?? null,
    ip: ssm?.ip ?? null,
    pingStatus: ssm?.pingStatus ?? null,
    status: instance.status ?? 'UNKNOWN',
    agentConnected: instance.agentConnected ?? false,
    role: attributes.find((a) => a.name === 'role')?.value ?? null,
    attributes,
    runningTasksCount: instance.runningTasksCount ?? 0,
    pendingTasksCount: instance.pendingTasksCount ?? 0,
    cpu: resource(instance, 'CPU'),
    memory: resource(instance, 'MEMORY'),
    registeredAt: iso(instance.registeredAt),
  };
}

export function toServiceView(service: Service): ServiceView {
  return {
    arn: service.serviceArn ?? '',
    name: service.serviceName ?? '',
    status: service.status ?? 'UNKNOWN',
    desiredCount: service.desiredCount ?? 0,
    runningCount: service.runningCount ?? 0,
    pendingCount: service.pendingCount ?? 0,
    taskDefinition: service.taskDefinition ?? '',
    launchType: service.launchType ?? null,
    deployments: (service.deployments ?? []).map((d) => ({
      id: d.id ?? '',
      status: d.status ?? 'UNKNOWN',
      taskDefinition: d.taskDefinition ?? '',
      desiredCount: d.desiredCount ?? 0,
      runningCount: d.runningCount ?? 0,
      pendingCount: d.pendingCount ?? 0,
      failedTasks: d.failedTasks ?? 0,
      rolloutState: d.rolloutState ?? null,
      rolloutStateReason: d.rolloutStateReason ?? null,
      createdAt: iso(d.createdAt),
      updatedAt: iso(d.updatedAt),
    })),
    events: (service.events ?? [])
      .map((e) => ({ id: e.id ?? '', createdAt: iso(e.createdAt), message: e.message ?? '' }))
      .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')),
    placementConstraints: (service.placementConstraints ?? []).map((c) => ({
      type: c.type ?? '',
      expression: c.expression ?? null,
    })),
    placementStrategy: (service.placementStrategy ?? []).map((s) => ({
      type: s.type ?? '',
      field: s.field ?? null,
    })),
    createdAt: iso(service.createdAt),
  };
}

export function toTaskView(task: Task): TaskView {
  const arn = task.taskArn ?? '';
  const group = task.group ?? null;
  return {
    arn,
    id: lastSegment(arn),
    taskDefinitionArn: task.taskDefinitionArn ?? '',
    group,
    serviceName: group?.startsWith('service:') ? group.slice('service:'.length) : null,
    lastStatus: task.lastStatus ?? 'UNKNOWN',
    desiredStatus: task.desiredStatus ?? 'UNKNOWN',
    containerInstanceArn: task.containerInstanceArn ?? null,
    containerInstanceId: task.containerInstanceArn ? lastSegment(task.containerInstanceArn) : null,
    launchType: task.launchType ?? null,
    createdAt: iso(task.createdAt),
    startedAt: iso(task.startedAt),
    stoppingAt: iso(task.stoppingAt),
    stoppedAt: iso(task.stoppedAt),
    stopCode: task.stopCode ?? null,
    stoppedReason: task.stoppedReason ?? null,
    containers: (task.containers ?? []).map((c) => ({
      name: c.name ?? '',
      image: c.image ?? null,
      lastStatus: c.lastStatus ?? null,
      exitCode: c.exitCode ?? null,
      reason: c.reason ?? null,
      runtimeId: c.runtimeId ?? null,
      networkBindings: (c.networkBindings ?? []).map((b) => ({
        bindIP: b.bindIP ?? null,
        containerPort: b.containerPort ?? null,
        hostPort: b.hostPort ?? null,
        protocol: b.protocol ?? null,
      })),
    })),
  };
}
