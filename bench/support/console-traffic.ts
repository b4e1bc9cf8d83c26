// A traffic run and viewers through the console's own HTTP API, as a signed-in browser makes them.
import type { TrafficEnd, TrafficUpdate } from '@/lib/schemas/traffic';
import type { BenchConsole } from './console';

export interface RunOutcome {
  last: TrafficUpdate | null;
  end: TrafficEnd | null;
}

/** Starts a run (POST /api/traffic/runs) and watches its event stream until it ends; resolves with its last update. */
export async function consoleTrafficRun(
  app: BenchConsole,
  params: { host: string; rate: number; durationSeconds: number; concurrency: number },
): Promise<RunOutcome> {
  const headers = { cookie: app.cookie, origin: app.url, 'content-type': 'application/json' };
  const started = await fetch(`${app.url}/api/traffic/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      target: { kind: 'host', host: params.host },
      rate: params.rate,
      durationSeconds: params.durationSeconds,
      concurrency: params.concurrency,
    }),
  });
  if (started.status !== 201) {
    throw new Error(`starting a run answered ${started.status}: ${await started.text()}`);
  }
  const stream = await fetch(`${app.url}/api/traffic/runs/current/events`, {
    headers: { cookie: app.cookie, accept: 'text/event-stream' },
  });
  if (!stream.ok || !stream.body)
    throw new Error(`the run's event stream answered ${stream.status}`);
  const outcome: RunOutcome = { last: null, end: null };
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = stream.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    let split: number;
    while ((split = buffer.indexOf('\n\n')) !== -1) {
      const block = buffer.slice(0, split);
      buffer = buffer.slice(split + 2);
      const event = /^event: (\w+)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!data) continue;
      if (event === 'update') outcome.last = JSON.parse(data) as TrafficUpdate;
      if (event === 'end') outcome.end = JSON.parse(data) as TrafficEnd;
    }
  }
  return outcome;
}

export interface Viewers {
  /** Poll rounds that got a 200 with JSON on every route. */
  polls(): number;
  /** What went wrong, one line per failed request. */
  errors(): string[];
  stop(): Promise<void>;
}

/** `count` viewers, each polling `routes` every `intervalMs` like the browser's react-query, at staggered phases. */
export function startViewers(
  app: BenchConsole,
  count: number,
  routes: readonly string[],
  intervalMs = 2_000,
): Viewers {
  let polls = 0;
  const errors: string[] = [];
  let stopped = false;
  const viewer = async (index: number) => {
    await new Promise((resolve) => setTimeout(resolve, (intervalMs * index) / count));
    while (!stopped) {
      const started = performance.now();
      const results = await Promise.all(
        routes.map(async (route) => {
          try {
            const response = await fetch(`${app.url}${route}`, {
              headers: { cookie: app.cookie, accept: 'application/json' },
            });
            await response.json();
            if (response.status !== 200) errors.push(`${route}: HTTP ${response.status}`);
            return response.status === 200;
          } catch (error) {
            errors.push(`${route}: ${error instanceof Error ? error.message : String(error)}`);
            return false;
          }
        }),
      );
      if (results.every(Boolean)) polls++;
      const wait = intervalMs - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };
  const loops = Array.from({ length: count }, (_, i) => viewer(i));
  return {
    polls: () => polls,
    errors: () => errors,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}
