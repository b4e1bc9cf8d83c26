// GET /api/traefik: the Traefik page's polled view (where Traefik is, its routers, services, middlewares, and the ECS match).
import { traefikViewSchema } from '@/lib/schemas/traefik';
import { getEcsContext } from '@/server/ecs/context';
import { upstreamError } from '@/server/http/responses';
import { unauthorizedRequest } from '@/server/traefik/request-session';
import { loadTraefikView } from '@/server/traefik/view';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const denied = unauthorizedRequest(request);
  if (denied) return denied;
  try {
    const view = traefikViewSchema.parse(await loadTraefikView(await getEcsContext()));
    return Response.json(view, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return upstreamError(error);
  }
}
