// Rolling deployments over the wire: PRIMARY and ACTIVE deployments, their counts, the rollout bounds and completion.
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListTasksCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { labClients } from './support/clients';
import { waitFor } from './support/wait';

const CLUSTER = 'anywhere-lab';
let lab: RunningLab;
let ecs: ECSClient;

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.22.', LAB_CLUSTER: CLUSTER } });
  ecs = labClients(lab.endpoint).ecs;
}, 90_000);
afterAll(async () => lab?.stop());

async function register(family: string, tag: string): Promise<string> {
  const { taskDefinition } = await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: [
        {
          name: 'whoami',
          image: `traefik/whoami:${tag}`,
          memory: 64,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    }),
  );
  return taskDefinition!.taskDefinitionArn!;
}

async function describeService(name: string): Promise<Service> {
  const { services } = await ecs.send(
    new DescribeServicesCommand({ cluster: CLUSTER, services: [name] }),
  );
  return services![0]!;
}

const completed = (s: Service) =>
  s.deployments!.length === 1 &&
  s.deployments![0]!.rolloutState === 'COMPLETED' &&
  s.runningCount === s.desiredCount;

/** Polls the service until its rollout completes, recording the fewest running and most live tasks seen. */
async function watchRollout(name: string) {
  let fewestRunning = Infinity;
  let mostTasks = 0;
  let sawTwoDeployments = false;
  const done = await waitFor(
    `${name}'s rollout to complete`,
    async () => {
      const service = await describeService(name);
      const counts = service.deployments!;
      fewestRunning = Math.min(fewestRunning, service.runningCount!);
      mostTasks = Math.max(mostTasks, service.runningCount! + service.pendingCount!);
      sawTwoDeployments ||= counts.length === 2;
      return service;
    },
    completed,
    { timeoutMs: 60_000, intervalMs: 50 },
  );
  return { done, fewestRunning, mostTasks, sawTwoDeployments };
}

async function create(
  name: string,
  taskDefinition: string,
  desiredCount: number,
  bounds?: [number, number],
) {
  const { service } = await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: name,
      taskDefinition,
      desiredCount,
      ...(bounds && {
        deploymentConfiguration: { maximumPercent: bounds[0], minimumHealthyPercent: bounds[1] },
      }),
    }),
  );
  return service!;
}

describe('deployments', () => {
  it('a new service places its tasks, counts them pending then running, and completes', async () => {
    const definition = await register('first', 'v1.10');
    const created = await create('First', definition, 2);
    expect(created.deployments).toMatchObject([
      {
        status: 'PRIMARY',
        rolloutState: 'IN_PROGRESS',
        desiredCount: 2,
        taskDefinition: definition,
      },
    ]);
    const placed = await waitFor(
      'First to place 2 tasks',
      () => describeService('First'),
      (s) => s.runningCount! + s.pendingCount! === 2,
    );
    const primary = placed.deployments![0]!;
    expect(primary.runningCount! + primary.pendingCount!).toBe(2);

    const { done } = await watchRollout('First');
    expect(done.deployments![0]!.id).toBe(primary.id);
    expect(done.deployments![0]!.runningCount).toBe(2);
    const messages = done.events!.map((e) => e.message);
    expect(messages.slice(0, 2)).toEqual([
      '(service First) has reached a steady state.',
      `(service First) (deployment ${primary.id}) deployment completed.`,
    ]);
    // Steady state is said once, not on every pass.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await describeService('First')).events!.length).toBe(messages.length);
  });

  it('rolls a new revision out under 100/200: PRIMARY and ACTIVE, never fewer running than desired', async () => {
    const v1 = await register('rolling', 'v1.10');
    await create('Rolling', v1, 4);
    const first = await watchRollout('Rolling');
    const old = first.done.deployments![0]!;

    const v2 = await register('rolling', 'v1.11');
    const { service } = await ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Rolling', taskDefinition: v2 }),
    );
    expect(service!.deployments!.map((d) => [d.status, d.rolloutState, d.taskDefinition])).toEqual([
      ['PRIMARY', 'IN_PROGRESS', v2],
      ['ACTIVE', 'COMPLETED', v1],
    ]);
    expect(service!.deployments![1]!.id).toBe(old.id);
    expect(service!.deployments![1]!.runningCount).toBe(4);

    const rollout = await watchRollout('Rolling');
    expect(rollout.sawTwoDeployments).toBe(true);
    expect(rollout.fewestRunning).toBeGreaterThanOrEqual(4);
    expect(rollout.mostTasks).toBeLessThanOrEqual(8);
    const primary = rollout.done.deployments![0]!;
    expect([primary.status, primary.taskDefinition, primary.runningCount]).toEqual([
      'PRIMARY',
      v2,
      4,
    ]);
    expect(rollout.done.taskDefinition).toBe(v2);

    const { taskArns } = await ecs.send(
      new ListTasksCommand({ cluster: CLUSTER, serviceName: 'Rolling' }),
    );
    const { tasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns! }),
    );
    expect(tasks!.map((t) => [t.startedBy, t.taskDefinitionArn])).toEqual(
      Array(4).fill([primary.id, v2]),
    );
    const messages = rollout.done.events!.map((e) => e.message!);
    expect(messages[0]).toBe('(service Rolling) has reached a steady state.');
    expect(messages[1]).toBe(`(service Rolling) (deployment ${primary.id}) deployment completed.`);
    expect(
      messages.some((m) => /^\(service Rolling\) has stopped \d+ running tasks: /.test(m)),
    ).toBe(true);
  }, 120_000);

  it('with maximum 100 and minimum 50 never exceeds the desired count nor falls below half', async () => {
    const v1 = await register('tight', 'v1.10');
    await create('Tight', v1, 4, [100, 50]);
    await watchRollout('Tight');
    const v2 = await register('tight', 'v1.11');
    await ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Tight', taskDefinition: v2 }),
    );
    const rollout = await watchRollout('Tight');
    expect(rollout.mostTasks).toBeLessThanOrEqual(4);
    expect(rollout.fewestRunning).toBeGreaterThanOrEqual(2);
    expect(rollout.done.deployments![0]!.taskDefinition).toBe(v2);
    await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: 'Tight', force: true }));
  }, 120_000);
});
