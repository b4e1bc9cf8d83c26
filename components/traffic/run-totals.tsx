'use client';
// The run's headline numbers: sent, answered, errors, skipped, achieved rate, in flight, and progress.
import type { TrafficUpdate } from '@/lib/schemas/traffic';

function Tile({
  label,
  value,
  sub,
  tone,
}: {
  label: string;
  value: string;
  sub?: string;
  tone?: 'bad';
}) {
  return (
    <div className="px-4 py-2" data-testid={`total-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      <dt className="text-xs text-muted">{label}</dt>
      <dd
        className={`text-lg font-semibold tabular-nums ${tone === 'bad' ? 'text-red-700 dark:text-red-400' : ''}`}
      >
        {tone === 'bad' ? <span aria-hidden>⚠ </span> : null}
        {value}
        {sub ? <span className="ml-1 text-xs font-normal text-muted">{sub}</span> : null}
      </dd>
    </div>
  );
}

export function RunTotals({ update }: { update: TrafficUpdate }) {
  const { totals, params, elapsedMs } = update;
  const progress = Math.min(1, elapsedMs / (params.durationSeconds * 1000));
  return (
    <div>
      <dl className="grid grid-cols-3 divide-x divide-zinc-200 sm:grid-cols-6 dark:divide-zinc-800">
        <Tile label="Sent" value={totals.sent.toLocaleString()} />
        <Tile label="OK" value={totals.ok.toLocaleString()} />
        <Tile
          label="Errors"
          value={totals.errors.toLocaleString()}
          tone={totals.errors > 0 ? 'bad' : undefined}
        />
        <Tile label="Skipped" value={totals.skipped.toLocaleString()} sub="concurrency limit" />
        <Tile
          label="Achieved rate"
          value={totals.achievedRate.toFixed(1)}
          sub={`of ${params.rate} req/s`}
        />
        <Tile label="In flight" value={String(totals.inFlight)} sub={`of ${params.concurrency}`} />
      </dl>
      <div className="flex items-center gap-3 border-t border-zinc-200 px-4 py-2 text-xs text-muted dark:border-zinc-800">
        <div
          className="h-1.5 flex-1 rounded bg-zinc-200 dark:bg-zinc-800"
          role="progressbar"
          aria-label="Run progress"
          aria-valuemin={0}
          aria-valuemax={params.durationSeconds}
          aria-valuenow={Math.round(elapsedMs / 1000)}
        >
          <div className="h-1.5 rounded bg-blue-600" style={{ width: `${progress * 100}%` }} />
        </div>
        <span className="tabular-nums">
          {(elapsedMs / 1000).toFixed(1)} s / {params.durationSeconds} s
        </span>
        <span>
          via{' '}
          <span className="font-mono">
            {update.entrypoint.host}:{update.entrypoint.port}
          </span>
        </span>
      </div>
    </div>
  );
}
