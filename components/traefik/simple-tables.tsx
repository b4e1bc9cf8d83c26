'use client';
// The small Traefik tables: entrypoints (name, address) and middlewares.
import type { ColumnDef } from '@tanstack/react-table';
import type { Middleware, TraefikEntrypoint } from '@/lib/schemas/traefik';
import { DataTable } from '@/components/ui/data-table';
import { TraefikStatus } from '@/components/traefik/traefik-status';

const entrypointColumns: ColumnDef<TraefikEntrypoint, unknown>[] = [
  { header: 'Entrypoint', accessorKey: 'name' },
  {
    header: 'Address',
    accessorKey: 'address',
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.address}</span>,
  },
];

const middlewareColumns: ColumnDef<Middleware, unknown>[] = [
  {
    header: 'Middleware',
    accessorKey: 'name',
    cell: ({ row }) => <span className="font-mono text-xs">{row.original.name}</span>,
  },
  { header: 'Type', accessorFn: (m) => m.type ?? '—' },
  {
    header: 'Status',
    accessorKey: 'status',
    cell: ({ row }) => <TraefikStatus status={row.original.status} />,
  },
  { header: 'Used by', accessorFn: (m) => (m.usedBy ?? []).join(', ') || '—' },
  {
    header: 'Errors',
    enableSorting: false,
    accessorFn: (m) => (m.error ?? []).join('; ') || 'none',
  },
];

export function EntrypointsTable({ entrypoints }: { entrypoints: TraefikEntrypoint[] }) {
  return (
    <div data-testid="traefik-entrypoints">
      <DataTable
        data={entrypoints}
        columns={entrypointColumns}
        getRowId={(e) => e.name}
        label="Entrypoints"
      />
    </div>
  );
}

export function MiddlewaresTable({ middlewares }: { middlewares: Middleware[] }) {
  return (
    <div data-testid="traefik-middlewares">
      <DataTable
        data={middlewares}
        columns={middlewareColumns}
        getRowId={(m) => m.name}
        label="Middlewares"
      />
    </div>
  );
}
