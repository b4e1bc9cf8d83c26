'use client';
// The cluster snapshot query: seeded by the page's server render, then polled from /api/snapshot.
import { useQuery } from '@tanstack/react-query';
import { clusterSnapshotSchema, type ClusterSnapshot } from '@/lib/schemas/snapshot';
import { fetchJson } from '@/lib/queries/http';
import { queryKeys } from '@/lib/queries/keys';
import { pollInterval } from '@/lib/queries/polling';

// How long the last successful refresh of each cluster took, written before its data lands, so views rendering
// that data read the matching time.
const refreshDurations = new Map<string, number>();

/** Milliseconds the last successful snapshot refresh took (the console's round trip to ECS), if one has run here. */
export function lastRefreshDurationMs(cluster: string): number | undefined {
  return refreshDurations.get(cluster);
}

export function useClusterSnapshot(cluster: string, initial?: ClusterSnapshot) {
  return useQuery({
    queryKey: queryKeys.snapshot(cluster),
    queryFn: async () => {
      const started = performance.now();
      const snapshot = await fetchJson('/api/snapshot', clusterSnapshotSchema);
      refreshDurations.set(cluster, performance.now() - started);
      return snapshot;
    },
    initialData: initial,
    initialDataUpdatedAt: initial ? Date.parse(initial.fetchedAt) : undefined,
    refetchInterval: pollInterval,
    // Keep polling while hidden, at pollInterval's slow pace; refocusing refetches at once.
    refetchIntervalInBackground: true,
  });
}
