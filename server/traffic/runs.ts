// The run registry: at most one run per session and a few in all; a run starts when its viewer connects and ends with it.
import 'server-only';
import { randomUUID } from 'node:crypto';
import type {
  EndReason,
  TrafficEnd,
  TrafficEntrypoint,
  TrafficRunParams,
  TrafficUpdate,
} from '@/lib/schemas/traffic';
import type { EcsContext } from '@/server/ecs/context';
import { describeEcsError } from '@/server/ecs/errors';
import { backendResolver } from '@/server/traffic/backends';
import { discoverTraffic } from '@/server/traffic/discovery';
import { startEngine, type Engine } from '@/server/traffic/engine';

export const MAX_RUNS = 4;
/** A started run nobody watches within this time is dropped without sending a request. */
export const VIEWER_WAIT_MS = 15_000;

interface Run {
  id: string;
  params: TrafficRunParams;
  ctx: EcsContext;
  entrypoint: TrafficEntrypoint | null;
  engine: Engine | null;
  waitTimer: NodeJS.Timeout | null;
}

export type RunRefusal = { ok: false; status: number; code: string; message: string };

// Route handlers may load separate module instances: one process-wide registry.
const runs = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('anywhere-console.traffic-runs')
] ??= new Map<string, Run>()) as Map<string, Run>;

const refuse = (status: number, code: string, message: string): RunRefusal => ({
  ok: false,
  status,
  code,
  message,
});

export async function startRun(
  key: string,
  params: TrafficRunParams,
  ctx: EcsContext,
): Promise<{ ok: true; runId: string; entrypoint: TrafficEntrypoint } | RunRefusal> {
  if (runs.has(key)) {
    return refuse(
      409,
      'RunInProgress',
      'A run is already in progress for this session: stop it first.',
    );
  }
  if (runs.size >= MAX_RUNS) {
    return refuse(503, 'TooManyRuns', `At most ${MAX_RUNS} runs at once: try again when one ends.`);
  }
  // Reserved before the first await, so two quick starts cannot both pass the check above.
  const run: Run = {
    id: randomUUID(),
    params,
    ctx,
    entrypoint: null,
    engine: null,
    waitTimer: null,
  };
  runs.set(key, run);
  try {
    const discovery = await discoverTraffic(ctx);
    if (!discovery.entrypoint) {
      runs.delete(key);
      return refuse(409, 'NoEntrypoint', discovery.problem ?? 'Traefik was not found.');
    }
    if (runs.get(key) !== run) return refuse(409, 'Stopped', 'The run was stopped while starting.');
    run.entrypoint = discovery.entrypoint;
    run.waitTimer = setTimeout(() => {
      if (runs.get(key) === run && !run.engine) runs.delete(key);
    }, VIEWER_WAIT_MS);
    return { ok: true, runId: run.id, entrypoint: discovery.entrypoint };
  } catch (error) {
    if (runs.get(key) === run) runs.delete(key);
    const { code, message } = describeEcsError(error);
    return refuse(502, code, message);
  }
}

export interface Viewer {
  update(update: TrafficUpdate): void;
  end(end: TrafficEnd): void;
}

/** Starts the session's run for its one viewer; the run's end (any reason) is told to the viewer. */
export function watchRun(key: string, viewer: Viewer): { ok: true; engine: Engine } | RunRefusal {
  const run = runs.get(key);
  if (!run?.entrypoint) return refuse(404, 'NoRun', 'No run to watch: start one first.');
  if (run.engine) return refuse(409, 'AlreadyWatched', 'This run is already shown in another tab.');
  if (run.waitTimer) clearTimeout(run.waitTimer);
  const resolver = backendResolver(run.ctx);
  const engine = startEngine({
    runId: run.id,
    entrypoint: run.entrypoint,
    target: run.params.target,
    rate: run.params.rate,
    durationSeconds: run.params.durationSeconds,
    concurrency: run.params.concurrency,
    onUpdate: viewer.update,
    join: resolver.placement,
    refreshJoin: resolver.refresh,
  });
  run.engine = engine;
  void engine.ended.then((end) => {
    if (runs.get(key) === run) runs.delete(key);
    viewer.end(end);
  });
  return { ok: true, engine };
}

/** Stops the session's run; false when it has none. */
export function stopRun(key: string, reason: EndReason = 'stopped'): boolean {
  const run = runs.get(key);
  if (!run) return false;
  if (run.engine) {
    run.engine.stop(reason);
  } else {
    if (run.waitTimer) clearTimeout(run.waitTimer);
    runs.delete(key);
  }
  return true;
}
