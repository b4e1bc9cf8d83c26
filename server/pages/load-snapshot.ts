// What every console page does first: check the session, then load the first snapshot (undefined on error).
import 'server-only';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext, type EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';

export async function loadSnapshotPage(): Promise<{
  ctx: EcsContext;
  cluster: string;
  snapshot: ClusterSnapshot | undefined;
}> {
  await requirePageSession();
  const ctx = await getEcsContext();
  // A failed first load renders the client's error state (with retry) instead of an error page.
  const snapshot = await getClusterSnapshot(ctx).catch(() => undefined);
  return { ctx, cluster: ctx.cluster, snapshot };
}
