'use client';
// One instance: every attribute and every task on it.
import Link from 'next/link';
import { isCustomAttribute } from '@/lib/format/attributes';
import type { Attribute, ClusterSnapshot } from '@/lib/schemas/snapshot';
import { SnapshotDetail } from '@/components/snapshot/snapshot-detail';
import { CopyableId } from '@/components/ui/copy-button';
import { EmptyState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeAgo } from '@/components/ui/time';
import { UsageBar } from '@/components/ui/usage-bar';
import { TaskSections } from '@/components/tasks/task-sections';

function AttributeTable({ attributes, label }: { attributes: Attribute[]; label: string }) {
  return (
    <table className="w-full text-sm" aria-label={label}>
      <tbody>
        {attributes.map((a) => (
          <tr key={a.name} className="border-t border-zinc-200 dark:border-zinc-800">
            <td className="w-1/2 px-4 py-1 font-mono text-xs">{a.name}</td>
            <td className="px-4 py-1 font-mono text-xs">{a.value ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InstanceDetail({
  cluster,
  id,
  initial,
}: {
  cluster: string;
  id: string;
  initial: ClusterSnapshot | undefined;
}) {
  return (
    <SnapshotDetail
      cluster={cluster}
      initial={initial}
      find={(snapshot) => snapshot.instances.find((i) => i.id === id || i.ec2InstanceId === id)}
      missing={{
        title: `Instance ${id} is not in cluster ${cluster}`,
        why: 'It may have been deregistered, or it belongs to another cluster.',
        back: { href: '/instances', label: 'instances' },
      }}
    >
      {(instance, snapshot) => {
        const tasks = snapshot.tasks.filter((t) => t.containerInstanceArn === instance.arn);
        const custom = instance.attributes.filter(isCustomAttribute);
        const builtIn = instance.attributes.filter((a) => !isCustomAttribute(a));
        return (
          <div className="space-y-4">
            <div className="card grid grid-cols-2 gap-4 p-4 text-sm md:grid-cols-4">
              <div>
                <p className="label">Managed id</p>
                {instance.ec2InstanceId ? (
                  <CopyableId value={instance.ec2InstanceId} what="managed instance id" />
                ) : (
                  '—'
                )}
              </div>
              <div>
                <p className="label">IP</p>
                <p className="font-mono">{instance.ip ?? '—'}</p>
              </div>
              <div>
                <p className="label">Agent</p>
                <StatusBadge status={instance.agentConnected ? 'connected' : 'disconnected'} />{' '}
                <StatusBadge status={instance.status} />
              </div>
              <div>
                <p className="label">Tasks</p>
                <p>
                  {instance.runningTasksCount} running, {instance.pendingTasksCount} pending
                </p>
              </div>
              <div>
                <p className="label">CPU used</p>
                <UsageBar
                  label="CPU units"
                  used={instance.cpu.registered - instance.cpu.remaining}
                  total={instance.cpu.registered}
                />
              </div>
              <div>
                <p className="label">Memory used (MiB)</p>
                <UsageBar
                  label="Memory MiB"
                  used={instance.memory.registered - instance.memory.remaining}
                  total={instance.memory.registered}
                />
              </div>
              <div>
                <p className="label">Registered</p>
                <TimeAgo iso={instance.registeredAt} />
              </div>
              <div className="col-span-2 md:col-span-3">
                <p className="label">ARN</p>
                <CopyableId
                  value={instance.arn}
                  what="container instance ARN"
                  testId="instance-arn"
                />
              </div>
            </div>
            <section className="card" aria-labelledby="attributes-title">
              <h2 id="attributes-title" className="card-title">
                Custom attributes ({custom.length})
              </h2>
              {custom.length === 0 ? (
                <EmptyState title="No custom attributes">
                  Give it a role on the{' '}
                  <Link className="underline" href="/instances">
                    Instances
                  </Link>{' '}
                  page.
                </EmptyState>
              ) : (
                <AttributeTable attributes={custom} label="Custom attributes" />
              )}
              <details className="border-t border-zinc-200 dark:border-zinc-800">
                <summary className="cursor-pointer px-4 py-2 text-sm">
                  Attributes set by ECS and the agent ({builtIn.length})
                </summary>
                <AttributeTable attributes={builtIn} label="Built-in attributes" />
              </details>
            </section>
            <TaskSections
              cluster={cluster}
              tasks={tasks}
              title="Tasks on this instance"
              headingId="instance-tasks-title"
              empty="Give this instance a role that a service’s placement constraint asks for."
            />
          </div>
        );
      }}
    </SnapshotDetail>
  );
}
