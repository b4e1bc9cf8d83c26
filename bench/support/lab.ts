// A private lab for one benchmark (its own cluster, instances and loopback range), with its pid and API call counts.
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { benchClients, type BenchClients } from './aws';

export interface BenchLab extends BenchClients {
  endpoint: string;
  cluster: string;
  pid: number;
  lab: RunningLab;
  /** AWS operations the lab has answered so far, by name (`ecs:ListTasks`), from GET /_lab/metrics. */
  operations(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

const CLUSTER = 'bench';

/** Starts a lab with `instances` external instances (at most 200, the lab's limit) in cluster "bench". */
export async function startBenchLab(instances: number): Promise<BenchLab> {
  const lab = await startLab({ instances, env: { LAB_CLUSTER: CLUSTER } });
  const clients = benchClients(lab.endpoint);
  return {
    ...clients,
    endpoint: lab.endpoint,
    cluster: CLUSTER,
    pid: lab.process.pid!,
    lab,
    async operations() {
      const response = await fetch(`${lab.adminEndpoint}/metrics`, {
        headers: { authorization: 'Bearer lab' },
      });
      if (!response.ok) throw new Error(`GET /_lab/metrics answered ${response.status}`);
      return ((await response.json()) as { operations: Record<string, number> }).operations;
    },
    async stop() {
      clients.ecs.destroy();
      clients.ssm.destroy();
      await lab.stop();
    },
  };
}

/** Calls made between two `operations()` readings, summed over all operations. */
export function callsBetween(
  before: Record<string, number>,
  after: Record<string, number>,
): number {
  return Object.entries(after).reduce((sum, [name, n]) => sum + n - (before[name] ?? 0), 0);
}
