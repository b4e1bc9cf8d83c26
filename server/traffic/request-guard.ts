// The checks every traffic route makes: a session (401), and for changes, a request from the console's own origin (403).
import 'server-only';
import { sessionKey } from '@/server/traffic/session-key';

export const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });

// Browsers send Origin on every cross-origin request and on same-origin POST/DELETE; compare with the Host it came to.
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return request.headers.get('sec-fetch-site') !== 'cross-site';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function guard(
  request: Request,
  { mutating }: { mutating: boolean },
): Promise<{ key: string; denied: null } | { key: null; denied: Response }> {
  const key = await sessionKey();
  if (!key) return { key: null, denied: jsonError(401, 'Unauthorized', 'Sign in first.') };
  if (mutating && !sameOrigin(request)) {
    return { key: null, denied: jsonError(403, 'Forbidden', 'Cross-origin requests are refused.') };
  }
  return { key, denied: null };
}
