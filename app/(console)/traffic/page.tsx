// Traffic page: live load through Traefik, split per backend; discovery of the entrypoint and routers happens here.
import { PageTitle } from '@/components/ui/page-title';
import { TrafficClient } from '@/components/traffic/traffic-client';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';
import { discoverTraffic, type TrafficDiscovery } from '@/server/traffic/discovery';
import { describeEcsError } from '@/server/ecs/errors';

export const dynamic = 'force-dynamic';

export default async function TrafficPage() {
  const { ctx, cluster, snapshot } = await loadSnapshotPage();
  const discovery: TrafficDiscovery = await discoverTraffic(ctx).catch((error: unknown) => ({
    entrypoint: null,
    routes: [],
    problem: `Could not look for Traefik: ${describeEcsError(error).message}`,
  }));
  return (
    <>
      <PageTitle title="Traffic">
        Send requests through Traefik and watch how they spread over the backends of {cluster}.
      </PageTitle>
      <TrafficClient
        cluster={cluster}
        initial={snapshot}
        entrypoint={discovery.entrypoint}
        routes={discovery.routes}
        problem={discovery.problem}
      />
    </>
  );
}
