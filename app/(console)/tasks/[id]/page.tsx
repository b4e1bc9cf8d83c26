// One task's page, deep-linkable by its id (the last part of its ARN).
import { resourceIdParam } from '@/lib/schemas/route-params';
import { TaskDetail } from '@/components/tasks/task-detail';
import { DetailPage } from '@/components/snapshot/detail-page';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function TaskPage({ params }: { params: Promise<{ id: string }> }) {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <DetailPage
      noun="task"
      cluster={cluster}
      parsed={resourceIdParam.safeParse((await params).id)}
      back={{ href: '/tasks', label: 'Tasks' }}
    >
      {(id) => <TaskDetail cluster={cluster} id={id} initial={snapshot} />}
    </DetailPage>
  );
}
