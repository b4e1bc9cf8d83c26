// The document shell: global styles and the client providers (react-query, toasts).
import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';
import './globals.css';

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
