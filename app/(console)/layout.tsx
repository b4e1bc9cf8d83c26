// The signed-in console: sidebar, header and the page.
import type { ReactNode } from 'react';
import { Header } from '@/components/shell/header';
import { Sidebar } from '@/components/shell/sidebar';
import { loadSnapshotPage } from '@/server/pages/load-snapshot';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const { ctx, snapshot } = await loadSnapshotPage();
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 h-screen w-52 shrink-0 overflow-y-auto border-r border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900">
        <Sidebar />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <Header cluster={ctx.cluster} target={ctx.target} region={ctx.region} snapshot={snapshot} />
        <main className="min-w-0 flex-1 p-4">{children}</main>
      </div>
    </div>
  );
}
