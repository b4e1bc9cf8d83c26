'use client';
// One task's page: identity, status and why it stopped, where it runs, its containers and times, live.
import type { ReactNode } from 'react';
import { taskDefinitionName } from '@/lib/format/arn';
import type { ClusterSnapshot, TaskView } from '@/lib/schemas/snapshot';
import { ResourceLink } from '@/components/snapshot/resource-link';
import { SnapshotDetail } from '@/components/snapshot/snapshot-detail';
import { CopyableId } from '@/components/ui/copy-button';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeAgo } from '@/components/ui/time';
import { StopTaskButton } from '@/components/tasks/stop-task-button';
import { TaskContainers } from '@/components/tasks/task-containers';

function Fact({ term, children, wide }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'col-span-2' : undefined}>
      <dt className="label">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

function Task({
  cluster,
  task,
  snapshot,
}: {
  cluster: string;
  task: TaskView;
  snapshot: ClusterSnapshot;
}) {
  const instance = snapshot.instances.find((i) => i.arn === task.containerInstanceArn);
  const service = task.serviceName ?? task.group?.replace(/^service:/, '') ?? null;
  const known = service !== null && snapshot.services.some((s) => s.name === service);
  return (
    <div className="space-y-4">
      <section className="card" aria-labelledby="task-status-title">
        <div className="card-title flex items-center justify-between gap-2">
          <h2 id="task-status-title">Status</h2>
          <StopTaskButton cluster={cluster} task={task} />
        </div>
        <dl className="grid grid-cols-2 gap-4 p-4 text-sm md:grid-cols-4">
          <Fact term="Task id" wide>
            <CopyableId value={task.id} what="task id" testId="task-id" />
          </Fact>
          <Fact term="ARN" wide>
            <CopyableId value={task.arn} what="task ARN" testId="task-arn" />
          </Fact>
          <Fact term="Last status">
            <StatusBadge status={task.lastStatus} />
          </Fact>
          <Fact term="Desired status">
            <StatusBadge status={task.desiredStatus} />
          </Fact>
          <Fact term="Stop code" wide>
            {task.stopCode ? <StatusBadge status={task.stopCode} /> : '—'}
            {task.stoppedReason ? (
              <p className="mt-1 text-muted" data-testid="stopped-reason">
                {task.stoppedReason}
              </p>
            ) : null}
          </Fact>
          <Fact term="Task definition">
            <span className="font-mono text-xs">{taskDefinitionName(task.taskDefinitionArn)}</span>
          </Fact>
          <Fact term="Service">
            {service && known ? (
              <ResourceLink kind="service" id={service} />
            ) : (
              (service ?? task.group ?? '—')
            )}
          </Fact>
          <Fact term="Container instance">
            {task.containerInstanceId ? (
              <ResourceLink kind="instance" id={task.containerInstanceId}>
                {instance?.ec2InstanceId ?? task.containerInstanceId.slice(0, 12)}
              </ResourceLink>
            ) : (
              '—'
            )}
            {instance?.ip ? <span className="ml-1.5 text-xs text-muted">{instance.ip}</span> : null}
          </Fact>
          <Fact term="Launch type">{task.launchType ?? '—'}</Fact>
          <Fact term="Created">
            <TimeAgo iso={task.createdAt} />
          </Fact>
          <Fact term="Started">
            <TimeAgo iso={task.startedAt} />
          </Fact>
          <Fact term="Stopping">
            <TimeAgo iso={task.stoppingAt} />
          </Fact>
          <Fact term="Stopped">
            <TimeAgo iso={task.stoppedAt} />
          </Fact>
        </dl>
      </section>
      <section className="card overflow-hidden" aria-labelledby="task-containers-title">
        <h2 id="task-containers-title" className="card-title">
          Containers ({task.containers.length})
        </h2>
        <TaskContainers task={task} hostIp={instance?.ip ?? null} />
      </section>
    </div>
  );
}

export function TaskDetail({
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
      find={(snapshot) => snapshot.tasks.find((t) => t.id === id)}
      missing={{
        title: `Task ${id} is not in cluster ${cluster}`,
        why: 'It may have stopped over an hour ago (ECS forgets stopped tasks after about an hour), or it runs in another cluster.',
        back: { href: '/tasks', label: 'tasks' },
      }}
    >
      {(task, snapshot) => <Task cluster={cluster} task={task} snapshot={snapshot} />}
    </SnapshotDetail>
  );
}
