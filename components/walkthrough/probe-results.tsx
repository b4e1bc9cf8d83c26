// A probe's replies: which container (whoami's Hostname) answered each request, and whether all differ (round robin).
import type { ProbeResult } from '@/lib/walkthrough/schema';
import { TimeAgo } from '@/components/ui/time';

// Letters tell containers apart without relying on colour.
const letter = (index: number) => String.fromCharCode(65 + (index % 26));

export function ProbeResults({ probe }: { probe: ProbeResult }) {
  const order = [...new Set(probe.requests.flatMap((r) => (r.hostname ? [r.hostname] : [])))];
  return (
    <div className="space-y-2" data-testid={`probe-results-${probe.mode}`}>
      <p
        className={`text-sm font-medium ${probe.allDiffer ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}
        data-testid="probe-verdict"
      >
        <span aria-hidden>{probe.allDiffer ? '✓ ' : '✗ '}</span>
        {probe.allDiffer
          ? `All ${probe.count} differ: ${probe.count} requests, ${probe.distinct} different containers. That is round robin.`
          : `${probe.distinct} different containers for ${probe.count} requests.`}{' '}
        <span className="font-normal text-muted">
          (sent <TimeAgo iso={probe.at} /> to {probe.entrypoint.host}:{probe.entrypoint.port}
          {probe.mode === 'host' ? ` with Host: ${probe.host}` : `, path ${probe.path}`})
        </span>
      </p>
      <table className="w-full text-sm" aria-label={`Replies to the ${probe.mode} test`}>
        <thead className="text-left text-xs text-muted">
          <tr>
            <th className="py-1 pr-3 font-medium">Request</th>
            <th className="py-1 pr-3 font-medium">Answered by (Hostname)</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 font-medium">Latency</th>
          </tr>
        </thead>
        <tbody>
          {probe.requests.map((r) => {
            const which = r.hostname ? order.indexOf(r.hostname) : -1;
            return (
              <tr
                key={r.index}
                className="border-t border-zinc-200 dark:border-zinc-800"
                data-testid="probe-row"
              >
                <td className="py-1 pr-3 tabular-nums">#{r.index + 1}</td>
                <td className="py-1 pr-3">
                  {r.hostname ? (
                    <span className="inline-flex items-center gap-2">
                      <span className="inline-flex h-5 w-5 items-center justify-center rounded bg-blue-100 text-xs font-semibold text-blue-800 dark:bg-blue-950 dark:text-blue-300">
                        {letter(which)}
                      </span>
                      <code data-testid="probe-hostname">{r.hostname}</code>
                    </span>
                  ) : (
                    <span className="text-muted">—</span>
                  )}
                </td>
                <td className="py-1 pr-3">
                  {r.status === null ? (
                    <span className="text-red-700 dark:text-red-400">
                      ✕ {r.error ?? 'no answer'}
                    </span>
                  ) : (
                    <span className={r.status === 200 ? '' : 'text-red-700 dark:text-red-400'}>
                      {r.status === 200 ? '' : '✕ '}
                      {r.status}
                    </span>
                  )}
                </td>
                <td className="py-1 tabular-nums">{r.latencyMs} ms</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
