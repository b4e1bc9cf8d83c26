// The walkthrough's header: how many steps are done, where it resumes, or that the scenario is complete.
import type { WalkthroughEvidence } from '@/lib/walkthrough/schema';
import type { WalkthroughState } from '@/lib/walkthrough/steps';
import { TimeAgo } from '@/components/ui/time';

export function WalkthroughProgress({
  state,
  evidence,
  isError,
}: {
  state: WalkthroughState;
  evidence: WalkthroughEvidence;
  isError: boolean;
}) {
  const done = state.steps.filter((s) => s.status === 'done').length;
  const total = state.steps.length;
  const current = state.currentIndex === null ? null : state.steps[state.currentIndex];
  return (
    <div className="card max-w-5xl p-4" data-testid="walkthrough-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm font-semibold" data-testid="walkthrough-summary">
          {state.complete
            ? '✓ Walkthrough complete: you load balanced whoami with Traefik on ECS Anywhere, tested both routers and cleaned up.'
            : current
              ? `Step ${current.index} of ${total - 1}: ${current.title}`
              : 'Every step is done.'}
        </p>
        <p className="text-xs text-muted">
          {done} of {total} steps done · live from ECS and Traefik, checked{' '}
          <TimeAgo iso={evidence.fetchedAt} />
          {isError ? ' · the last refresh failed' : ''}
        </p>
      </div>
      <div
        role="progressbar"
        aria-label="Walkthrough progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={`${done} of ${total} steps done`}
        className="mt-2 h-2 w-full rounded bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className="h-2 rounded bg-emerald-600 transition-[width] duration-500"
          style={{ width: `${(done / total) * 100}%` }}
        />
      </div>
      {current && current.index > 0 && !state.complete ? (
        <p className="mt-2 text-xs text-muted">
          Steps already satisfied by the cluster show as done; you continue where it stands.
        </p>
      ) : null}
    </div>
  );
}
