// Session values: an HMAC-signed issue time keyed by the console token (never the token itself), checked in constant time.
import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'console_session';
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Constant-time comparison of a pasted token with the configured one (hashing equalises lengths). */
export function tokenMatches(candidate: string, token: string): boolean {
  return timingSafeEqual(digest(candidate), digest(token));
}

function sign(payload: string, token: string): string {
  const key = createHmac('sha256', 'anywhere-console/session-key').update(token).digest();
  return createHmac('sha256', key).update(payload).digest('base64url');
}

export function createSessionValue(token: string, now = Date.now()): string {
  const payload = `v1.${now}`;
  return `${payload}.${sign(payload, token)}`;
}

export function verifySessionValue(
  value: string | undefined,
  token: string,
  now = Date.now(),
): boolean {
  if (!value) return false;
  const match = /^(v1\.(\d{1,15}))\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match?.[1] || !match[2] || !match[3]) return false;
  const issuedAt = Number(match[2]);
  if (issuedAt > now + 60_000 || now - issuedAt > SESSION_MAX_AGE_SECONDS * 1000) return false;
  const expected = Buffer.from(sign(match[1], token));
  const given = Buffer.from(match[3]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function sessionCookieOptions(secure: boolean) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure,
    path: '/',
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}
