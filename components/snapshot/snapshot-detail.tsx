'use client';
// A detail view of one resource in the live snapshot, or what to do when the cluster does not have it.
import type { ReactNode } from 'react';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { NotInCluster } from '@/components/snapshot/not-in-cluster';
import { SnapshotView } from '@/components/snapshot/snapshot-view';

export function SnapshotDetail<T>({
  cluster,
  initial,
  find,
  missing,
  children,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
  find: (snapshot: ClusterSnapshot) => T | undefined;
  missing: { title: string; why: string; back: { href: string; label: string } };
  children: (item: T, snapshot: ClusterSnapshot) => ReactNode;
}) {
  return (
    <SnapshotView cluster={cluster} initial={initial}>
      {(snapshot) => {
        const item = find(snapshot);
        return item === undefined ? <NotInCluster {...missing} /> : children(item, snapshot);
      }}
    </SnapshotView>
  );
}
