// What every console page does first: check the session, then load the first snapshot (undefined on error or when too big to inline).
import 'server-only';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext, type EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';

// Past this many instances and tasks the snapshot inlined in the HTML runs to megabytes, which the browser parses
// and hydrates slower than it fetches and parses the same JSON once the page is up; the client's query loads it.
const INLINE_LIMIT = 1_000;

function inlineable(snapshot: ClusterSnapshot | undefined): ClusterSnapshot | undefined {
  return snapshot && snapshot.instances.length + snapshot.tasks.length <= INLINE_LIMIT
    ? snapshot
    : undefined;
}

export async function loadSnapshotPage(): Promise<{
  ctx: EcsContext;
  cluster: string;
  snapshot: ClusterSnapshot | undefined;
}> {
  await requirePageSession();
  const ctx = await getEcsContext();
  // A failed first load renders the client's error state (with retry) instead of an error page.
  const snapshot = await getClusterSnapshot(ctx).catch(() => undefined);
  return { ctx, cluster: ctx.cluster, snapshot: inlineable(snapshot) };
}
