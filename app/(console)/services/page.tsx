// Services page.
import { ServicesClient } from '@/components/services/services-client';
import { PageTitle } from '@/components/ui/page-title';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function ServicesPage() {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <>
      <PageTitle title="Services">
        Services of {cluster}: scale them, deploy the scenario’s two, or clean up.
      </PageTitle>
      <ServicesClient cluster={cluster} initial={snapshot} />
    </>
  );
}
