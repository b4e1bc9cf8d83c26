// Case 6: req/s and latency through Traefik to whoami: the console's traffic engine at its cap beside wrk and a bare client.
import { deployScenario } from '@/lab/test/support/scenario';
import { TRAFFIC_LIMITS, type TrafficUpdate } from '@/lib/schemas/traffic';
import { startEngine } from '@/server/traffic/engine';
import type { BenchCase } from '../types';
import { runFixedRate, runWrk, type LoadResult, type Route } from '../support/http-load';
import { startBenchLab } from '../support/lab';
import { round } from '../support/measure';
import { locateTraefik, timeUntil, traefikServerCount } from '../support/traefik';

const sizes = { full: { seconds: 15 }, smoke: { seconds: 1 } };
const HOST = 'whoami.domain.com';
const WRK_CONNECTIONS = 16;

/** The engine reports latency per backend; round robin gives equal shares, so the count-weighted p50 stands for all. */
function engineResult(update: TrafficUpdate): LoadResult {
  const answered = update.backends.reduce((sum, b) => sum + b.count, 0);
  const weighted = (pick: (b: TrafficUpdate['backends'][number]) => number | null) =>
    update.backends.reduce((sum, b) => sum + (pick(b) ?? 0) * b.count, 0) / Math.max(1, answered);
  return {
    requestsPerSecond: update.totals.ok / (update.elapsedMs / 1000),
    p50Ms: weighted((b) => b.p50Ms),
    p99Ms: Math.max(0, ...update.backends.map((b) => b.p99Ms ?? 0)),
    errors: update.totals.errors,
  };
}

async function runEngine(route: Route, seconds: number): Promise<LoadResult> {
  let last: TrafficUpdate | undefined;
  const engine = startEngine({
    runId: 'bench',
    entrypoint: { host: route.host, port: route.port },
    target: { kind: 'host', host: route.hostHeader },
    rate: TRAFFIC_LIMITS.maxRate,
    durationSeconds: seconds,
    concurrency: TRAFFIC_LIMITS.maxConcurrency,
    onUpdate: (update) => (last = update),
  });
  await engine.ended;
  return engineResult(last ?? engine.latest());
}

const trafficPath: BenchCase = {
  id: 'traffic-path',
  title: 'Traffic through Traefik to whoami: engine vs wrk',
  async run(mode) {
    const { seconds } = sizes[mode];
    const lab = await startBenchLab(3);
    try {
      await deployScenario(lab.ecs, lab.cluster, 4);
      const traefik = await locateTraefik(lab);
      await timeUntil('Traefik listing 4 whoami servers', async () => {
        return (await traefikServerCount(traefik, 'whoami@ecs')) === 4;
      });
      const route: Route = { host: traefik.host, port: traefik.webPort, hostHeader: HOST };
      // Warm Traefik's connections to every backend before anything is measured.
      await runWrk(route, 4, 1);
      const wrk = await runWrk(route, WRK_CONNECTIONS, seconds);
      const engine = await runEngine(route, seconds);
      const bare = await runFixedRate(
        route,
        TRAFFIC_LIMITS.maxRate,
        TRAFFIC_LIMITS.maxConcurrency,
        seconds,
      );
      const share = engine.requestsPerSecond / wrk.requestsPerSecond;
      const added = engine.p50Ms - bare.p50Ms;
      const errors = wrk.errors + engine.errors + bare.errors;
      return [
        {
          name: `wrk, ${WRK_CONNECTIONS} connections (closed loop)`,
          value: round(wrk.requestsPerSecond, 0),
          unit: 'req/s',
          note: `p50 ${round(wrk.p50Ms, 2)} ms, p99 ${round(wrk.p99Ms, 2)} ms`,
        },
        {
          name: `engine at its cap (${TRAFFIC_LIMITS.maxRate} req/s, ${TRAFFIC_LIMITS.maxConcurrency} in flight)`,
          value: round(engine.requestsPerSecond, 0),
          unit: 'req/s',
          comparedWith: { name: 'wrk', value: round(wrk.requestsPerSecond, 0), unit: 'req/s' },
          target: '≥ 50% of wrk',
          met: share >= 0.5,
          note: `${round(share * 100, 1)}% of wrk; ${round((engine.requestsPerSecond / TRAFFIC_LIMITS.maxRate) * 100, 1)}% of its own cap, which bounds it`,
        },
        {
          name: 'engine p50 latency',
          value: round(engine.p50Ms, 2),
          unit: 'ms',
          comparedWith: { name: 'wrk p50', value: round(wrk.p50Ms, 2), unit: 'ms' },
          note: `p99 ${round(engine.p99Ms, 2)} ms (wrk ${round(wrk.p99Ms, 2)} ms)`,
        },
        {
          name: 'engine p50 added over a bare client at the same rate',
          value: round(added, 2),
          unit: 'ms',
          comparedWith: {
            name: `bare Node client p50 at ${TRAFFIC_LIMITS.maxRate} req/s`,
            value: round(bare.p50Ms, 2),
            unit: 'ms',
          },
          target: '< 1 ms',
          met: added < 1,
          note: "Debian's wrk has no fixed-rate mode (-R is wrk2's), so the same-rate baseline is a bare open-loop client",
        },
        { name: 'errors (wrk + engine + bare client)', value: errors, unit: 'requests' },
      ];
    } finally {
      await lab.stop();
    }
  },
};

export default trafficPath;
