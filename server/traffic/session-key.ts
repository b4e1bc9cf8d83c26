// A stable, non-secret key for the signed-in session: the hash of its cookie (one run per session hangs off it).
import 'server-only';
import { createHash } from 'node:crypto';
import { cookies } from 'next/headers';
import { hasSession } from '@/server/auth/session';
import { SESSION_COOKIE } from '@/server/auth/session-token';

export async function sessionKey(): Promise<string | null> {
  if (!(await hasSession())) return null;
  const value = (await cookies()).get(SESSION_COOKIE)?.value ?? '';
  return createHash('sha256').update(value).digest('base64url');
}
