// The service scheduler over the wire: even spread, scale-in, placement failures and their events, replacement.
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListTasksCommand,
  PutAttributesCommand,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type ECSClient,
  type Service,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { labClients } from './support/clients';
import { waitFor } from './support/wait';

const CLUSTER = 'anywhere-lab';
let lab: RunningLab;
let ecs: ECSClient;
let instances: string[];

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.21.', LAB_CLUSTER: CLUSTER } });
  ecs = labClients(lab.endpoint).ecs;
  instances = (
    await ecs.send(new ListContainerInstancesCommand({ cluster: CLUSTER }))
  ).containerInstanceArns!.toSorted();
}, 90_000);
afterAll(async () => lab?.stop());

const idOf = (arn: string) => arn.split('/').at(-1)!;

async function setRole(instanceArn: string, role: string) {
  await ecs.send(
    new PutAttributesCommand({
      cluster: CLUSTER,
      attributes: [
        { name: 'role', value: role, targetType: 'container-instance', targetId: instanceArn },
      ],
    }),
  );
}

async function register(
  family: string,
  { memory = 64, hostPort = 0 }: { memory?: number; hostPort?: number } = {},
) {
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      containerDefinitions: [
        {
          name: 'whoami',
          image: 'traefik/whoami',
          memory,
          portMappings: [{ containerPort: 80, hostPort }],
        },
      ],
    }),
  );
}

async function createService(name: string, family: string, desiredCount: number, role?: string) {
  await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: name,
      taskDefinition: family,
      desiredCount,
      launchType: 'EXTERNAL',
      ...(role && {
        placementConstraints: [{ type: 'memberOf', expression: `attribute:role == ${role}` }],
      }),
    }),
  );
}

async function describe1(name: string): Promise<Service> {
  const { services } = await ecs.send(
    new DescribeServicesCommand({ cluster: CLUSTER, services: [name] }),
  );
  return services![0]!;
}

async function serviceTasks(name: string): Promise<Task[]> {
  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster: CLUSTER, serviceName: name }),
  );
  if (!taskArns?.length) return [];
  const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns }));
  return tasks!;
}

function perInstance(tasks: Task[]): number[] {
  const counts = new Map<string, number>();
  for (const t of tasks)
    counts.set(t.containerInstanceArn!, (counts.get(t.containerInstanceArn!) ?? 0) + 1);
  return [...counts.values()].toSorted();
}

async function spreadOf(name: string, count: number): Promise<number[]> {
  const tasks = await waitFor(
    `${count} tasks of ${name}`,
    () => serviceTasks(name),
    (tasks) => tasks.length === count,
  );
  return perInstance(tasks);
}

const eventsOf = async (name: string) => (await describe1(name)).events!.map((e) => e.message!);

async function waitForEvent(name: string, pattern: RegExp): Promise<string> {
  const events = await waitFor(
    `an event of ${name} matching ${pattern}`,
    () => eventsOf(name),
    (list) => list.some((m) => pattern.test(m)),
  );
  return events.find((m) => pattern.test(m))!;
}

async function deleteService(name: string) {
  await ecs.send(new DeleteServiceCommand({ cluster: CLUSTER, service: name, force: true }));
  await waitFor(
    `${name} to drain`,
    () => serviceTasks(name),
    (tasks) => tasks.length === 0,
  );
}

describe('service scheduler', () => {
  it('spreads over the webservers, scales out and in evenly, and says so', async () => {
    await setRole(instances[0]!, 'webserver');
    await setRole(instances[1]!, 'webserver');
    await register('spread');
    await createService('Spread', 'spread', 4, 'webserver');
    expect(await spreadOf('Spread', 4)).toEqual([2, 2]);
    const tasks = await serviceTasks('Spread');
    expect(new Set(tasks.map((t) => t.containerInstanceArn))).toEqual(
      new Set([instances[0], instances[1]]),
    );
    expect(tasks.every((t) => t.group === 'service:Spread')).toBe(true);
    expect(tasks.every((t) => t.startedBy?.startsWith('ecs-svc/'))).toBe(true);
    const started = await waitForEvent('Spread', /has started 4 tasks/);
    expect(started).toMatch(
      /^\(service Spread\) has started 4 tasks: (\(task [0-9a-f]{32}\) ?){4}\.$/,
    );
    const named = [...started.matchAll(/\(task ([0-9a-f]{32})\)/g)].map((m) => m[1]!);
    const { tasks: namedTasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: named }),
    );
    expect(namedTasks!.map((t) => [idOf(t.taskArn!), t.group])).toEqual(
      named.map((id) => [id, 'service:Spread']),
    );

    await ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Spread', desiredCount: 6 }),
    );
    expect(await spreadOf('Spread', 6)).toEqual([3, 3]);

    await ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Spread', desiredCount: 2 }),
    );
    expect(await spreadOf('Spread', 2)).toEqual([1, 1]);
    const stopped = await waitForEvent('Spread', /has stopped/);
    expect(stopped).toMatch(
      /^\(service Spread\) has stopped 4 running tasks: (\(task [0-9a-f]{32}\) ?){4}\.$/,
    );
    const { tasks: gone } = await ecs.send(
      new DescribeTasksCommand({
        cluster: CLUSTER,
        tasks: [...stopped.matchAll(/\(task ([0-9a-f]{32})\)/g)].map((m) => m[1]!),
      }),
    );
    expect(gone!.map((t) => [t.desiredStatus, t.stopCode])).toEqual(
      Array(4).fill(['STOPPED', 'ServiceSchedulerInitiated']),
    );
    expect(gone![0]!.stoppedReason).toMatch(
      /^Scaling activity initiated by \(deployment ecs-svc\/\d+\)$/,
    );
    await deleteService('Spread');
  });

  it('leaves a task unplaced with the reason, naming the closest instance, until an instance qualifies', async () => {
    await register('edge');
    await createService('Edge', 'edge', 1, 'edge');
    const unable = await waitForEvent('Edge', /unable to place/);
    expect(unable).toMatch(
      /^\(service Edge\) was unable to place a task because no container instance met all of its requirements\. Reason: The closest matching container-instance [0-9a-f]{32} encountered error "MemberOf placement constraint unsatisfied\." \(attribute:role == edge\)$/,
    );
    const service = await describe1('Edge');
    expect([service.runningCount, service.pendingCount]).toEqual([0, 0]);
    expect(await serviceTasks('Edge')).toEqual([]);
    // The scheduler keeps trying without repeating itself.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await eventsOf('Edge')).filter((m) => /unable to place/.test(m))).toHaveLength(1);

    await setRole(instances[2]!, 'edge');
    const [task] = await waitFor(
      'the Edge task',
      () => serviceTasks('Edge'),
      (t) => t.length === 1,
    );
    expect(task!.containerInstanceArn).toBe(instances[2]);
    await waitForEvent('Edge', /has started 1 tasks/);
    await deleteService('Edge');
  });

  it('places one task per instance when both want the same static host port', async () => {
    await register('static', { hostPort: 8081 });
    await createService('Static', 'static', 2, 'edge');
    await waitFor(
      'one Static task',
      () => serviceTasks('Static'),
      (t) => t.length === 1,
    );
    const unable = await waitForEvent('Static', /unable to place/);
    expect(unable).toMatch(
      new RegExp(
        `Reason: The closest matching container-instance ${idOf(instances[2]!)} is already using a port required by your task\\.$`,
      ),
    );
    const [task] = await serviceTasks('Static');
    expect(task!.containers![0]!.networkBindings![0]!.hostPort).toBe(8081);
    await deleteService('Static');
  });

  it('says which resource ran out', async () => {
    await register('hungry', { memory: 3000 });
    await createService('Hungry', 'hungry', 2, 'edge');
    await waitFor(
      'one Hungry task',
      () => serviceTasks('Hungry'),
      (t) => t.length === 1,
    );
    const unable = await waitForEvent('Hungry', /unable to place/);
    expect(unable).toMatch(/has insufficient memory available\.$/);
    await deleteService('Hungry');
  });

  it('replaces a task that was stopped', async () => {
    await register('phoenix');
    await createService('Phoenix', 'phoenix', 2);
    const before = await waitFor(
      '2 Phoenix tasks',
      () => serviceTasks('Phoenix'),
      (t) => t.length === 2,
    );
    const victim = before[0]!.taskArn!;
    await ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: victim, reason: 'test' }));
    const after = await waitFor(
      'a replacement',
      () => serviceTasks('Phoenix'),
      (t) => t.length === 2 && !t.some((task) => task.taskArn === victim),
    );
    expect(after.map((t) => t.taskArn)).toContain(before[1]!.taskArn);
    const { tasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: [victim] }),
    );
    expect(tasks![0]!.stopCode).toBe('UserInitiated');
    await deleteService('Phoenix');
  });

  it('backs off relaunching tasks that fail to start', async () => {
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'unpullable',
        containerDefinitions: [{ name: 'app', image: 'example.com/not-in-catalog:1', memory: 64 }],
      }),
    );
    await createService('Unpullable', 'unpullable', 1);
    await waitForEvent('Unpullable', /is unable to consistently start tasks successfully/);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const { taskArns } = await ecs.send(
      new ListTasksCommand({
        cluster: CLUSTER,
        serviceName: 'Unpullable',
        desiredStatus: 'STOPPED',
      }),
    );
    // Relaunching at once would make dozens by now; waiting 1, 2, 4 s… makes a handful.
    expect(taskArns!.length).toBeGreaterThanOrEqual(3);
    expect(taskArns!.length).toBeLessThanOrEqual(6);
    const { tasks } = await ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns!.slice(0, 1) }),
    );
    expect(tasks![0]!.stopCode).toBe('TaskFailedToStart');
    await deleteService('Unpullable');
  });

  it('keeps at most 100 events, newest first', async () => {
    await register('churn');
    await createService('Churn', 'churn', 0);
    for (let i = 0; i < 52; i++) {
      for (const desiredCount of [1, 0]) {
        const before = (await describe1('Churn')).events!.length;
        await ecs.send(
          new UpdateServiceCommand({ cluster: CLUSTER, service: 'Churn', desiredCount }),
        );
        await waitFor(
          'the scheduler to act',
          () => serviceTasks('Churn'),
          (t) => t.length === desiredCount,
          { intervalMs: 50 },
        );
        if (before >= 100) continue;
        await waitFor(
          'an event',
          () => describe1('Churn'),
          (s) => s.events!.length > before,
          {
            intervalMs: 50,
          },
        );
      }
    }
    const { events } = await describe1('Churn');
    expect(events).toHaveLength(100);
    const times = events!.map((e) => e.createdAt!.getTime());
    expect(times).toEqual(times.toSorted((a, b) => b - a));
    await deleteService('Churn');
  }, 120_000);
});
