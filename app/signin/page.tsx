// The sign-in page: paste the console token (the one-click URL is handled by proxy.ts).
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { hasSession } from '@/server/auth/session';

export const metadata = { title: 'Sign in · Anywhere Console' };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await hasSession()) redirect('/');
  const { error } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-950">
      <div className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <h1 className="text-lg font-semibold">Anywhere Console</h1>
        <p className="mt-1 text-sm text-muted">
          Open the sign-in URL printed by <code>npm start</code>, or paste its token here.
        </p>
        <SignInForm
          initialError={
            error === 'invalid'
              ? 'That sign-in link has a wrong token.'
              : error === 'too-many'
                ? 'Too many wrong tokens: wait a minute, then try again.'
                : null
          }
        />
      </div>
    </main>
  );
}
