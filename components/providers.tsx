'use client';
// Client-wide providers: one QueryClient per browser tab and the toast area.
import { QueryClientProvider } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { makeQueryClient } from '@/lib/queries/query-client';
import { ToastProvider } from '@/components/ui/toast';

export function Providers({ children }: { children: ReactNode }) {
  const router = useRouter();
  // A session that ends (expired, signed out in another tab) sends this tab to sign-in.
  const [client] = useState(() => makeQueryClient(() => router.replace('/signin')));
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
