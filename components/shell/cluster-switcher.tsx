'use client';
// Lists the account's clusters and switches the one this browser looks at.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { clusterListSchema } from '@/lib/schemas/clusters';
import { fetchJson } from '@/lib/queries/http';
import { queryKeys } from '@/lib/queries/keys';

export function ClusterSwitcher({ cluster }: { cluster: string }) {
  const router = useRouter();
  const client = useQueryClient();
  const [switching, setSwitching] = useState(false);
  const { data, isError } = useQuery({
    queryKey: queryKeys.clusters(),
    queryFn: () => fetchJson('/api/clusters', clusterListSchema),
    refetchInterval: 30_000,
  });
  const names = [...new Set([cluster, ...(data?.clusters ?? [])])].sort();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted">Cluster</span>
      <select
        className="input py-1"
        value={cluster}
        disabled={switching}
        aria-describedby={isError ? 'cluster-list-error' : undefined}
        onChange={async (event) => {
          setSwitching(true);
          await fetch('/api/clusters', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ cluster: event.target.value }),
          });
          await client.invalidateQueries();
          router.refresh();
          setSwitching(false);
        }}
      >
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
            {data && !data.clusters.includes(name) ? ' (not found)' : ''}
          </option>
        ))}
      </select>
      {isError ? (
        <span id="cluster-list-error" className="text-xs text-red-700">
          could not list clusters
        </span>
      ) : null}
    </label>
  );
}
