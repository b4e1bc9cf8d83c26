// The checks every traffic route makes: a session (401), and for changes, a request from the console's own origin (403).
import 'server-only';
import { crossOriginResponse } from '@/server/http/same-origin';
import { sessionKey } from '@/server/traffic/session-key';

export const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });

export async function guard(
  request: Request,
  { mutating }: { mutating: boolean },
): Promise<{ key: string; denied: null } | { key: null; denied: Response }> {
  const key = await sessionKey();
  if (!key) return { key: null, denied: jsonError(401, 'Unauthorized', 'Sign in first.') };
  const crossOrigin = mutating ? crossOriginResponse(request) : null;
  if (crossOrigin) return { key: null, denied: crossOrigin };
  return { key, denied: null };
}
