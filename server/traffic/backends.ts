// Keeps a run's backend → task/instance join fresh from the cluster snapshot.
import 'server-only';
import { joinBackends, type BackendPlacement } from '@/lib/traffic/backend-join';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';

export interface BackendResolver {
  refresh(): Promise<void>;
  placement(id: string): BackendPlacement | undefined;
}

export function backendResolver(ctx: EcsContext): BackendResolver {
  let joined = new Map<string, BackendPlacement>();
  return {
    async refresh() {
      const snapshot = await getClusterSnapshot(ctx);
      joined = joinBackends(snapshot.tasks, snapshot.instances);
    },
    placement: (id) => joined.get(id),
  };
}
