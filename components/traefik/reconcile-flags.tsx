// Where Traefik and ECS disagree: tasks not routed yet, servers with no live task.
import type { Reconciliation } from '@/lib/schemas/traefik';
import { flagText } from '@/lib/traefik/view-text';

export function ReconcileFlags({ reconciliation }: { reconciliation: Reconciliation }) {
  const { flags, tasks, servers, refreshSeconds } = reconciliation;
  if (flags.length === 0) {
    return (
      <p
        className="card p-3 text-sm text-emerald-700 dark:text-emerald-400"
        data-testid="traefik-in-sync"
      >
        <span aria-hidden>● </span>
        Traefik and ECS agree: {servers.filter((s) => s.task).length} servers matched to{' '}
        {tasks.length} Traefik-labelled tasks (Traefik refreshes every {refreshSeconds} s).
      </p>
    );
  }
  return (
    <ul
      className="card space-y-1 border-amber-300 p-3 text-sm dark:border-amber-800"
      data-testid="traefik-flags"
      aria-label="Mismatches between Traefik and ECS"
    >
      {flags.map((flag) => (
        <li
          key={
            flag.kind === 'task-not-routed' ? flag.taskArn : `${flag.traefikService} ${flag.url}`
          }
          data-testid={`flag-${flag.kind}`}
          className={
            flag.kind === 'task-not-routed' && flag.withinRefresh
              ? 'text-amber-700 dark:text-amber-400'
              : 'text-red-700 dark:text-red-400'
          }
        >
          <span aria-hidden>
            {flag.kind === 'task-not-routed' && flag.withinRefresh ? '◐ ' : '✕ '}
          </span>
          {flagText(flag, refreshSeconds)}
        </li>
      ))}
    </ul>
  );
}
