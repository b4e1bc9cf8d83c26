// Joins backends (whoami container ids) to their ECS task and container instance, from the cluster snapshot.
import type { BackendStats } from '@/lib/schemas/traffic';
import type { InstanceView, TaskView } from '@/lib/schemas/snapshot';

export type BackendPlacement = Pick<BackendStats, 'task' | 'instance'>;

/** A container's hostname under Docker (and in the lab) is its runtimeId's first 12 characters. */
export function joinBackends(
  tasks: readonly TaskView[],
  instances: readonly InstanceView[],
): Map<string, BackendPlacement> {
  const instancesByArn = new Map(instances.map((i) => [i.arn, i]));
  const out = new Map<string, BackendPlacement>();
  // Newest first, so a RUNNING task wins over an older STOPPED record of the same container.
  const ordered = [...tasks].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
  for (const task of ordered) {
    const instance = task.containerInstanceArn
      ? instancesByArn.get(task.containerInstanceArn)
      : undefined;
    for (const { runtimeId } of task.containers) {
      const id = runtimeId?.slice(0, 12).toLowerCase() ?? '';
      if (id.length < 12 || out.has(id)) continue;
      out.set(id, {
        task: {
          arn: task.arn,
          id: task.id,
          service: task.serviceName,
          lastStatus: task.lastStatus,
        },
        instance: instance
          ? { id: instance.id, ec2InstanceId: instance.ec2InstanceId, ip: instance.ip }
          : null,
      });
    }
  }
  return out;
}
