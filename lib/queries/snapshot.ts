'use client';
// The cluster snapshot query: seeded by the page's server render, then polled from /api/snapshot.
import { useQuery } from '@tanstack/react-query';
import { clusterSnapshotSchema, type ClusterSnapshot } from '@/lib/schemas/snapshot';
import { fetchJson } from '@/lib/queries/http';
import { queryKeys } from '@/lib/queries/keys';
import { pollInterval } from '@/lib/queries/polling';

export function useClusterSnapshot(cluster: string, initial?: ClusterSnapshot) {
  return useQuery({
    queryKey: queryKeys.snapshot(cluster),
    queryFn: () => fetchJson('/api/snapshot', clusterSnapshotSchema),
    initialData: initial,
    initialDataUpdatedAt: initial ? Date.parse(initial.fetchedAt) : undefined,
    refetchInterval: pollInterval,
    // Keep polling while hidden, at pollInterval's slow pace; refocusing refetches at once.
    refetchIntervalInBackground: true,
  });
}
