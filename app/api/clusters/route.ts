// GET the account's clusters; POST picks the one this browser looks at (a cookie read by getEcsContext).
import { cookies } from 'next/headers';
import { clusterChoiceSchema } from '@/lib/schemas/clusters';
import { unauthorizedResponse } from '@/server/auth/session';
import { crossOriginResponse } from '@/server/http/same-origin';
import { choiceCookieOptions, CLUSTER_COOKIE } from '@/server/ecs/cluster-choice';
import { listClusterNames } from '@/server/ecs/clusters';
import { getEcsContext } from '@/server/ecs/context';
import { upstreamError } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

export async function GET() {
  const denied = await unauthorizedResponse();
  if (denied) return denied;
  try {
    const ctx = await getEcsContext();
    return Response.json({ clusters: await listClusterNames(ctx.ecs), current: ctx.cluster });
  } catch (error) {
    return upstreamError(error);
  }
}

export async function POST(request: Request) {
  const denied = (await unauthorizedResponse()) ?? crossOriginResponse(request);
  if (denied) return denied;
  const parsed = clusterChoiceSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return Response.json(
      { error: 'invalid', message: parsed.error.issues[0]?.message },
      { status: 400 },
    );
  }
  (await cookies()).set(
    CLUSTER_COOKIE,
    parsed.data.cluster,
    choiceCookieOptions(new URL(request.url).protocol === 'https:'),
  );
  return Response.json({ current: parsed.data.cluster });
}
