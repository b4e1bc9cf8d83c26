// Case 7: the console server's RSS idle, and through a long traffic run at 200 req/s (growth after warm-up).
import type { BenchCase } from '../types';
import { consoleTrafficRun } from '../support/console-traffic';
import { median, round } from '../support/measure';
import { SCENARIO_HOST, startScenarioConsole } from '../support/scenario-console';

// A window is the stretch averaged at each end of the run: "the first minute after warm-up" and "the last minute".
const sizes = {
  full: { seconds: 600, sampleMs: 5_000, warmUpMs: 60_000, windowMs: 60_000 },
  smoke: { seconds: 15, sampleMs: 1_000, warmUpMs: 3_000, windowMs: 4_000 },
};
const PAGES = ['/', '/instances', '/services', '/tasks', '/traefik', '/traffic', '/api/snapshot'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/** Mean RSS of each successive window: whether memory climbs or levels off. */
function trend(samples: { atMs: number; mib: number }[], windowMs: number): string {
  const windows: number[][] = [];
  for (const sample of samples)
    (windows[Math.floor(sample.atMs / windowMs)] ??= []).push(sample.mib);
  return windows.map((window) => round(mean(window))).join(' → ');
}

const consoleMemory: BenchCase = {
  id: 'console-memory',
  title: "Console server's RSS idle and under a traffic run",
  async run(mode) {
    const { seconds, sampleMs, warmUpMs, windowMs } = sizes[mode];
    const env = await startScenarioConsole();
    try {
      const { app } = env;
      // Warm-up: every page compiled and rendered once, so idle RSS holds the code a viewer loads.
      for (let pass = 0; pass < 3; pass++) {
        for (const page of PAGES) {
          const response = await fetch(`${app.url}${page}`, { headers: { cookie: app.cookie } });
          await response.arrayBuffer();
        }
      }
      await sleep(2_000);
      const idle = median([
        app.rssMiB(),
        (await sleep(500), app.rssMiB()),
        (await sleep(500), app.rssMiB()),
      ]);

      const samples: { atMs: number; mib: number }[] = [];
      const start = performance.now();
      const sampler = setInterval(() => {
        samples.push({ atMs: performance.now() - start, mib: app.rssMiB() });
      }, sampleMs);
      const outcome = await consoleTrafficRun(app, {
        host: SCENARIO_HOST,
        rate: 200,
        durationSeconds: seconds,
        concurrency: 16,
      }).finally(() => clearInterval(sampler));

      const runMs = performance.now() - start;
      const first = samples.filter((s) => s.atMs >= warmUpMs && s.atMs < warmUpMs + windowMs);
      const last = samples.filter((s) => s.atMs >= runMs - windowMs);
      const firstMiB = mean(first.map((s) => s.mib));
      const lastMiB = mean(last.map((s) => s.mib));
      const growth = ((lastMiB - firstMiB) / firstMiB) * 100;
      const totals = outcome.last?.totals;
      const windowS = windowMs / 1000;
      return [
        { name: 'RSS idle, after warm-up', value: round(idle), unit: 'MiB' },
        {
          name: `RSS in the last ${windowS} s of a ${seconds} s run at 200 req/s`,
          value: round(lastMiB),
          unit: 'MiB',
          comparedWith: {
            name: `first ${windowS} s after ${warmUpMs / 1000} s warm-up`,
            value: round(firstMiB),
            unit: 'MiB',
          },
          note: `by window: ${trend(samples, windowMs)} MiB; ${samples.length} samples every ${sampleMs / 1000} s; process group RSS`,
        },
        {
          name: 'RSS growth after warm-up',
          value: round(growth, 1),
          unit: '%',
          target: '≤ 10%',
          met: growth <= 10,
        },
        {
          name: 'traffic run: answered / errors',
          value: totals?.ok ?? 0,
          unit: 'requests',
          note: `${totals?.errors ?? 'no'} errors, ${totals?.skipped ?? 0} skipped; ended: ${outcome.end?.reason ?? 'no end event'}`,
        },
      ];
    } finally {
      await env.stop();
    }
  },
};

export default consoleMemory;
