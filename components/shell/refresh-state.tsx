'use client';
// "updated 2 s ago" with a spinner while a refresh runs, and a button to refresh now.
import { useQueryClient } from '@tanstack/react-query';
import { TimeAgo } from '@/components/ui/time';
import { useHydrated } from '@/components/ui/use-hydrated';
import { queryKeys } from '@/lib/queries/keys';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { useClusterSnapshot } from '@/lib/queries/snapshot';

// The header is the first observer of the snapshot, so it polls on every page, including those that do not show it.
export function RefreshState({
  cluster,
  initial,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
}) {
  const query = useClusterSnapshot(cluster, initial);
  // react-query reports a fetch-on-mount already during hydration; the server could not know it.
  const hydrated = useHydrated();
  const fetching = hydrated && query.isFetching;
  // A refresh that is still retrying has failed too: say so from the first failed try.
  const failed = hydrated && (query.isError || query.failureCount > 0);
  const updatedAt = query.dataUpdatedAt;
  const client = useQueryClient();
  return (
    <div className="flex items-center gap-2 text-xs text-muted" data-testid="refresh-state">
      <span
        aria-hidden
        className={`inline-block h-3 w-3 rounded-full border-2 border-line border-t-accent ${fetching ? 'animate-spin' : 'opacity-0'}`}
      />
      <span aria-live="off">
        {failed ? 'refresh failed · ' : ''}
        {updatedAt ? (
          <>
            updated <TimeAgo iso={updatedAt} />
          </>
        ) : (
          'loading…'
        )}
        {fetching ? (failed ? ' · retrying' : ' · refreshing') : ''}
      </span>
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => client.invalidateQueries({ queryKey: queryKeys.cluster(cluster) })}
      >
        Refresh
      </button>
    </div>
  );
}
