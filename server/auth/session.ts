// Sign-in checks every entry point makes: pages redirect to /signin, route handlers answer 401 JSON.
import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/server/config';
import { SESSION_COOKIE, verifySessionValue } from '@/server/auth/session-token';

export async function hasSession(): Promise<boolean> {
  const store = await cookies();
  return verifySessionValue(store.get(SESSION_COOKIE)?.value, getConfig().token);
}

/** For pages and layouts: a signed-out visitor goes to the sign-in page. */
export async function requirePageSession(): Promise<void> {
  if (!(await hasSession())) redirect('/signin');
}

/** For route handlers: the 401 answer when signed out, else null. */
export async function unauthorizedResponse(): Promise<Response | null> {
  if (await hasSession()) return null;
  return Response.json({ error: 'unauthorized' }, { status: 401 });
}
