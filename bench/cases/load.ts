// Issue 9: 20 viewers polling every 2 s during a 200 req/s traffic run, without errors; ECS calls stay flat as viewers grow.
import type { BenchCase, BenchFigure } from '../types';
import { consoleTrafficRun, startViewers } from '../support/console-traffic';
import { callsBetween } from '../support/lab';
import { round } from '../support/measure';
import {
  SCENARIO_HOST,
  startScenarioConsole,
  type ScenarioConsole,
} from '../support/scenario-console';

const sizes = {
  full: { runSeconds: 300, stepSeconds: 20 },
  smoke: { runSeconds: 15, stepSeconds: 4 },
};
const VIEWER_STEPS = [1, 5, 10, 20];
const VIEWERS = 20;
// What an open console page polls: the snapshot, and on the Traefik and Traffic pages the Traefik view.
const ROUTES = ['/api/snapshot', '/api/traefik'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** AWS calls per second the lab answers while `viewers` poll for `seconds` (Traefik's own polling included). */
async function callRate(env: ScenarioConsole, viewers: number, seconds: number) {
  const running = viewers > 0 ? startViewers(env.app, viewers, ROUTES) : null;
  await sleep(2_000);
  const before = await env.lab.operations();
  await sleep(seconds * 1000);
  const after = await env.lab.operations();
  await running?.stop();
  return { perSecond: callsBetween(before, after) / seconds, errors: running?.errors() ?? [] };
}

const load: BenchCase = {
  id: 'load',
  title: 'Load held: 20 viewers during a 200 req/s run',
  async run(mode) {
    const { runSeconds, stepSeconds } = sizes[mode];
    const env = await startScenarioConsole();
    try {
      // Traefik polls ECS too: the rate with no viewer is subtracted to leave the console's share.
      const baseline = await callRate(env, 0, stepSeconds);
      const steps: { viewers: number; perSecond: number }[] = [];
      const stepErrors: string[] = [];
      for (const viewers of VIEWER_STEPS) {
        const { perSecond, errors } = await callRate(env, viewers, stepSeconds);
        steps.push({ viewers, perSecond: Math.max(0, perSecond - baseline.perSecond) });
        stepErrors.push(...errors);
      }

      const viewers = startViewers(env.app, VIEWERS, ROUTES);
      const run = await consoleTrafficRun(env.app, {
        host: SCENARIO_HOST,
        rate: 200,
        durationSeconds: runSeconds,
        concurrency: 16,
      }).finally(() => viewers.stop());
      const viewerErrors = [...stepErrors, ...viewers.errors()];
      const totals = run.last?.totals;

      const one = steps[0]!.perSecond;
      const most = steps.at(-1)!.perSecond;
      const rateFigures: BenchFigure[] = steps.map((step) => ({
        name: `console's AWS calls/s with ${step.viewers} viewer${step.viewers === 1 ? '' : 's'}`,
        value: round(step.perSecond, 1),
        unit: 'calls/s',
        comparedWith: { name: '1 viewer', value: round(one, 1), unit: 'calls/s' },
      }));
      return [
        ...rateFigures,
        {
          name: `AWS calls/s, ${VIEWERS} viewers vs 1`,
          value: round(most / Math.max(one, 0.01), 2),
          unit: '×',
          comparedWith: { name: 'unshared (one snapshot per viewer)', value: VIEWERS, unit: '×' },
          target: 'flat (≤ 2×: one shared snapshot a second at most)',
          met: most <= 2 * one,
          note: `Traefik's own ${round(baseline.perSecond, 1)} calls/s subtracted; viewers poll ${ROUTES.join(' and ')} every 2 s at staggered phases`,
        },
        {
          name: `viewer errors, ${VIEWERS} viewers during a ${runSeconds} s run at 200 req/s`,
          value: viewerErrors.length,
          unit: 'errors',
          comparedWith: { name: 'polls answered', value: viewers.polls(), unit: 'polls' },
          target: '0',
          met: viewerErrors.length === 0,
          note: viewerErrors.slice(0, 3).join('; ') || undefined,
        },
        {
          name: 'traffic run errors',
          value: totals?.errors ?? -1,
          unit: 'errors',
          comparedWith: { name: 'answered', value: totals?.ok ?? 0, unit: 'requests' },
          target: '0',
          met: totals?.errors === 0 && run.end?.reason === 'completed',
          note: `achieved ${round(totals?.achievedRate ?? 0, 1)} req/s; ${totals?.skipped ?? 0} skipped; ended: ${run.end?.reason ?? 'no end event'}`,
        },
      ];
    } finally {
      await env.stop();
    }
  },
};

export default load;
