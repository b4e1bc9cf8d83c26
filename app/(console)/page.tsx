// Overview page.
import { OverviewClient } from '@/components/overview/overview-client';
import { PageTitle } from '@/components/ui/page-title';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function OverviewPage() {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <>
      <PageTitle title="Overview">Cluster {cluster} at a glance.</PageTitle>
      <OverviewClient cluster={cluster} initial={snapshot} />
    </>
  );
}
