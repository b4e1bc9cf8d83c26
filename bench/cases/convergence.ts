// Case 5: scale Whoami (4 → 20) with Traefik refreshing every 2 s; time until all run, and until Traefik lists them all.
import { DescribeTasksCommand, ListTasksCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { deployScenario } from '@/lab/test/support/scenario';
import type { BenchCase, BenchFigure } from '../types';
import { startBenchLab, type BenchLab } from '../support/lab';
import { round } from '../support/measure';
import { locateTraefik, timeUntil, traefikServerCount } from '../support/traefik';

const sizes = { full: { from: 4, to: 20 }, smoke: { from: 1, to: 2 } };
const TARGET_MS = 5_000;

async function runningWhoami(lab: BenchLab): Promise<number> {
  const { taskArns = [] } = await lab.ecs.send(
    new ListTasksCommand({ cluster: lab.cluster, serviceName: 'Whoami', desiredStatus: 'RUNNING' }),
  );
  let running = 0;
  for (let i = 0; i < taskArns.length; i += 100) {
    const { tasks = [] } = await lab.ecs.send(
      new DescribeTasksCommand({ cluster: lab.cluster, tasks: taskArns.slice(i, i + 100) }),
    );
    running += tasks.filter((t) => t.lastStatus === 'RUNNING').length;
  }
  return running;
}

const convergence: BenchCase = {
  id: 'convergence',
  title: 'Scale Whoami and wait for ECS and Traefik',
  async run(mode) {
    const { from, to } = sizes[mode];
    const lab = await startBenchLab(3);
    try {
      await deployScenario(lab.ecs, lab.cluster, from);
      const traefik = await locateTraefik(lab);
      const settled = async (count: number) =>
        (await runningWhoami(lab)) === count &&
        (await traefikServerCount(traefik, 'whoami@ecs')) === count;
      await timeUntil(`${from} whoami running and listed`, () => settled(from));

      const start = performance.now();
      await lab.ecs.send(
        new UpdateServiceCommand({ cluster: lab.cluster, service: 'Whoami', desiredCount: to }),
      );
      const [runningMs, listedMs] = await Promise.all([
        timeUntil(`${to} whoami RUNNING`, async () => (await runningWhoami(lab)) >= to, {
          since: start,
        }),
        timeUntil(
          `Traefik listing ${to} servers`,
          async () => (await traefikServerCount(traefik, 'whoami@ecs')) >= to,
          { since: start },
        ),
      ]);
      const figure = (name: string, ms: number): BenchFigure => ({
        name,
        value: round(ms / 1000, 2),
        unit: 's',
        comparedWith: { name: "Traefik's refresh interval", value: 2, unit: 's' },
        target: '< 5 s',
        met: ms < TARGET_MS,
      });
      return [
        figure(`${from} → ${to} tasks RUNNING`, runningMs),
        {
          ...figure(`${from} → ${to} servers in Traefik`, listedMs),
          note: 'polled every 100 ms: DescribeTasks, and GET /api/http/services/whoami@ecs',
        },
      ];
    } finally {
      await lab.stop();
    }
  },
};

export default convergence;
