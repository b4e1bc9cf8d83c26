// The session check for Traefik route handlers, read from the Request itself so the handlers run (and test) anywhere.
import 'server-only';
import { getConfig } from '@/server/config';
import { SESSION_COOKIE, verifySessionValue } from '@/server/auth/session-token';

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/** The 401 answer when the request carries no valid session, else null. */
export function unauthorizedRequest(request: Request): Response | null {
  const value = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
  if (verifySessionValue(value, getConfig().token)) return null;
  return Response.json({ error: 'unauthorized' }, { status: 401 });
}
