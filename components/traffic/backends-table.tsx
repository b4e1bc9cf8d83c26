'use client';
// Per backend: container id, its ECS task and instance, requests, current share against the ideal, latency percentiles.
import Link from 'next/link';
import { instanceHref, taskHref } from '@/lib/format/links';
import type { BackendStats } from '@/lib/schemas/traffic';
import { StatusBadge } from '@/components/ui/status-badge';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const ms = (value: number | null) =>
  value === null ? '–' : value < 10 ? value.toFixed(1) : Math.round(value).toString();

function ShareBar({ share, ideal, color }: { share: number; ideal: number; color: string }) {
  return (
    <div className="flex items-center gap-2">
      <div
        className="relative h-2.5 w-32 rounded bg-zinc-200 dark:bg-zinc-800"
        role="meter"
        aria-label="Current share"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(share * 1000) / 10}
      >
        <div
          className="h-2.5 rounded"
          style={{ width: `${Math.min(100, share * 100)}%`, background: color }}
        />
        {ideal > 0 ? (
          <div
            className="absolute -top-1 h-4.5 w-0.5 bg-zinc-900 dark:bg-zinc-100"
            style={{ left: `calc(${ideal * 100}% - 1px)` }}
            title={`Ideal equal share: ${percent(ideal)}`}
          />
        ) : null}
      </div>
      <span className="w-14 text-right tabular-nums">{percent(share)}</span>
    </div>
  );
}

export function BackendsTable({
  backends,
  colorOf,
}: {
  backends: BackendStats[];
  colorOf: (id: string) => string;
}) {
  const activeCount = backends.filter((b) => b.active).length;
  const ideal = activeCount > 0 ? 1 / activeCount : 0;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="backends-table">
        <caption className="sr-only">
          Backends that answered, with their share of the recent requests; the ideal equal share is{' '}
          {percent(ideal)}.
        </caption>
        <thead className="text-left text-xs text-muted">
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="px-4 py-2 font-medium">Container</th>
            <th className="px-2 py-2 font-medium">State</th>
            <th className="px-2 py-2 font-medium">Task</th>
            <th className="px-2 py-2 font-medium">Instance</th>
            <th className="px-2 py-2 text-right font-medium">Requests</th>
            <th className="px-2 py-2 font-medium">
              Share (last 5 s) <span className="font-normal">· ideal {percent(ideal)}</span>
            </th>
            <th className="px-2 py-2 text-right font-medium">Overall</th>
            <th className="px-2 py-2 text-right font-medium">p50 ms</th>
            <th className="px-2 py-2 text-right font-medium">p95 ms</th>
            <th className="px-4 py-2 text-right font-medium">p99 ms</th>
          </tr>
        </thead>
        <tbody>
          {backends.map((b) => (
            <tr
              key={b.id}
              data-testid="backend-row"
              data-backend={b.id}
              data-active={b.active}
              data-task-id={b.task?.id}
              className={`border-b border-zinc-100 last:border-0 dark:border-zinc-800 ${b.active ? '' : 'text-muted'}`}
            >
              <td className="px-4 py-1.5 font-mono text-xs">
                <span className="inline-flex items-center gap-2">
                  <span
                    aria-hidden
                    className="inline-block h-2.5 w-2.5 rounded-sm"
                    style={{ background: colorOf(b.id) }}
                  />
                  {b.id}
                </span>
              </td>
              <td className="px-2 py-1.5">
                {b.active ? (
                  <StatusBadge status="answering" tone="good" />
                ) : (
                  <StatusBadge status="gone" tone="neutral" />
                )}
              </td>
              <td className="px-2 py-1.5 font-mono text-xs">
                {b.task ? (
                  <span className="inline-flex items-center gap-2">
                    <Link
                      href={taskHref(b.task.id)}
                      className="text-blue-700 hover:underline dark:text-blue-400"
                      title={b.task.arn}
                    >
                      {b.task.id.slice(0, 8)}
                    </Link>
                    <StatusBadge status={b.task.lastStatus} />
                  </span>
                ) : (
                  <span className="text-muted">not matched</span>
                )}
              </td>
              <td className="px-2 py-1.5 font-mono text-xs">
                {b.instance ? (
                  <Link
                    href={instanceHref(b.instance.id)}
                    className="text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {b.instance.ec2InstanceId ?? b.instance.id.slice(0, 8)}
                  </Link>
                ) : (
                  '–'
                )}
                {b.instance?.ip ? <span className="ml-1.5 text-muted">{b.instance.ip}</span> : null}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{b.count.toLocaleString()}</td>
              <td className="px-2 py-1.5" data-testid="backend-share" data-share={b.share}>
                <ShareBar share={b.share} ideal={b.active ? ideal : 0} color={colorOf(b.id)} />
              </td>
              <td
                className="px-2 py-1.5 text-right tabular-nums"
                data-testid="backend-total-share"
                data-share={b.totalShare}
              >
                {percent(b.totalShare)}
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums">{ms(b.p50Ms)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{ms(b.p95Ms)}</td>
              <td className="px-4 py-1.5 text-right tabular-nums">{ms(b.p99Ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
