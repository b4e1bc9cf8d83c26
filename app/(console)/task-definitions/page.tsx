// Task definitions page.
import { TaskDefinitionsClient } from '@/components/task-definitions/task-definitions-client';
import { PageTitle } from '@/components/ui/page-title';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';

export default async function TaskDefinitionsPage() {
  await requirePageSession();
  const { cluster } = await getEcsContext();
  return (
    <>
      <PageTitle title="Task definitions">Active families and revisions in this region.</PageTitle>
      <TaskDefinitionsClient cluster={cluster} />
    </>
  );
}
