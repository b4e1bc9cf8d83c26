// One instance's detail page (deep-linkable by container instance id or mi- id).
import Link from 'next/link';
import { InstanceDetail } from '@/components/instances/instance-detail';
import { PageTitle } from '@/components/ui/page-title';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function InstancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <>
      <p className="mb-1 text-sm">
        <Link className="text-blue-700 hover:underline dark:text-blue-400" href="/instances">
          ← Instances
        </Link>
      </p>
      <PageTitle title={`Instance ${decodeURIComponent(id)}`} />
      <InstanceDetail cluster={cluster} id={decodeURIComponent(id)} initial={snapshot} />
    </>
  );
}
