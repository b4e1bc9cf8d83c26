// Tasks page.
import { TasksClient } from '@/components/tasks/tasks-client';
import { PageTitle } from '@/components/ui/page-title';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function TasksPage() {
  const { cluster, snapshot } = await loadSnapshotPage();
  return (
    <>
      <PageTitle title="Tasks">Running and recently stopped tasks of {cluster}.</PageTitle>
      <TasksClient cluster={cluster} initial={snapshot} />
    </>
  );
}
