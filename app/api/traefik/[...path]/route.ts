// GET /api/traefik/<Traefik API path>: the read-only Traefik proxy (session required, allowlisted paths, GET only).
import { upstreamError } from '@/server/http/responses';
import { currentTraefikBase } from '@/server/traefik/base-for-request';
import { methodNotAllowed, proxyTraefikRequest } from '@/server/traefik/proxy';
import { unauthorizedRequest } from '@/server/traefik/request-session';

export const dynamic = 'force-dynamic';

const PREFIX = '/api/traefik';

export async function GET(request: Request) {
  const denied = unauthorizedRequest(request);
  if (denied) return denied;
  // The raw (still encoded) path, not Next's decoded params: the allowlist decodes exactly once itself.
  const url = new URL(request.url);
  const path = url.pathname.startsWith(`${PREFIX}/`) ? url.pathname.slice(PREFIX.length) : '';
  try {
    return await proxyTraefikRequest(
      { method: 'GET', path, search: url.search },
      currentTraefikBase,
    );
  } catch (error) {
    return upstreamError(error);
  }
}

function refuse(request: Request) {
  return unauthorizedRequest(request) ?? methodNotAllowed();
}

export {
  refuse as POST,
  refuse as PUT,
  refuse as PATCH,
  refuse as DELETE,
  refuse as HEAD,
  refuse as OPTIONS,
};
