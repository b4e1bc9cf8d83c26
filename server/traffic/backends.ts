// Keeps a run's backend → task/instance join fresh from the cluster snapshot and the containers' runtime ids.
import 'server-only';
import { joinBackends, type BackendPlacement } from '@/lib/traffic/backend-join';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import { knownRuntimeIds, learnRuntimeIds } from '@/server/traffic/runtime-ids';

const NOT_STARTED = new Set(['PROVISIONING', 'PENDING', 'STOPPED']);

export interface BackendResolver {
  refresh(): Promise<void>;
  placement(id: string): BackendPlacement | undefined;
}

export function backendResolver(ctx: EcsContext): BackendResolver {
  let joined = new Map<string, BackendPlacement>();
  return {
    async refresh() {
      const snapshot = await getClusterSnapshot(ctx);
      // Only started tasks have runtime ids; a stopped one keeps those learnt while it ran.
      await learnRuntimeIds(
        ctx,
        snapshot.tasks.filter((t) => !NOT_STARTED.has(t.lastStatus)).map((t) => t.arn),
      );
      const ids = knownRuntimeIds(snapshot.tasks.map((t) => t.arn));
      joined = joinBackends(snapshot.tasks, snapshot.instances, ids);
    },
    placement: (id) => joined.get(id),
  };
}
