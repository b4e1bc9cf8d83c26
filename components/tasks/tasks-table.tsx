'use client';
// The tasks table (Tasks page and an instance's detail).
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo } from 'react';
import { taskDefinitionName } from '@/lib/format/arn';
import type { TaskView } from '@/lib/schemas/snapshot';
import { DataTable } from '@/components/ui/data-table';
import { StatusBadge } from '@/components/ui/status-badge';
import { LocalTime } from '@/components/ui/time';
import { StopTaskButton } from '@/components/tasks/stop-task-button';

function hostPorts(task: TaskView): string {
  const ports = task.containers.flatMap((c) =>
    c.networkBindings.map(
      (b) => `${b.hostPort ?? '?'}→${b.containerPort ?? '?'}/${b.protocol ?? 'tcp'}`,
    ),
  );
  return ports.length ? ports.join(', ') : '—';
}

export function TasksTable({ cluster, tasks }: { cluster: string; tasks: TaskView[] }) {
  const columns = useMemo<ColumnDef<TaskView, unknown>[]>(
    () => [
      {
        id: 'id',
        header: 'Task',
        accessorFn: (t) => t.id,
        cell: ({ row }) => (
          <span className="font-mono text-xs" title={row.original.arn}>
            {row.original.id.slice(0, 8)}
          </span>
        ),
      },
      { id: 'service', header: 'Service', accessorFn: (t) => t.serviceName ?? t.group ?? '' },
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
            <span className="text-xs text-zinc-500">→ {row.original.desiredStatus}</span>
          </div>
        ),
      },
      {
        id: 'instance',
        header: 'Instance',
        accessorFn: (t) => t.containerInstanceId ?? '',
        cell: ({ row }) =>
          row.original.containerInstanceId ? (
            <Link
              className="font-mono text-xs text-blue-700 hover:underline dark:text-blue-400"
              href={`/instances/${row.original.containerInstanceId}`}
            >
              {row.original.containerInstanceId.slice(0, 12)}
            </Link>
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
            <LocalTime iso={row.original.startedAt} />
          </span>
        ),
      },
      {
        id: 'stopped',
        header: 'Stopped',
        accessorFn: (t) => t.stoppedAt ?? '',
        cell: ({ row }) => (
          <span className="text-xs">
            <LocalTime iso={row.original.stoppedAt} />
          </span>
        ),
      },
      {
        id: 'reason',
        header: 'Stop code / reason',
        accessorFn: (t) => t.stopCode ?? '',
        cell: ({ row }) =>
          row.original.stopCode || row.original.stoppedReason ? (
            <div className="max-w-64 text-xs">
              {row.original.stopCode ? <StatusBadge status={row.original.stopCode} /> : null}
              <p className="text-zinc-600 dark:text-zinc-400">{row.original.stoppedReason}</p>
            </div>
          ) : (
            '—'
          ),
      },
      {
        id: 'actions',
        header: '',
        enableSorting: false,
        cell: ({ row }) => <StopTaskButton cluster={cluster} task={row.original} />,
      },
    ],
    [cluster],
  );
  return <DataTable label="Tasks" data={tasks} columns={columns} getRowId={(t) => t.arn} />;
}
