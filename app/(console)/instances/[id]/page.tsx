// One instance's detail page (deep-linkable by container instance id or mi- id).
import { resourceIdParam } from '@/lib/schemas/route-params';
import { InstanceDetail } from '@/components/instances/instance-detail';
import { DetailPage } from '@/components/snapshot/detail-page';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <DetailPage
      noun="instance"
      cluster={cluster}
      parsed={resourceIdParam.safeParse((await params).id)}
      back={{ href: '/instances', label: 'Instances' }}
    >
      {(id) => <InstanceDetail cluster={cluster} id={id} initial={snapshot} />}
    </DetailPage>
  );
}
