'use server';
// Sign in with a pasted token and sign out: the only places the session cookie is written by a form.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getConfig } from '@/server/config';
import {
  createSessionValue,
  SESSION_COOKIE,
  sessionCookieOptions,
  tokenMatches,
} from '@/server/auth/session-token';
import { signInLimiter, tooManyAttemptsMessage } from '@/server/auth/sign-in-limiter';

export interface SignInState {
  error: string | null;
}

const signInForm = z.object({ token: z.string().trim().min(1, 'Paste the token first.') });

async function isHttps() {
  return (await headers()).get('x-forwarded-proto') === 'https';
}

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = signInForm.safeParse({ token: form.get('token') ?? '' });
  if (!parsed.success)
    return { error: parsed.error.issues[0]?.message ?? 'Paste the token first.' };
  const wait = signInLimiter.retryAfterMs();
  if (wait > 0) return { error: tooManyAttemptsMessage(wait) };
  const { token } = getConfig();
  if (!tokenMatches(parsed.data.token, token)) {
    signInLimiter.recordFailure();
    return { error: 'That token does not match. Copy it again from the console output.' };
  }
  (await cookies()).set(
    SESSION_COOKIE,
    createSessionValue(token),
    sessionCookieOptions(await isHttps()),
  );
  redirect('/');
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/signin');
}
