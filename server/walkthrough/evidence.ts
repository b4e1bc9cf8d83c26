// The walkthrough's live evidence: the cluster snapshot, Traefik's view, the web app's routes, the entrypoint and the last probes.
import 'server-only';
import { labelledServices } from '@/lib/traefik/traefik-task';
import { routesFromLabels } from '@/lib/traffic/traefik-config';
import type { AppRoutes, WalkthroughEvidence } from '@/lib/walkthrough/schema';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import { taskDefinitionFactsFor } from '@/server/traefik/task-definitions';
import { loadTraefikView } from '@/server/traefik/view';
import { discoverTraffic } from '@/server/traffic/discovery';
import { lastProbes } from '@/server/walkthrough/probe-store';

const unique = (values: string[]) => [...new Set(values)].sort();

async function appRoutes(
  ctx: EcsContext,
  services: { name: string; taskDefinition: string }[],
): Promise<AppRoutes[]> {
  const facts = await taskDefinitionFactsFor(
    ctx.ecs,
    services.map((s) => s.taskDefinition),
  );
  return services.flatMap((service) => {
    const definition = facts.get(service.taskDefinition);
    if (!definition) return [];
    const labels = definition.containers.map((c) => c.dockerLabels);
    const routes = labels.flatMap((l) => routesFromLabels(l));
    return [
      {
        service: service.name,
        taskDefinition: service.taskDefinition,
        hosts: unique(routes.flatMap((r) => (r.target.kind === 'host' ? [r.target.host] : []))),
        paths: unique(routes.flatMap((r) => (r.target.kind === 'path' ? [r.target.path] : []))),
        routers: unique(routes.map((r) => r.router)),
        traefikServices: unique(labels.flatMap((l) => [...labelledServices(l).keys()])),
      },
    ];
  });
}

export async function loadWalkthroughEvidence(
  ctx: EcsContext,
  // Defaults to TRAEFIK_API_URL (see loadTraefikView); tests pass null to use discovery alone.
  options: { traefikApiUrl?: string | null } = {},
): Promise<WalkthroughEvidence> {
  const snapshot = await getClusterSnapshot(ctx);
  const active = snapshot.services.filter((s) => s.status === 'ACTIVE' && s.taskDefinition);
  const [traefik, discovery, apps] = await Promise.all([
    loadTraefikView(ctx, { configuredUrl: options.traefikApiUrl }),
    discoverTraffic(ctx),
    appRoutes(ctx, active),
  ]);
  const { entrypoint } = discovery;
  return {
    snapshot,
    traefik,
    apps,
    entrypoint: entrypoint ? { host: entrypoint.host, port: entrypoint.port } : null,
    entrypointProblem: discovery.problem,
    probes: lastProbes(ctx),
    fetchedAt: new Date().toISOString(),
  };
}
