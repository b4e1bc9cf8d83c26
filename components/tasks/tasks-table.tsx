'use client';
// The tasks table (Tasks page and an instance's detail).
import type { ColumnDef } from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import { taskDefinitionName } from '@/lib/format/arn';
import { taskHref } from '@/lib/format/links';
import type { TaskView } from '@/lib/schemas/snapshot';
import { ResourceIdCell, ResourceLink } from '@/components/snapshot/resource-link';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeAgo } from '@/components/ui/time';
import { StopButton, StopTaskDialog } from '@/components/tasks/stop-task-button';

function hostPorts(task: TaskView): string {
  const ports = task.containers.flatMap((c) =>
    c.networkBindings.map(
      (b) => `${b.hostPort ?? '?'}→${b.containerPort ?? '?'}/${b.protocol ?? 'tcp'}`,
    ),
  );
  return ports.length ? ports.join(', ') : '—';
}

export function TasksTable({ cluster, tasks }: { cluster: string; tasks: TaskView[] }) {
  const router = useRouter();
  // One dialog for the whole table: a row mounts a plain button, not a dialog and an action hook.
  const [stopping, setStopping] = useState<TaskView | null>(null);
  const columns = useMemo<ColumnDef<TaskView, unknown>[]>(
    () => [
      {
        id: 'id',
        header: 'Task',
        accessorFn: (t) => t.id,
        cell: ({ row }) => (
          <ResourceIdCell
            kind="task"
            id={row.original.id}
            arn={row.original.arn}
            length={8}
            what="task ARN"
          />
        ),
      },
      {
        id: 'service',
        header: 'Service',
        accessorFn: (t) => t.serviceName ?? t.group ?? '',
        cell: ({ row }) =>
          row.original.serviceName ? (
            <ResourceLink kind="service" id={row.original.serviceName} prefetch={false} />
          ) : (
            (row.original.group ?? '—')
          ),
      },
      {
        id: 'definition',
        header: 'Task definition',
        accessorFn: (t) => taskDefinitionName(t.taskDefinitionArn),
      },
      {
        id: 'status',
        header: 'Last / desired',
        accessorFn: (t) => t.lastStatus,
        cell: ({ row }) => (
          <div className="flex flex-col">
            <StatusBadge status={row.original.lastStatus} />
            <span className="text-xs text-muted">→ {row.original.desiredStatus}</span>
          </div>
        ),
      },
      {
        id: 'instance',
        header: 'Instance',
        accessorFn: (t) => t.containerInstanceId ?? '',
        cell: ({ row }) =>
          row.original.containerInstanceId ? (
            <ResourceLink kind="instance" id={row.original.containerInstanceId} prefetch={false}>
              {row.original.containerInstanceId.slice(0, 12)}
            </ResourceLink>
          ) : (
            '—'
          ),
      },
      {
        id: 'ports',
        header: 'Host ports',
        accessorFn: hostPorts,
        cell: (c) => <span className="font-mono text-xs">{String(c.getValue())}</span>,
      },
      {
        id: 'started',
        header: 'Started',
        accessorFn: (t) => t.startedAt ?? '',
        cell: ({ row }) => (
          <span className="text-xs">
            <TimeAgo iso={row.original.startedAt} />
          </span>
        ),
      },
      {
        id: 'stopped',
        header: 'Stopped',
        accessorFn: (t) => t.stoppedAt ?? '',
        cell: ({ row }) => (
          <span className="text-xs">
            <TimeAgo iso={row.original.stoppedAt} />
          </span>
        ),
      },
      {
        id: 'reason',
        header: 'Stop code / reason',
        accessorFn: (t) => t.stopCode ?? '',
        cell: ({ row }) =>
          row.original.stopCode || row.original.stoppedReason ? (
            <div className="flex max-w-64 flex-col text-xs">
              {row.original.stopCode ? <StatusBadge status={row.original.stopCode} /> : null}
              <span className="truncate text-muted" title={row.original.stoppedReason ?? undefined}>
                {row.original.stoppedReason}
              </span>
            </div>
          ) : (
            '—'
          ),
      },
      {
        id: 'actions',
        header: '',
        enableSorting: false,
        cell: ({ row }) => (
          <StopButton task={row.original} onClick={() => setStopping(row.original)} />
        ),
      },
    ],
    [],
  );
  return (
    <>
      <DataTable
        label="Tasks"
        data={tasks}
        columns={columns}
        getRowId={(t) => t.arn}
        onOpenRow={(t) => router.push(taskHref(t.id))}
      />
      <StopTaskDialog cluster={cluster} task={stopping} onClose={() => setStopping(null)} />
    </>
  );
}
