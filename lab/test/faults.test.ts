// Faults with real processes: a killed whoami is replaced; a lab killed with SIGKILL leaves nothing behind and recovers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ListAttributesCommand,
  ListContainerInstancesCommand,
  ListTasksCommand,
  PutAttributesCommand,
  RegisterTaskDefinitionCommand,
  UpdateServiceCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { labClients } from './support/clients';
import { labAdmin, processAlive, type LabProcess } from './support/lab-admin';
import { waitFor } from './support/wait';

const CLUSTER = 'anywhere-lab';
const SERVICE = 'FaultyWhoami';
const LAB_ENV = { LAB_ADDRESS_PREFIX: '127.0.4.' };

let dataDir: string;
let lab: RunningLab;

function connect(running: RunningLab) {
  return { ...labClients(running.endpoint), admin: labAdmin(running.adminEndpoint) };
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'anywhere-lab-faults-'));
  lab = await startLab({ dataDir, env: LAB_ENV });
  const { ecs } = connect(lab);
  const { containerInstanceArns } = await ecs.send(
    new ListContainerInstancesCommand({ cluster: CLUSTER }),
  );
  await ecs.send(
    new PutAttributesCommand({
      cluster: CLUSTER,
      attributes: containerInstanceArns!.map((arn) => ({
        name: 'role',
        value: 'webserver',
        targetType: 'container-instance',
        targetId: arn,
      })),
    }),
  );
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family: SERVICE,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == webserver' }],
      containerDefinitions: [
        {
          name: 'whoami',
          image: 'traefik/whoami',
          memory: 64,
          portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
        },
      ],
    }),
  );
  await ecs.send(
    new CreateServiceCommand({
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: SERVICE,
      desiredCount: 3,
      launchType: 'EXTERNAL',
    }),
  );
});
afterAll(async () => {
  await lab?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function serviceTasks(running: RunningLab): Promise<Task[]> {
  const { ecs } = connect(running);
  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster: CLUSTER, serviceName: SERVICE }),
  );
  if (!taskArns?.length) return [];
  const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns }));
  return tasks ?? [];
}

function converged(running: RunningLab, count: number) {
  return waitFor(
    `${count} running ${SERVICE} tasks, each with a live process`,
    async () => {
      const tasks = await serviceTasks(running);
      const processes = await connect(running).admin.processes();
      return { tasks, processes };
    },
    ({ tasks, processes }) =>
      tasks.length === count &&
      tasks.every(
        (t) => t.lastStatus === 'RUNNING' && processes.some((p) => p.taskArn === t.taskArn),
      ),
    { timeoutMs: 45_000, intervalMs: 200 },
  );
}

describe('faults', () => {
  it('a killed whoami process stops its task with exit code 137 and the service replaces it', async () => {
    const { processes } = await converged(lab, 3);
    const victim = processes[0]!;
    process.kill(victim.pid, 'SIGKILL');

    const { ecs } = connect(lab);
    const stopped = await waitFor(
      'the killed task to stop',
      async () =>
        (await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: [victim.taskArn] })))
          .tasks?.[0],
      (task) => task?.lastStatus === 'STOPPED',
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    expect(stopped).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(stopped!.containers![0]).toMatchObject({ lastStatus: 'STOPPED', exitCode: 137 });

    const { tasks } = await converged(lab, 3);
    expect(tasks.map((t) => t.taskArn)).not.toContain(victim.taskArn);
  });

  it('a lab killed with SIGKILL mid-deploy leaves no process, and restarts with its state reconciled', async () => {
    const { ecs } = connect(lab);
    const before = await converged(lab, 3);
    await ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: SERVICE, desiredCount: 5 }),
    );
    // Long enough for the snapshot (written 50 ms after a change), short enough to catch the deploy.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const seen: LabProcess[] = await connect(lab).admin.processes();
    const exited = new Promise((resolve) => lab.process.once('exit', resolve));
    lab.process.kill('SIGKILL');
    await exited;

    const pids = [...before.processes, ...seen].map((p) => p.pid);
    await waitFor(
      'every container process of the killed lab to end',
      async () => pids.filter(processAlive),
      (alive) => alive.length === 0,
      { timeoutMs: 5_000, intervalMs: 50 },
    );

    const restartedAt = performance.now();
    lab = await startLab({ dataDir, env: LAB_ENV });
    const listeningMs = Math.round(performance.now() - restartedAt);
    const restarted = connect(lab);
    const { services } = await restarted.ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }),
    );
    expect(services![0]).toMatchObject({ serviceName: SERVICE, desiredCount: 5, status: 'ACTIVE' });
    const { attributes } = await restarted.ecs.send(
      new ListAttributesCommand({
        cluster: CLUSTER,
        targetType: 'container-instance',
        attributeName: 'role',
      }),
    );
    expect(attributes?.filter((a) => a.value === 'webserver')).toHaveLength(3);
    const { taskDefinition } = await restarted.ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: `${SERVICE}:1` }),
    );
    expect(taskDefinition?.containerDefinitions?.[0]?.image).toBe('traefik/whoami');

    const oldArns = [...new Set(before.tasks.map((t) => t.taskArn!))];
    const { tasks: old } = await restarted.ecs.send(
      new DescribeTasksCommand({ cluster: CLUSTER, tasks: oldArns }),
    );
    for (const task of old ?? []) {
      expect(task).toMatchObject({
        lastStatus: 'STOPPED',
        desiredStatus: 'STOPPED',
        stopCode: 'EssentialContainerExited',
        stoppedReason: "Lab restarted: the task's processes ended with the lab",
      });
    }
    expect(old).toHaveLength(oldArns.length);

    const after = await converged(lab, 5);
    const convergedMs = Math.round(performance.now() - restartedAt);
    expect(after.tasks.some((t) => oldArns.includes(t.taskArn!))).toBe(false);
    expect(after.processes.some((p) => oldArns.includes(p.taskArn))).toBe(false);
    // Exactly one live process per running task: nothing left over from the killed lab.
    expect(after.processes).toHaveLength(5);
    const { services: converged5 } = await restarted.ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }),
    );
    expect(converged5![0]).toMatchObject({ desiredCount: 5, runningCount: 5 });
    console.log(
      `lab SIGKILL mid-deploy: listening again ${listeningMs} ms after restart, service converged to 5 after ${convergedMs} ms`,
    );
  });
});
