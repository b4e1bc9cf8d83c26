// Case 7 (lab part): the lab process's RSS with 200 instances and no tasks, then holding 2,000 running tasks.
import type { BenchCase, BenchFigure, BenchMode } from '../types';
import { startBenchLab } from '../support/lab';
import { median, round, rssMiB } from '../support/measure';
import { seedServices } from '../support/seed';

const sizes = {
  full: { instances: 200, services: 50, tasks: 2_000, settleMs: 5_000 },
  smoke: { instances: 3, services: 2, tasks: 6, settleMs: 500 },
};

/** Median of five RSS readings a tenth of the settle time apart, after letting the lab settle. */
async function settledRss(pid: number, settleMs: number): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const readings: number[] = [];
  for (let i = 0; i < 5; i++) {
    readings.push(rssMiB(pid));
    await new Promise((resolve) => setTimeout(resolve, settleMs / 10));
  }
  return median(readings);
}

async function run(mode: BenchMode): Promise<BenchFigure[]> {
  const size = sizes[mode];
  const lab = await startBenchLab(size.instances);
  try {
    const empty = await settledRss(lab.pid, size.settleMs);
    await seedServices(lab.ecs, lab.cluster, size);
    const holding = await settledRss(lab.pid, size.settleMs);
    const response = await fetch(`${lab.lab.adminEndpoint}/processes`, {
      headers: { authorization: 'Bearer lab' },
    });
    const { processes } = (await response.json()) as { processes: { pid: number }[] };
    const tasksRss = processes.reduce((sum, p) => {
      try {
        return sum + rssMiB(p.pid);
      } catch {
        return sum;
      }
    }, 0);
    return [
      {
        name: `lab RSS holding ${size.tasks} running tasks`,
        value: round(holding),
        unit: 'MiB',
        comparedWith: {
          name: `lab RSS, ${size.instances} instances, no tasks`,
          value: round(empty),
          unit: 'MiB',
        },
        note: `${round(((holding - empty) * 1024) / size.tasks)} KiB per task in the lab; the ${processes.length} task processes themselves hold ${round(tasksRss)} MiB RSS (shared pages counted in each)`,
      },
    ];
  } finally {
    await lab.stop();
  }
}

const labMemory: BenchCase = {
  id: 'lab-memory',
  title: 'Lab memory holding 2,000 tasks',
  run,
};

export default labMemory;
