// Where Traefik's API is for a cluster: TRAEFIK_API_URL, or discovered from the cluster snapshot and task definitions.
import 'server-only';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { findTraefik, type TraefikLocation } from '@/lib/traefik/find-traefik';
import type { TaskDefinitionFacts } from '@/lib/traefik/traefik-task';
import { getConfig } from '@/server/config';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import { taskDefinitionFactsFor } from '@/server/traefik/task-definitions';

export interface LocatedTraefik {
  location: TraefikLocation;
  snapshot: ClusterSnapshot;
  facts: Map<string, TaskDefinitionFacts>;
}

export async function locateTraefik(
  ctx: EcsContext,
  configuredUrl: string | null = getConfig().traefikApiUrl,
): Promise<LocatedTraefik> {
  const snapshot = await getClusterSnapshot(ctx);
  const live = snapshot.tasks.filter(
    (t) => t.desiredStatus === 'RUNNING' || t.lastStatus === 'RUNNING',
  );
  const facts = await taskDefinitionFactsFor(ctx.ecs, [
    ...snapshot.services.map((s) => s.taskDefinition),
    ...live.map((t) => t.taskDefinitionArn),
  ]);
  return { location: findTraefik(snapshot, facts, configuredUrl), snapshot, facts };
}
