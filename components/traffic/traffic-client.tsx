'use client';
// The Traffic view: run form and scale control, then the live totals, per-backend table and charts of a run.
import Link from 'next/link';
import { useState } from 'react';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import type { TrafficEntrypoint, TrafficRoute, TrafficUpdate } from '@/lib/schemas/traffic';
import { useClusterSnapshot } from '@/lib/queries/snapshot';
import { ScaleControl } from '@/components/services/scale-control';
import { backendColors } from '@/components/traffic/backend-colors';
import { BackendsTable } from '@/components/traffic/backends-table';
import { ErrorsChart } from '@/components/traffic/errors-chart';
import { RunForm } from '@/components/traffic/run-form';
import { RunTotals } from '@/components/traffic/run-totals';
import { SharesChart } from '@/components/traffic/shares-chart';
import { useTrafficRun, type TrafficRunState } from '@/components/traffic/use-traffic-run';
import { EmptyState } from '@/components/ui/states';

function describeTarget(update: TrafficUpdate): string {
  const { target, rate } = update.params;
  return `${rate} req/s to ${target.kind === 'host' ? `Host ${target.host}` : `path ${target.path}`}`;
}

function RunBanner({ state }: { state: TrafficRunState }) {
  const { phase, update, end, error } = state;
  let text: string | null = null;
  let tone = 'border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900';
  if (error) {
    text = `⚠ Could not start: ${error}`;
    tone =
      'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200';
  } else if (phase === 'starting') {
    text = 'Starting: finding Traefik’s entrypoint…';
  } else if ((phase === 'running' || phase === 'stopping') && update) {
    text = `${phase === 'stopping' ? '◼ Stopping' : '▶ Running'}: ${describeTarget(update)}`;
    tone =
      'border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-100';
  } else if (phase === 'running') {
    text = '▶ Running: waiting for the first answers…';
  } else if (phase === 'ended' && end) {
    text = `■ ${end.message}`;
    if (end.reason === 'disconnected' || end.reason === 'failed') {
      tone =
        'border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100';
    }
  }
  return (
    <div
      role="status"
      aria-live="polite"
      data-testid="run-status"
      data-phase={phase}
      data-reason={end?.reason}
    >
      {text ? (
        <p className={`rounded-md border px-4 py-2 text-sm font-medium ${tone}`}>{text}</p>
      ) : null}
    </div>
  );
}

export function TrafficClient({
  cluster,
  initial,
  entrypoint,
  routes,
  problem,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
  entrypoint: TrafficEntrypoint | null;
  routes: TrafficRoute[];
  problem: string | null;
}) {
  const { state, start, stop } = useTrafficRun();
  const snapshot = useClusterSnapshot(cluster, initial);
  const [targetService, setTargetService] = useState(routes[0]?.service ?? null);
  const { update, timeline } = state;
  const ids = update?.backends.map((b) => b.id) ?? [];
  const colorOf = backendColors(timeline, ids);
  const chartIds = [...new Set(timeline.flatMap((p) => Object.keys(p.counts)))];
  const errorKinds = Object.keys(update?.totals.errorsByKind ?? {}).sort();
  const running = state.phase === 'running' || state.phase === 'stopping';
  const service = snapshot.data?.services.find((s) => s.name === targetService);

  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-3">
        <section className="card lg:col-span-2" aria-labelledby="run-title">
          <h2 id="run-title" className="card-title">
            Run
          </h2>
          <RunForm
            routes={routes}
            running={running}
            busy={state.phase === 'starting'}
            serverErrors={state.fieldErrors}
            onStart={(input) => void start(input)}
            onStop={() => void stop()}
            onTargetService={setTargetService}
          />
        </section>
        <section className="card" aria-labelledby="target-title">
          <h2 id="target-title" className="card-title">
            Entrypoint and scale
          </h2>
          <div className="space-y-3 p-4 text-sm">
            {entrypoint ? (
              <p>
                Requests go from the console to Traefik’s{' '}
                <span className="font-mono">{entrypoint.entrypoint}</span> entrypoint at{' '}
                <span className="font-mono" data-testid="entrypoint">
                  {entrypoint.host}:{entrypoint.port}
                </span>
                {entrypoint.service ? ` (service ${entrypoint.service})` : ''}.
              </p>
            ) : (
              <p role="alert" className="text-amber-800 dark:text-amber-300">
                <span aria-hidden>⚠ </span>
                {problem ?? 'Traefik was not found.'}{' '}
                <Link href="/services" className="text-blue-700 underline dark:text-blue-400">
                  Services
                </Link>
              </p>
            )}
            {service ? (
              <div>
                <p className="label mb-1">
                  {service.name}: {service.runningCount} running of {service.desiredCount} desired
                </p>
                <ScaleControl
                  key={service.name}
                  cluster={cluster}
                  service={service.name}
                  desired={service.desiredCount}
                />
              </div>
            ) : (
              <p className="text-muted">
                No ECS service behind the chosen router: deploy Whoami on the Services page to scale
                it here.
              </p>
            )}
          </div>
        </section>
      </div>

      <RunBanner state={state} />

      {update ? (
        <>
          <section className="card" aria-label="Totals">
            <RunTotals update={update} />
          </section>
          <section className="card" aria-labelledby="backends-title">
            <h2 id="backends-title" className="card-title">
              Backends{' '}
              <span className="font-normal text-muted">
                ({update.backends.filter((b) => b.active).length} answering)
              </span>
            </h2>
            {update.backends.length === 0 ? (
              <EmptyState title="No answers yet">
                {update.totals.errors > 0
                  ? 'Every request so far failed: see the errors below.'
                  : 'Waiting for the first responses through Traefik.'}
              </EmptyState>
            ) : (
              <BackendsTable backends={update.backends} colorOf={colorOf} />
            )}
          </section>
          <div className="grid gap-4 xl:grid-cols-3">
            <section className="card xl:col-span-2" aria-labelledby="shares-title">
              <h2 id="shares-title" className="card-title">
                Share per backend over time{' '}
                <span className="font-normal text-muted">(dashed lines: backend set changed)</span>
              </h2>
              <div className="p-2">
                <SharesChart
                  timeline={timeline}
                  changes={update.changes}
                  ids={chartIds}
                  colorOf={colorOf}
                />
              </div>
            </section>
            <section className="card" aria-labelledby="errors-title">
              <h2 id="errors-title" className="card-title">
                Errors over time
              </h2>
              {errorKinds.length === 0 ? (
                <div data-testid="no-errors">
                  <EmptyState title="No errors">Every request got an answer below 400.</EmptyState>
                </div>
              ) : (
                <div className="p-2">
                  <ul className="flex flex-wrap gap-3 px-2 pb-1 text-xs" data-testid="error-kinds">
                    {errorKinds.map((kind) => (
                      <li key={kind}>
                        <span className="font-mono">{kind}</span>:{' '}
                        {update.totals.errorsByKind[kind]}
                      </li>
                    ))}
                  </ul>
                  <ErrorsChart timeline={timeline} kinds={errorKinds} />
                </div>
              )}
            </section>
          </div>
        </>
      ) : state.phase === 'idle' && !state.error ? (
        <div className="card">
          <EmptyState title="No run yet">
            Choose a target and a rate, then start a run: the console sends the requests itself and
            shows which container answered each one.
          </EmptyState>
        </div>
      ) : null}
    </div>
  );
}
