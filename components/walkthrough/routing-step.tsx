'use client';
// Steps 4 and 5's form: send N requests through Traefik by Host header or by path, then show who answered.
import { useState } from 'react';
import { probeRouting } from '@/server/walkthrough/probe-routing';
import type { ProbeMode, ProbeResult } from '@/lib/walkthrough/schema';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ActionButton } from '@/components/walkthrough/action-button';
import { Field } from '@/components/walkthrough/field';
import { ProbeResults } from '@/components/walkthrough/probe-results';

export function RoutingStep({
  cluster,
  mode,
  service,
  target,
  count,
  probe,
  onTarget,
  onCount,
  onRun,
}: {
  cluster: string;
  mode: ProbeMode;
  service: string;
  /** The host or path to test: the form's value. */
  target: string;
  count: string;
  /** The last probe the server keeps (live evidence), not this page's memory. */
  probe: ProbeResult | null;
  onTarget: (value: string) => void;
  onCount: (value: string) => void;
  onRun: () => void;
}) {
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const action = useConsoleAction(cluster, probeRouting, {
    success: (data) =>
      `${data.count} requests, ${data.distinct} different containers${data.allDiffer ? ': round robin ✓' : ''}`,
    failure: 'The routing test failed',
  });
  const n = Number(count) || 0;
  return (
    <div className="space-y-3">
      <form
        className="space-y-3"
        aria-label={mode === 'host' ? 'Test host-based routing' : 'Test path-based routing'}
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          onRun();
          const result = await action.run({ mode, [mode]: target, count, service });
          if (result && !result.ok) setError(result.error);
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <Field
            id={`probe-${mode}-target`}
            label={mode === 'host' ? 'Host header' : 'Path'}
            value={target}
            onChange={onTarget}
            hint="From the deployed task definition’s router labels."
            error={error?.field === mode ? error.message : null}
          />
          <Field
            id={`probe-${mode}-count`}
            label="Requests"
            type="number"
            value={count}
            onChange={onCount}
            hint={`${service}’s desired count: one request per container.`}
            error={error?.field === 'count' ? error.message : null}
          />
        </div>
        <ActionButton
          pending={action.pending}
          label={n > 0 ? `Send ${n} request${n === 1 ? '' : 's'}` : 'Send requests'}
          pendingLabel="Sending…"
        />
        {error && !error.field ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error.message}
          </p>
        ) : null}
      </form>
      {probe ? <ProbeResults probe={probe} /> : null}
    </div>
  );
}
