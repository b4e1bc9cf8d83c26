// The console header: target, cluster switcher, refresh state and sign-out.
import { signOut } from '@/app/signin/actions';
import { ClusterSwitcher } from '@/components/shell/cluster-switcher';
import { RefreshState } from '@/components/shell/refresh-state';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';

export function Header({
  cluster,
  target,
  region,
  snapshot,
}: {
  cluster: string;
  snapshot: ClusterSnapshot | undefined;
  target: 'lab' | 'aws';
  region: string;
}) {
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-line bg-surface px-4 py-2">
      <span className="rounded bg-surface-2 px-2 py-0.5 text-xs font-medium">
        {target === 'lab' ? 'Lab' : 'AWS'} · {region}
      </span>
      <ClusterSwitcher cluster={cluster} />
      <div className="ml-auto flex items-center gap-4">
        <RefreshState cluster={cluster} initial={snapshot} />
        <form action={signOut}>
          <button type="submit" className="btn btn-sm">
            Sign out
          </button>
        </form>
      </div>
    </header>
  );
}
