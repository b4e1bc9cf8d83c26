// Seeds a cluster through the ECS API (lab or moto): a whoami task definition, services or standalone tasks, and waits for them to run.
import {
  CreateServiceCommand,
  DescribeClustersCommand,
  DescribeServicesCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import { waitFor } from '@/lab/test/support/wait';
import { chunks } from '@/server/ecs/snapshot';

export interface SeedSize {
  services: number;
  tasks: number;
}

// whoami with no published port: a real process on a free port, the cheapest image in the lab's catalog.
const FAMILY = 'bench-whoami';

/** Registers the bench task definition and returns its ARN (moto needs `external` false: see lab-throughput.ts). */
export async function registerWhoami(ecs: ECSClient, external = true): Promise<string> {
  const out = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: FAMILY,
      ...(external ? { requiresCompatibilities: ['EXTERNAL' as const] } : {}),
      networkMode: 'bridge',
      containerDefinitions: [
        { name: 'whoami', image: 'traefik/whoami', essential: true, memory: 64 },
      ],
    }),
  );
  return out.taskDefinition!.taskDefinitionArn!;
}

/** Creates `size.services` services whose desired counts add up to `size.tasks`, spread over instances. */
export async function createServices(
  ecs: ECSClient,
  cluster: string,
  size: SeedSize,
): Promise<string[]> {
  const taskDefinition = await registerWhoami(ecs);
  const names = Array.from(
    { length: size.services },
    (_, i) => `bench-${String(i).padStart(3, '0')}`,
  );
  const base = Math.floor(size.tasks / size.services);
  for (const [i, serviceName] of names.entries()) {
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName,
        taskDefinition,
        launchType: 'EXTERNAL',
        desiredCount: base + (i < size.tasks % size.services ? 1 : 0),
        placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      }),
    );
  }
  return names;
}

/** Waits until the services' running counts add up to `tasks`. */
export async function waitForRunning(
  ecs: ECSClient,
  cluster: string,
  services: string[],
  tasks: number,
  timeoutMs: number,
): Promise<void> {
  const running = async () => {
    let sum = 0;
    for (const batch of chunks(services, 10)) {
      const out = await ecs.send(new DescribeServicesCommand({ cluster, services: batch }));
      sum += (out.services ?? []).reduce((n, s) => n + (s.runningCount ?? 0), 0);
    }
    return sum;
  };
  await waitFor(`${tasks} RUNNING tasks`, running, (n) => n >= tasks, {
    timeoutMs,
    intervalMs: 1_000,
  });
}

/** Creates the services and waits for all their tasks to run; returns the time from the first CreateService in ms. */
export async function seedServices(
  ecs: ECSClient,
  cluster: string,
  size: SeedSize,
  timeoutMs = 600_000,
): Promise<number> {
  const start = Date.now();
  const services = await createServices(ecs, cluster, size);
  await waitForRunning(ecs, cluster, services, size.tasks, timeoutMs);
  return Date.now() - start;
}

/** Starts `tasks` standalone tasks of `taskDefinition` with RunTask (10 per call, ECS's limit); throws if any could not be placed. */
export async function runTasks(
  ecs: ECSClient,
  cluster: string,
  taskDefinition: string,
  tasks: number,
): Promise<void> {
  for (let left = tasks; left > 0; left -= 10) {
    const count = Math.min(10, left);
    const out = await ecs.send(
      new RunTaskCommand({ cluster, taskDefinition, count, launchType: 'EXTERNAL' }),
    );
    if ((out.tasks?.length ?? 0) < count) {
      throw new Error(
        `RunTask placed ${out.tasks?.length ?? 0} of ${count}: ${JSON.stringify(out.failures)}`,
      );
    }
  }
}

/** Waits until the cluster counts `tasks` RUNNING tasks (DescribeClusters). */
export async function waitForClusterRunning(
  ecs: ECSClient,
  cluster: string,
  tasks: number,
  timeoutMs = 600_000,
): Promise<void> {
  const running = () =>
    ecs
      .send(new DescribeClustersCommand({ clusters: [cluster] }))
      .then((out) => out.clusters?.[0]?.runningTasksCount ?? 0);
  await waitFor(`${tasks} RUNNING tasks`, running, (n) => n >= tasks, {
    timeoutMs,
    intervalMs: 1_000,
  });
}
