// GET the current cluster's snapshot (the polling endpoint of every live view); on failure, a typed error saying since when.
import { clusterSnapshotSchema } from '@/lib/schemas/snapshot';
import { unauthorizedResponse } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import { upstreamError } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

// When each cluster's snapshot last came back, so a failure can say how old the data on screen is.
const lastSuccess = new Map<string, string>();

export async function GET() {
  const denied = await unauthorizedResponse();
  if (denied) return denied;
  let key = '';
  try {
    const ctx = await getEcsContext();
    key = `${ctx.target}|${ctx.region}|${ctx.cluster}`;
    const snapshot = clusterSnapshotSchema.parse(await getClusterSnapshot(ctx));
    lastSuccess.set(key, snapshot.fetchedAt);
    return Response.json(snapshot, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return upstreamError(error, lastSuccess.get(key) ?? null);
  }
}
