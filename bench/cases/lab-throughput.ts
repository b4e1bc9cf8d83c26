// Case 3: DescribeTasks (100 ids) and ListTasks requests per second, the lab against moto's server, same client and load.
import {
  CreateClusterCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterContainerInstanceCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import type { BenchCase, BenchFigure, BenchMode } from '../types';
import { benchClients } from '../support/aws';
import { startBenchLab } from '../support/lab';
import { round, throughput } from '../support/measure';
import { runMotoInstances, startMoto } from '../support/moto';
import { registerWhoami, runTasks, waitForClusterRunning } from '../support/seed';

const sizes = {
  full: { instances: 50, tasks: 2_000, durationMs: 5_000 },
  smoke: { instances: 2, tasks: 20, durationMs: 300 },
};
const CONCURRENCY = 16;

type Workload = 'describeTasks' | 'listTasks';

interface Target {
  calls: Record<Workload, () => Promise<unknown>>;
  stop(): Promise<void>;
}

async function allTaskArns(ecs: ECSClient, cluster: string): Promise<string[]> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await ecs.send(new ListTasksCommand({ cluster, nextToken, maxResults: 100 }));
    arns.push(...(out.taskArns ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return arns;
}

/** The two workloads against one seeded cluster: DescribeTasks of 100 ids, and ListTasks' first page. */
async function workloads(ecs: ECSClient, cluster: string, tasks: number): Promise<Target['calls']> {
  const arns = await allTaskArns(ecs, cluster);
  if (arns.length < tasks) throw new Error(`ListTasks found ${arns.length} of ${tasks} tasks`);
  const ids = arns.slice(0, 100);
  return {
    describeTasks: async () => {
      const out = await ecs.send(new DescribeTasksCommand({ cluster, tasks: ids }));
      if (out.tasks?.length !== ids.length) throw new Error('DescribeTasks lost tasks');
    },
    listTasks: () => ecs.send(new ListTasksCommand({ cluster, maxResults: 100 })),
  };
}

async function seededLab(size: (typeof sizes)['full']): Promise<Target> {
  const lab = await startBenchLab(size.instances);
  try {
    await runTasks(lab.ecs, lab.cluster, await registerWhoami(lab.ecs), size.tasks);
    // Measured once every task runs, so process start-up does not compete with the requests.
    await waitForClusterRunning(lab.ecs, lab.cluster, size.tasks);
    return { calls: await workloads(lab.ecs, lab.cluster, size.tasks), stop: () => lab.stop() };
  } catch (error) {
    await lab.stop();
    throw error;
  }
}

async function seededMoto(size: (typeof sizes)['full']): Promise<Target & { version: string }> {
  const moto = await startMoto();
  const { ecs } = benchClients(moto.endpoint);
  const stop = async () => {
    ecs.destroy();
    await moto.stop();
  };
  try {
    const cluster = 'bench';
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    for (const instanceId of await runMotoInstances(moto.endpoint, size.instances)) {
      await ecs.send(
        new RegisterContainerInstanceCommand({
          cluster,
          instanceIdentityDocument: JSON.stringify({ instanceId }),
        }),
      );
    }
    // moto forces awsvpc (and then demands a network configuration) on any EXTERNAL-compatible task definition.
    await runTasks(ecs, cluster, await registerWhoami(ecs, false), size.tasks);
    return { calls: await workloads(ecs, cluster, size.tasks), stop, version: moto.version };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Requests per second from CONCURRENCY loops, after a warm-up a fifth as long. */
async function rate(call: () => Promise<unknown>, durationMs: number): Promise<number> {
  await throughput(call, { concurrency: CONCURRENCY, durationMs: durationMs / 5 });
  return (await throughput(call, { concurrency: CONCURRENCY, durationMs })).perSecond;
}

function figure(name: string, lab: number, moto: number | undefined, note: string): BenchFigure {
  return {
    name: `${name} req/s, lab`,
    value: round(lab),
    unit: 'req/s',
    ...(moto === undefined
      ? {}
      : { comparedWith: { name: 'moto server', value: round(moto), unit: 'req/s' } }),
    target: '≥ 5× moto',
    ...(moto === undefined ? {} : { met: lab >= 5 * moto }),
    note: moto === undefined ? note : `${round(lab / moto)}× moto; ${note}`,
  };
}

async function run(mode: BenchMode): Promise<BenchFigure[]> {
  const size = sizes[mode];
  const setup = `${size.tasks} tasks on ${size.instances} instances, ${CONCURRENCY} concurrent SDK clients, ${size.durationMs / 1000} s each, lab and moto back to back`;
  const lab = await seededLab(size);
  let moto: (Target & { version: string }) | undefined;
  let note = setup;
  try {
    try {
      moto = await seededMoto(size);
      note = `moto ${moto.version}; ${setup}`;
    } catch (error) {
      note = `moto not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
    // Both servers stay up and each workload runs on one right after the other, so load from
    // elsewhere on the machine falls on both alike.
    const measured = async (workload: Workload) => ({
      lab: await rate(lab.calls[workload], size.durationMs),
      moto: moto ? await rate(moto.calls[workload], size.durationMs) : undefined,
    });
    const describe = await measured('describeTasks');
    const list = await measured('listTasks');
    return [
      figure('DescribeTasks (100 ids)', describe.lab, describe.moto, note),
      figure(
        'ListTasks (page of 100)',
        list.lab,
        list.moto,
        moto ? `${note}; moto ignores maxResults and answers all ${size.tasks} ARNs at once` : note,
      ),
    ];
  } finally {
    await lab.stop();
    await moto?.stop();
  }
}

const labThroughput: BenchCase = {
  id: 'lab-throughput',
  title: 'Lab API throughput vs moto',
  run,
};

export default labThroughput;
