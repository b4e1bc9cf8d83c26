// Instances page.
import { InstancesClient } from '@/components/instances/instances-client';
import { PageTitle } from '@/components/ui/page-title';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function InstancesPage() {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <>
      <PageTitle title="Instances">
        External instances of {cluster}. Select some to give them a role.
      </PageTitle>
      <InstancesClient cluster={cluster} initial={snapshot} />
    </>
  );
}
