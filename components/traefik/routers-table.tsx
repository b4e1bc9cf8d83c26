'use client';
// HTTP routers: name@provider, the rule in words, entrypoints, service, status, errors.
import type { ColumnDef } from '@tanstack/react-table';
import type { HttpRouter } from '@/lib/schemas/traefik';
import { ruleText } from '@/lib/traefik/rule-text';
import { DataTable } from '@/components/ui/data-table';
import { TraefikStatus } from '@/components/traefik/traefik-status';

const columns: ColumnDef<HttpRouter, unknown>[] = [
  {
    header: 'Router',
    accessorKey: 'name',
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.name}</span>,
  },
  {
    header: 'Rule',
    accessorFn: (r) => r.rule ?? '',
    cell: ({ row }) =>
      row.original.rule ? (
        <span title={row.original.rule} data-testid="router-rule">
          {ruleText(row.original.rule)}
        </span>
      ) : (
        '—'
      ),
  },
  { header: 'Entrypoints', accessorFn: (r) => (r.entryPoints ?? []).join(', ') },
  {
    header: 'Service',
    accessorFn: (r) => r.service ?? '',
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.service ?? '—'}</span>,
  },
  {
    header: 'Status',
    accessorKey: 'status',
    cell: ({ row }) => <TraefikStatus status={row.original.status} />,
  },
  {
    header: 'Errors and warnings',
    enableSorting: false,
    accessorFn: (r) => (r.error ?? []).join('; '),
    cell: ({ row }) =>
      (row.original.error ?? []).length === 0 ? (
        <span className="text-muted">none</span>
      ) : (
        <ul className="text-xs text-red-700 dark:text-red-400">
          {(row.original.error ?? []).map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ),
  },
];

export function RoutersTable({ routers }: { routers: HttpRouter[] }) {
  return (
    <div data-testid="traefik-routers">
      <DataTable data={routers} columns={columns} getRowId={(r) => r.name} label="HTTP routers" />
    </div>
  );
}
