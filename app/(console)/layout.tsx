// The signed-in console: sidebar, header and the page.
import type { ReactNode } from 'react';
import { Header } from '@/components/shell/header';
import { Sidebar } from '@/components/shell/sidebar';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { ctx, snapshot } = await loadSnapshotPage();
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <aside className="w-52 shrink-0 border-r border-line bg-surface-2">
        <div className="sticky top-0 max-h-screen overflow-y-auto">
          <Sidebar />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <Header cluster={ctx.cluster} target={ctx.target} region={ctx.region} snapshot={snapshot} />
        <main id="main" className="min-w-0 flex-1 p-4">
          {children}
        </main>
      </div>
    </div>
  );
}
