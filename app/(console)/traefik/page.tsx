// Traefik page: what Traefik routes and where, next to what ECS runs.
import { TraefikClient } from '@/components/traefik/traefik-client';
import { PageTitle } from '@/components/ui/page-title';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';

export default async function TraefikPage() {
  await requirePageSession();
  const { cluster } = await getEcsContext();
  return (
    <>
      <PageTitle title="Traefik">
        Routers, services and servers of the Traefik in {cluster}, each server matched to its ECS
        task.
      </PageTitle>
      <TraefikClient cluster={cluster} />
    </>
  );
}
