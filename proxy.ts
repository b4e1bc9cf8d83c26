// One-click sign-in: /signin?token=<TOKEN> sets the session cookie and opens the console (like Jupyter's token URL).
import { NextResponse, type NextRequest } from 'next/server';
import { getConfig } from '@/server/config';
import {
  createSessionValue,
  SESSION_COOKIE,
  sessionCookieOptions,
  tokenMatches,
} from '@/server/auth/session-token';
import { signInLimiter } from '@/server/auth/sign-in-limiter';

export function proxy(request: NextRequest) {
  const token = request.nextUrl.searchParams.get('token');
  if (token === null) return NextResponse.next();
  const { token: expected } = getConfig();
  const url = request.nextUrl.clone();
  url.search = '';
  if (signInLimiter.retryAfterMs() > 0) {
    url.searchParams.set('error', 'too-many');
    return NextResponse.redirect(url, 303);
  }
  if (!tokenMatches(token, expected)) {
    signInLimiter.recordFailure();
    url.searchParams.set('error', 'invalid');
    return NextResponse.redirect(url, 303);
  }
  url.pathname = '/';
  const response = NextResponse.redirect(url, 303);
  response.cookies.set(
    SESSION_COOKIE,
    createSessionValue(expected),
    sessionCookieOptions(
      request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https',
    ),
  );
  return response;
}

export const config = { matcher: '/signin' };
