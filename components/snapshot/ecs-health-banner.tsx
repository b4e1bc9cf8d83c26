'use client';
// The banner over a live view while ECS throttles, fails or lags: what is wrong, and how old the data shown is.
import { useNow } from '@/components/ui/time';
import { relative } from '@/lib/format/time';
import type { EcsHealth } from '@/components/snapshot/ecs-health';

const TONES = {
  warn: 'border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100',
  error:
    'border-red-300 bg-red-50 text-red-950 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
};

export function EcsHealthBanner({
  health,
  dataUpdatedAt,
  onRetry,
}: {
  health: EcsHealth;
  /** When the data on screen was fetched; 0 when there is none. */
  dataUpdatedAt: number;
  onRetry: () => void;
}) {
  const now = useNow();
  const stale = health.kind !== 'slow' && dataUpdatedAt > 0;
  return (
    <div
      role="status"
      data-testid="ecs-health"
      data-kind={health.kind}
      className={`mb-4 flex flex-wrap items-start gap-x-4 gap-y-2 rounded-md border p-3 text-sm ${TONES[health.tone]}`}
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">
          <span aria-hidden>{health.tone === 'warn' ? '◐ ' : '⚠ '}</span>
          {health.title}
        </p>
        <p className="mt-0.5">{health.detail}</p>
        {stale ? (
          <p className="mt-0.5" data-testid="ecs-health-data-age">
            Showing data from{' '}
            <time dateTime={new Date(dataUpdatedAt).toISOString()}>
              {new Date(dataUpdatedAt).toLocaleTimeString()}
            </time>{' '}
            ({relative(dataUpdatedAt, now)}).
          </p>
        ) : null}
      </div>
      {health.kind !== 'slow' ? (
        <button type="button" className="btn btn-sm" onClick={onRetry}>
          Retry now
        </button>
      ) : null}
    </div>
  );
}
