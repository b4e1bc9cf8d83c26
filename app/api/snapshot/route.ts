// GET the current cluster's snapshot (the polling endpoint of every live view).
import { clusterSnapshotSchema } from '@/lib/schemas/snapshot';
import { unauthorizedResponse } from '@/server/auth/session';
import { getClusterSnapshot } from '@/server/ecs/snapshot';
import { upstreamError } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

export async function GET() {
  const denied = await unauthorizedResponse();
  if (denied) return denied;
  try {
    return Response.json(clusterSnapshotSchema.parse(await getClusterSnapshot()), {
      headers: { 'cache-control': 'no-store' },
    });
  } catch (error) {
    return upstreamError(error);
  }
}
