'use client';
// The Traefik view query, polled from /api/traefik at the console's live pace.
import { useQuery } from '@tanstack/react-query';
import { traefikViewSchema } from '@/lib/schemas/traefik';
import { fetchJson } from '@/lib/queries/http';
import { queryKeys } from '@/lib/queries/keys';
import { pollInterval } from '@/lib/queries/polling';

export const traefikQueryKey = (cluster: string) =>
  [...queryKeys.cluster(cluster), 'traefik'] as const;

export function useTraefik(cluster: string) {
  return useQuery({
    queryKey: traefikQueryKey(cluster),
    queryFn: () => fetchJson('/api/traefik', traefikViewSchema),
    refetchInterval: pollInterval,
    refetchIntervalInBackground: true,
  });
}
