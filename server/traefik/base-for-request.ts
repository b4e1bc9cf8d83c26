// The Traefik base URL for the current viewer's cluster, as the proxy needs it.
import 'server-only';
import { getEcsContext } from '@/server/ecs/context';
import { locateTraefik } from '@/server/traefik/locate';
import type { TraefikBase } from '@/server/traefik/proxy';

export async function currentTraefikBase(): Promise<TraefikBase> {
  const { location } = await locateTraefik(await getEcsContext());
  return location.url
    ? { url: location.url }
    : {
        url: null,
        reason: location.source.kind === 'not-found' ? location.source.reason : 'not found',
      };
}
