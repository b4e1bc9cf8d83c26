'use client';
// The walkthrough's evidence query: seeded by the page, polled from /api/walkthrough at the console's live pace.
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '@/lib/queries/http';
import { queryKeys } from '@/lib/queries/keys';
import { pollInterval } from '@/lib/queries/polling';
import { walkthroughEvidenceSchema, type WalkthroughEvidence } from '@/lib/walkthrough/schema';

// Under the cluster's key, so every console action's invalidation refreshes it too.
export const walkthroughQueryKey = (cluster: string) =>
  [...queryKeys.cluster(cluster), 'walkthrough'] as const;

export function useWalkthrough(cluster: string, initial?: WalkthroughEvidence) {
  return useQuery({
    queryKey: walkthroughQueryKey(cluster),
    queryFn: () => fetchJson('/api/walkthrough', walkthroughEvidenceSchema),
    initialData: initial,
    initialDataUpdatedAt: initial ? Date.parse(initial.fetchedAt) : undefined,
    refetchInterval: pollInterval,
    refetchIntervalInBackground: true,
  });
}
