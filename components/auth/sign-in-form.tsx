'use client';
// The paste-the-token form, with the server's answer shown under the field.
import { useActionState } from 'react';
import { signIn, type SignInState } from '@/app/signin/actions';

export function SignInForm({ initialError }: { initialError: string | null }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signIn, {
    error: initialError,
  });
  return (
    <form action={action} className="mt-4 space-y-3">
      <label className="block text-sm font-medium" htmlFor="token">
        Token
      </label>
      <input
        id="token"
        name="token"
        type="password"
        autoComplete="off"
        required
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? 'token-error' : undefined}
        className="input w-full"
      />
      {state.error ? (
        <p id="token-error" role="alert" className="text-sm text-red-700 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
