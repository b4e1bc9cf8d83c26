'use client';
// Renders a view of the live snapshot, handling its loading, error and missing-cluster states in one place.
import type { ReactNode } from 'react';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { lastRefreshDurationMs, useClusterSnapshot } from '@/lib/queries/snapshot';
import { ecsHealth } from '@/components/snapshot/ecs-health';
import { EcsHealthBanner } from '@/components/snapshot/ecs-health-banner';
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
  // failureReason shows the first failed try while react-query still retries; error stays until a refresh succeeds.
  const health = ecsHealth(query.failureReason ?? query.error, lastRefreshDurationMs(cluster));
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
      {health ? (
        <EcsHealthBanner
          health={health}
          dataUpdatedAt={query.dataUpdatedAt}
          onRetry={() => query.refetch()}
        />
      ) : null}
      {children(snapshot)}
    </>
  );
}
