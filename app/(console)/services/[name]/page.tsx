// One service's page, deep-linkable by its name.
import { serviceNameParam } from '@/lib/schemas/route-params';
import { ServiceDetail } from '@/components/services/service-detail';
import { DetailPage } from '@/components/snapshot/detail-page';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function ServicePage({ params }: { params: Promise<{ name: string }> }) {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <DetailPage
      noun="service"
      cluster={cluster}
      parsed={serviceNameParam.safeParse((await params).name)}
      back={{ href: '/services', label: 'Services' }}
    >
      {(name) => <ServiceDetail cluster={cluster} name={name} initial={snapshot} />}
    </DetailPage>
  );
}
