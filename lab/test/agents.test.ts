// The instances' agents over the wire: task lifecycle with real processes, image failures, agent stop/start, add and remove.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  DescribeContainerInstancesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import {
  CreateActivationCommand,
  DescribeActivationsCommand,
  DescribeInstanceInformationCommand,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { labClients } from './support/clients';
import { httpGet, whoamiHostname } from './support/http';
import { labAdmin, processAlive } from './support/lab-admin';
import { waitFor } from './support/wait';

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const CLUSTER = 'anywhere-lab';
const LIFECYCLE = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
];

let lab: RunningLab;
let clients: ReturnType<typeof labClients>;
let admin: ReturnType<typeof labAdmin>;

beforeAll(async () => {
  lab = await startLab({ instances: 3, env: { LAB_ADDRESS_PREFIX: '127.0.3.' } });
  clients = labClients(lab.endpoint);
  admin = labAdmin(lab.adminEndpoint);
  await clients.ecs.send(
    new RegisterTaskDefinitionCommand({
      family: 'agent-whoami',
      containerDefinitions: [
        {
          name: 'whoami',
          image: 'traefik/whoami:v1.11.0',
          memory: 64,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        },
      ],
    }),
  );
});
afterAll(async () => lab?.stop());

async function describeTasks(arns: string[]): Promise<Task[]> {
  const { tasks } = await clients.ecs.send(
    new DescribeTasksCommand({ cluster: CLUSTER, tasks: arns }),
  );
  return tasks ?? [];
}

async function runWhoami(count: number, group = 'family:agent-whoami'): Promise<string[]> {
  const { tasks, failures } = await clients.ecs.send(
    new RunTaskCommand({ cluster: CLUSTER, taskDefinition: 'agent-whoami', count, group }),
  );
  expect(failures).toEqual([]);
  return tasks!.map((t) => t.taskArn!);
}

function untilAll(arns: string[], status: string, timeoutMs = 20_000) {
  return waitFor(
    `${arns.length} task(s) ${status}`,
    () => describeTasks(arns),
    (tasks) => tasks.length === arns.length && tasks.every((t) => t.lastStatus === status),
    { timeoutMs, intervalMs: 100 },
  );
}

async function addressOf(containerInstanceArn: string): Promise<string> {
  const instance = (await admin.instances()).find(
    (i) => i.containerInstanceArn === containerInstanceArn,
  );
  return instance!.address!;
}

const at = (date: Date | undefined) => date?.getTime() ?? Number.NaN;

describe('an agent runs a task', () => {
  it('moves it through the lifecycle with real processes, timestamps in order', async () => {
    const [arn] = await runWhoami(1);
    const seen: string[] = [];
    const running = await waitFor(
      'the task to run',
      async () => {
        const [task] = await describeTasks([arn!]);
        if (task?.lastStatus && seen.at(-1) !== task.lastStatus) seen.push(task.lastStatus);
        return task;
      },
      (task) => task?.lastStatus === 'RUNNING',
      { timeoutMs: 20_000, intervalMs: 5 },
    );
    const order = seen.map((s) => LIFECYCLE.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const container = running!.containers![0]!;
    expect(container.lastStatus).toBe('RUNNING');
    expect(container.runtimeId).toMatch(/^[0-9a-f]{64}$/);
    expect(running).toMatchObject({ connectivity: 'CONNECTED', desiredStatus: 'RUNNING' });
    const times = [
      running!.createdAt,
      running!.connectivityAt,
      running!.pullStartedAt,
      running!.pullStoppedAt,
      running!.startedAt,
    ].map(at);
    expect(times.every(Number.isFinite)).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // The process answers on the instance's address and the task's host port, as its container id.
    const hostPort = container.networkBindings![0]!.hostPort!;
    expect(hostPort).toBeGreaterThanOrEqual(49153);
    const address = await addressOf(running!.containerInstanceArn!);
    const reply = await waitFor(
      'whoami to answer',
      () => httpGet(`http://${address}:${hostPort}/`),
      (r) => r.status === 200,
    );
    expect(whoamiHostname(reply.body)).toBe(container.runtimeId!.slice(0, 12));
    const process = (await admin.processes()).find((p) => p.taskArn === arn);
    expect(process).toMatchObject({ container: 'whoami', hostPorts: [hostPort] });
    expect(processAlive(process!.pid)).toBe(true);

    await clients.ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: arn, reason: 'test' }));
    const [stopped] = await untilAll([arn!], 'STOPPED');
    expect(stopped).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'test',
    });
    expect(stopped!.containers![0]!.lastStatus).toBe('STOPPED');
    expect(typeof stopped!.containers![0]!.exitCode).toBe('number');
    const stopTimes = [
      stopped!.startedAt,
      stopped!.stoppingAt,
      stopped!.executionStoppedAt,
      stopped!.stoppedAt,
    ].map(at);
    expect(stopTimes.every(Number.isFinite)).toBe(true);
    expect(stopTimes).toEqual([...stopTimes].sort((a, b) => a - b));
    expect(processAlive(process!.pid)).toBe(false);
    expect((await admin.processes()).some((p) => p.taskArn === arn)).toBe(false);
  });

  it('stops a task whose image is not in the catalog with CannotPullContainerError', async () => {
    await clients.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'agent-unknown-image',
        containerDefinitions: [{ name: 'app', image: 'nginx:1.27', memory: 64 }],
      }),
    );
    const { tasks } = await clients.ecs.send(
      new RunTaskCommand({ cluster: CLUSTER, taskDefinition: 'agent-unknown-image' }),
    );
    const [stopped] = await untilAll([tasks![0]!.taskArn!], 'STOPPED');
    expect(stopped!.stopCode).toBe('TaskFailedToStart');
    expect(stopped!.stoppedReason).toMatch(/^CannotPullContainerError: .*nginx:1\.27/);
    expect(stopped!.stoppedReason).toContain("the lab's image catalog has traefik");
    expect(stopped!.containers![0]!.lastStatus).toBe('STOPPED');
  });
});

describe('instance agents', () => {
  it('a stopped agent disconnects, keeps its tasks running and gets no new ones', async () => {
    const arns = await runWhoami(3, 'spread-test');
    const running = await untilAll(arns, 'RUNNING');
    const target = running[0]!.containerInstanceArn!;
    const instance = (await admin.instances()).find((i) => i.containerInstanceArn === target)!;
    const pidsBefore = (await admin.processes())
      .filter((p) => p.containerInstanceArn === target)
      .map((p) => p.pid);
    expect(pidsBefore.length).toBeGreaterThan(0);

    const stop = await admin.call<{ instance: { agentConnected: boolean } }>(
      'POST',
      `/instances/${instance.instanceId}/stop`,
    );
    expect(stop.status).toBe(200);
    expect(stop.body.instance.agentConnected).toBe(false);
    const { containerInstances } = await clients.ecs.send(
      new DescribeContainerInstancesCommand({ cluster: CLUSTER, containerInstances: [target] }),
    );
    expect(containerInstances![0]!.agentConnected).toBe(false);
    const info = await clients.ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'InstanceIds', Values: [instance.instanceId] }],
      }),
    );
    expect(info.InstanceInformationList![0]!.PingStatus).toBe('ConnectionLost');

    // New tasks go to the connected instances only; the disconnected one's tasks keep running.
    const more = await runWhoami(4, 'spread-test');
    const placed = await untilAll(more, 'RUNNING');
    expect(placed.every((t) => t.containerInstanceArn !== target)).toBe(true);
    const [stillThere] = await describeTasks([running[0]!.taskArn!]);
    expect(stillThere!.lastStatus).toBe('RUNNING');
    expect(pidsBefore.every(processAlive)).toBe(true);

    const start = await admin.call<{ instance: { agentConnected: boolean } }>(
      'POST',
      `/instances/${encodeURIComponent(target)}/start`,
    );
    expect(start.body.instance.agentConnected).toBe(true);
    const after = await clients.ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'InstanceIds', Values: [instance.instanceId] }],
      }),
    );
    expect(after.InstanceInformationList![0]!.PingStatus).toBe('Online');
    for (const arn of [...arns, ...more]) {
      await clients.ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: arn }));
    }
    await untilAll([...arns, ...more], 'STOPPED');
  });

  it('adds instances with an SSM activation, over the admin route and the CLI', async () => {
    const { ActivationId, ActivationCode } = await clients.ssm.send(
      new CreateActivationCommand({ IamRole: 'ECSAnywhereRole', RegistrationLimit: 2 }),
    );
    const refused = await admin.call<{ code: string }>('POST', '/instances', {
      activationId: ActivationId,
      activationCode: 'wrong-code-000000000',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('InvalidActivation');

    const added = await admin.call<{ instances: { instanceId: string; address: string }[] }>(
      'POST',
      '/instances',
      { activationId: ActivationId, activationCode: ActivationCode },
    );
    expect(added.status).toBe(201);
    const [first] = added.body.instances;
    expect(first!.instanceId).toMatch(/^mi-[0-9a-f]{17}$/);
    expect(first!.address).toMatch(/^127\.0\.3\.\d+$/);

    const port = new URL(lab.endpoint).port;
    const cli = (...args: string[]) =>
      execFileAsync('npm', ['run', '--silent', 'lab', '--', 'instance', ...args], {
        cwd: root,
        env: { ...process.env, LAB_PORT: port, LAB_DATA_DIR: lab.dataDir },
      });
    const { stdout } = await cli(
      'add',
      '--activation-id',
      ActivationId!,
      '--activation-code',
      ActivationCode!,
    );
    const second = /registered (mi-[0-9a-f]{17})/.exec(stdout)?.[1];
    expect(second).toBeTruthy();
    // The activation allows two registrations: a third is refused, with a message and a failing exit.
    await expect(
      cli('add', '--activation-id', ActivationId!, '--activation-code', ActivationCode!),
    ).rejects.toMatchObject({ stderr: expect.stringMatching(/allows 2 registrations/) });

    const info = await clients.ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'ActivationIds', Values: [ActivationId!] }],
      }),
    );
    expect(info.InstanceInformationList!.map((i) => i.InstanceId).sort()).toEqual(
      [first!.instanceId, second].sort(),
    );
    const activations = await clients.ssm.send(
      new DescribeActivationsCommand({
        Filters: [{ FilterKey: 'ActivationIds', FilterValues: [ActivationId!] }],
      }),
    );
    expect(activations.ActivationList![0]!.RegistrationsCount).toBe(2);
    const listed = await clients.ecs.send(new ListContainerInstancesCommand({ cluster: CLUSTER }));
    const { containerInstances } = await clients.ecs.send(
      new DescribeContainerInstancesCommand({
        cluster: CLUSTER,
        containerInstances: listed.containerInstanceArns!,
      }),
    );
    expect(containerInstances!.map((i) => i.ec2InstanceId)).toEqual(
      expect.arrayContaining([first!.instanceId, second]),
    );

    const { stdout: list } = await cli('list');
    expect(list).toContain(second!);
  });

  it('the CLI says so when no lab is running', async () => {
    await expect(
      execFileAsync('npm', ['run', '--silent', 'lab', '--', 'instance', 'list'], {
        cwd: root,
        env: { ...process.env, LAB_PORT: '1' },
      }),
    ).rejects.toMatchObject({ code: 3, stderr: expect.stringMatching(/no lab is running/) });
  });

  it('removes an instance: its tasks stop, its processes end, it is deregistered', async () => {
    const arns = await runWhoami(3, 'remove-test');
    const running = await untilAll(arns, 'RUNNING');
    const target = running[0]!.containerInstanceArn!;
    const pids = (await admin.processes())
      .filter((p) => p.containerInstanceArn === target)
      .map((p) => p.pid);
    expect(pids.length).toBeGreaterThan(0);

    const removed = await admin.call('DELETE', `/instances/${encodeURIComponent(target)}`);
    expect(removed.status).toBe(200);
    const onTarget = running
      .filter((t) => t.containerInstanceArn === target)
      .map((t) => t.taskArn!);
    const stopped = await untilAll(onTarget, 'STOPPED');
    expect(stopped.every((t) => t.stopCode === 'TerminationNotice')).toBe(true);
    await waitFor(
      'its processes to end',
      async () => pids.filter(processAlive),
      (alive) => alive.length === 0,
    );
    const listed = await clients.ecs.send(new ListContainerInstancesCommand({ cluster: CLUSTER }));
    expect(listed.containerInstanceArns).not.toContain(target);
    expect((await admin.instances()).some((i) => i.containerInstanceArn === target)).toBe(false);
    const again = await admin.call('DELETE', `/instances/${encodeURIComponent(target)}`);
    expect(again.status).toBe(404);
    for (const arn of arns)
      await clients.ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: arn }));
    await untilAll(arns, 'STOPPED');
  });
});
