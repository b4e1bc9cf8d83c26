'use client';
// Instances: the live table with selection for role assignment.
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { isCustomAttribute } from '@/lib/format/attributes';
import type { ClusterSnapshot, InstanceView } from '@/lib/schemas/snapshot';
import { instanceHref } from '@/lib/format/links';
import { ResourceIdCell } from '@/components/snapshot/resource-link';
import { SnapshotView } from '@/components/snapshot/snapshot-view';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import { UsageBar } from '@/components/ui/usage-bar';
import { RoleForm } from '@/components/instances/role-form';
import { RegisterInstances } from '@/components/instances/register-instances';

const columns: ColumnDef<InstanceView, unknown>[] = [
  {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => (
      <input
        type="checkbox"
        aria-label="Select all instances"
        checked={table.getIsAllRowsSelected()}
        ref={(el) => {
          if (el) el.indeterminate = table.getIsSomeRowsSelected();
        }}
        onChange={table.getToggleAllRowsSelectedHandler()}
      />
    ),
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select ${row.original.ec2InstanceId ?? row.original.id}`}
        checked={row.getIsSelected()}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  },
  {
    id: 'id',
    header: 'Instance',
    accessorFn: (i) => i.id,
    cell: ({ row }) => (
      <ResourceIdCell
        kind="instance"
        id={row.original.id}
        arn={row.original.arn}
        length={12}
        what="container instance ARN"
      />
    ),
  },
  {
    id: 'mi',
    header: 'Managed id',
    accessorFn: (i) => i.ec2InstanceId ?? '—',
    cell: (c) => <span className="font-mono text-xs">{String(c.getValue())}</span>,
  },
  {
    id: 'ip',
    header: 'IP',
    accessorFn: (i) => i.ip ?? '—',
    cell: (c) => <span className="font-mono text-xs">{String(c.getValue())}</span>,
  },
  {
    id: 'agent',
    header: 'Agent',
    accessorFn: (i) => (i.agentConnected ? 'connected' : 'disconnected'),
    cell: ({ row }) => (
      <div className="flex flex-col">
        <StatusBadge status={row.original.agentConnected ? 'connected' : 'disconnected'} />
        {row.original.status !== 'ACTIVE' ? <StatusBadge status={row.original.status} /> : null}
      </div>
    ),
  },
  {
    id: 'role',
    header: 'Role',
    accessorFn: (i) => i.role ?? '',
    cell: ({ row }) => row.original.role ?? <span className="text-muted">none</span>,
  },
  {
    id: 'attributes',
    header: 'Other attributes',
    enableSorting: false,
    cell: ({ row }) => {
      const custom = row.original.attributes.filter(
        (a) => isCustomAttribute(a) && a.name !== 'role',
      );
      const text = custom.map((a) => `${a.name}=${a.value ?? ''}`).join(', ');
      return custom.length === 0 ? (
        <span className="text-muted">—</span>
      ) : (
        <span className="block max-w-64 truncate font-mono text-xs" title={text}>
          {text}
        </span>
      );
    },
  },
  {
    id: 'tasks',
    header: 'Tasks',
    accessorFn: (i) => i.runningTasksCount,
    cell: ({ row }) => (
      <span className="tabular-nums">
        {row.original.runningTasksCount} running
        {row.original.pendingTasksCount ? `, ${row.original.pendingTasksCount} pending` : ''}
      </span>
    ),
  },
  {
    id: 'cpu',
    header: 'CPU used',
    accessorFn: (i) => i.cpu.registered - i.cpu.remaining,
    cell: ({ row }) => (
      <UsageBar
        label="CPU units"
        used={row.original.cpu.registered - row.original.cpu.remaining}
        total={row.original.cpu.registered}
      />
    ),
  },
  {
    id: 'memory',
    header: 'Memory used (MiB)',
    accessorFn: (i) => i.memory.registered - i.memory.remaining,
    cell: ({ row }) => (
      <UsageBar
        label="Memory MiB"
        used={row.original.memory.registered - row.original.memory.remaining}
        total={row.original.memory.registered}
      />
    ),
  },
];

function Instances({ cluster, snapshot }: { cluster: string; snapshot: ClusterSnapshot }) {
  const router = useRouter();
  const [selection, setSelection] = useState<RowSelectionState>({});
  const known = new Set(snapshot.instances.map((i) => i.arn));
  const selected = Object.keys(selection).filter((arn) => selection[arn] && known.has(arn));
  if (snapshot.instances.length === 0) {
    return (
      <div className="card">
        <EmptyState title="No external instances in this cluster">
          Register one with the ECS Anywhere install script (or start the lab with LAB_INSTANCES=3).
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <RoleForm cluster={cluster} instanceArns={selected} onDone={() => setSelection({})} />
      <div className="card overflow-hidden">
        <DataTable
          label="Instances"
          data={snapshot.instances}
          columns={columns}
          getRowId={(i) => i.arn}
          rowSelection={selection}
          onRowSelectionChange={setSelection}
          onOpenRow={(i) => router.push(instanceHref(i.id))}
        />
      </div>
    </div>
  );
}

export function InstancesClient({
  cluster,
  initial,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
}) {
  return (
    <div className="space-y-3">
      <RegisterInstances cluster={cluster} />
      <SnapshotView cluster={cluster} initial={initial}>
        {(snapshot) => <Instances cluster={cluster} snapshot={snapshot} />}
      </SnapshotView>
    </div>
  );
}
