'use client';
// Renders a view of the live snapshot, handling its loading, error and missing-cluster states in one place.
import type { ReactNode } from 'react';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { useClusterSnapshot } from '@/lib/queries/snapshot';
import { EmptyState, ErrorState, Skeleton } from '@/components/ui/states';

export function SnapshotView({
  cluster,
  initial,
  children,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
  children: (snapshot: ClusterSnapshot) => ReactNode;
}) {
  const query = useClusterSnapshot(cluster, initial);
  if (query.isPending) return <Skeleton rows={6} label="Loading the cluster" />;
  if (query.isError && !query.data) {
    return (
      <ErrorState
        title={`Could not read cluster ${cluster}`}
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  const snapshot = query.data;
  if (snapshot.cluster.status !== 'ACTIVE') {
    return (
      <div className="card">
        <EmptyState
          title={`Cluster ${cluster} is ${snapshot.cluster.status === 'MISSING' ? 'not there' : 'deleted (INACTIVE)'}`}
        >
          Pick another cluster in the switcher above. In the lab,{' '}
          <code>npm run lab -- --reset</code> seeds a fresh <code>anywhere-lab</code> cluster.
        </EmptyState>
      </div>
    );
  }
  return (
    <>
      {query.isError ? (
        <ErrorState
          title="The last refresh failed; showing older data"
          error={query.error}
          onRetry={() => query.refetch()}
        />
      ) : null}
      {children(snapshot)}
    </>
  );
}
