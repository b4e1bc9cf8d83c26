// The traffic generator: open-loop requests at a fixed rate through Traefik's entrypoint, bounded in flight and in time.
import 'server-only';
import http from 'node:http';
import {
  TRAFFIC_LIMITS,
  type EndReason,
  type TrafficEnd,
  type TrafficTarget,
  type TrafficUpdate,
} from '@/lib/schemas/traffic';
import { backendIdFromBody } from '@/lib/traffic/backend-id';
import { RateLimiter } from '@/lib/traffic/rate-limiter';
import { RunAggregate, type BackendJoin } from '@/lib/traffic/run-aggregate';
import { readCappedBody } from '@/server/http/capped-body';

export interface EngineOptions {
  runId: string;
  /** Only ever the discovered entrypoint: never an address a person typed. */
  entrypoint: { host: string; port: number };
  target: TrafficTarget;
  rate: number;
  durationSeconds: number;
  concurrency: number;
  onUpdate: (update: TrafficUpdate) => void;
  join?: BackendJoin;
  /** Called every `refreshMs` (not overlapping) to refresh what `join` knows. */
  refreshJoin?: () => Promise<void>;
  refreshMs?: number;
  requestTimeoutMs?: number;
}

export interface Engine {
  stop(reason: EndReason, message?: string): void;
  readonly ended: Promise<TrafficEnd>;
  latest(): TrafficUpdate;
}

const TICK_MS = 5;
const UPDATE_MS = 1000 / TRAFFIC_LIMITS.maxUpdatesPerSecond;
const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, Math.floor(Number.isFinite(value) ? value : min)));

function errorKind(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === 'ETIMEDOUT' || code === 'TRAFFIC_TIMEOUT') return 'timeout';
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH') return code;
  if (code === 'EPIPE' || code === 'ECONNABORTED') return 'ECONNRESET';
  return 'other';
}

const messages: Record<EndReason, string> = {
  completed: 'Run completed: its duration ended.',
  stopped: 'Run stopped.',
  disconnected: 'Run ended: the browser disconnected.',
  failed: 'Run failed.',
};

export function startEngine(options: EngineOptions): Engine {
  // The schema caps what a person may ask for; these caps hold for every caller.
  const rate = clamp(options.rate, 1, TRAFFIC_LIMITS.maxRate);
  const concurrency = clamp(options.concurrency, 1, TRAFFIC_LIMITS.maxConcurrency);
  const durationSeconds = clamp(options.durationSeconds, 1, TRAFFIC_LIMITS.maxDurationSeconds);
  const timeoutMs = options.requestTimeoutMs ?? 2_000;
  const { host, port } = options.entrypoint;
  const path = options.target.kind === 'path' ? options.target.path : '/';
  const hostHeader =
    options.target.kind === 'host' ? options.target.host : port === 80 ? host : `${host}:${port}`;

  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: concurrency,
    maxFreeSockets: concurrency,
  });
  const aggregate = new RunAggregate(rate);
  const join: BackendJoin = options.join ?? (() => undefined);
  const base = {
    runId: options.runId,
    params: { target: options.target, rate, durationSeconds, concurrency },
    entrypoint: { host, port },
  };
  const startedAt = performance.now();
  const elapsed = () => performance.now() - startedAt;
  const limiter = new RateLimiter(rate, 0);
  const inFlight = new Set<http.ClientRequest>();
  let stopped = false;
  let resolveEnded: (end: TrafficEnd) => void = () => {};
  const ended = new Promise<TrafficEnd>((resolve) => (resolveEnded = resolve));

  function fire(): void {
    const sentAt = process.hrtime.bigint();
    const atMs = () => elapsed();
    const latencyMs = () => Number(process.hrtime.bigint() - sentAt) / 1e6;
    aggregate.recordSent();
    const request = http.request({
      host,
      port,
      path,
      method: 'GET',
      agent,
      headers: { host: hostHeader, 'user-agent': 'anywhere-console-traffic/1' },
    });
    inFlight.add(request);
    let settled = false;
    const settle = () => {
      settled = true;
      clearTimeout(timer);
      inFlight.delete(request);
    };
    const timer = setTimeout(() => {
      request.destroy(Object.assign(new Error('request timed out'), { code: 'TRAFFIC_TIMEOUT' }));
    }, timeoutMs);
    request.on('response', (response) =>
      readCappedBody(response, (body) => {
        if (settled) return;
        settle();
        if (stopped) return;
        aggregate.record({
          kind: 'response',
          atMs: atMs(),
          status: response.statusCode ?? 0,
          backend: backendIdFromBody(body),
          latencyMs: latencyMs(),
        });
      }),
    );
    request.on('error', (error) => {
      if (settled) return;
      settle();
      if (stopped) return;
      aggregate.record({
        kind: 'failure',
        atMs: atMs(),
        error: errorKind(error),
        latencyMs: latencyMs(),
      });
    });
    request.end();
  }

  const ticker = setInterval(() => {
    const now = elapsed();
    if (now >= durationSeconds * 1000) {
      stop('completed');
      return;
    }
    for (let due = limiter.take(now); due > 0; due--) {
      // Open loop: a request that cannot start now is counted, never queued.
      if (inFlight.size >= concurrency) aggregate.recordSkipped();
      else fire();
    }
  }, TICK_MS);

  const latest = () => aggregate.update(base, Math.round(elapsed()), inFlight.size, join);
  const updates = setInterval(() => options.onUpdate(latest()), UPDATE_MS);

  let refreshing = false;
  const refresh = () => {
    if (refreshing || !options.refreshJoin) return;
    refreshing = true;
    options
      .refreshJoin()
      .catch(() => {})
      .finally(() => (refreshing = false));
  };
  refresh();
  const refresher = setInterval(refresh, options.refreshMs ?? 2_000);

  let ending: { reason: EndReason; message?: string; drain?: NodeJS.Timeout } | null = null;

  // A completed run lets its last requests answer (up to the timeout); any other end cuts them off.
  function stop(reason: EndReason, message?: string): void {
    if (ending) {
      if (ending.drain) finish();
      return;
    }
    ending = { reason, message };
    clearInterval(ticker);
    if (reason !== 'completed' || inFlight.size === 0) return finish();
    const deadline = performance.now() + timeoutMs;
    ending.drain = setInterval(() => {
      if (inFlight.size === 0 || performance.now() >= deadline) finish();
    }, 20);
  }

  function finish(): void {
    if (stopped || !ending) return;
    clearInterval(ending.drain);
    options.onUpdate(latest());
    stopped = true;
    clearInterval(updates);
    clearInterval(refresher);
    for (const request of inFlight) request.destroy();
    inFlight.clear();
    agent.destroy();
    resolveEnded({ reason: ending.reason, message: ending.message ?? messages[ending.reason] });
  }

  return { stop, ended, latest };
}
