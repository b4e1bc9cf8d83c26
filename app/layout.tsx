// The document shell: global styles, light/dark following the system, and the client providers.
import type { Viewport } from 'next';
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

export const viewport: Viewport = { colorScheme: 'light dark' };

export const metadata = {
  title: 'Anywhere Console',
  description: 'A web control plane for Amazon ECS Anywhere clusters load-balanced by Traefik.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
