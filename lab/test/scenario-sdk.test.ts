// The reference scenario end to end with the AWS SDK: deploy, round robin through the real Traefik, scale, replace, clean up.
import {
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListTasksCommand,
  PutAttributesCommand,
  RegisterTaskDefinitionCommand,
  StopTaskCommand,
  UpdateServiceCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { labClients } from './support/clients';
import { getJson, httpGet, whoamiHostname } from './support/http';
import { labAdmin, processAlive } from './support/lab-admin';
import { waitFor } from './support/wait';
import { scenarioTaskDefinition } from './support/scenario';

const CLUSTER = 'anywhere-lab';

interface TraefikService {
  name: string;
  loadBalancer?: { servers?: { url: string }[] };
}

let lab: RunningLab;
let ecs: ReturnType<typeof labClients>['ecs'];
let ssm: ReturnType<typeof labClients>['ssm'];
let admin: ReturnType<typeof labAdmin>;
let lbIp: string;
const seenPids = new Set<number>();

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.2.' } });
  ({ ecs, ssm } = labClients(lab.endpoint));
  admin = labAdmin(lab.adminEndpoint);
});
afterAll(async () => lab?.stop());

async function serviceTasks(serviceName: string): Promise<Task[]> {
  const { taskArns } = await ecs.send(
    new ListTasksCommand({ cluster: CLUSTER, serviceName, desiredStatus: 'RUNNING' }),
  );
  if (!taskArns?.length) return [];
  const { tasks } = await ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: taskArns }));
  return tasks ?? [];
}

async function addressesByInstance(): Promise<Map<string, string>> {
  const { containerInstanceArns } = await ecs.send(
    new ListContainerInstancesCommand({ cluster: CLUSTER }),
  );
  const { containerInstances } = await ecs.send(
    new DescribeContainerInstancesCommand({
      cluster: CLUSTER,
      containerInstances: containerInstanceArns!,
    }),
  );
  const { InstanceInformationList } = await ssm.send(
    new DescribeInstanceInformationCommand({
      Filters: [{ Key: 'InstanceIds', Values: containerInstances!.map((i) => i.ec2InstanceId!) }],
    }),
  );
  const ipOf = new Map(InstanceInformationList!.map((i) => [i.InstanceId!, i.IPAddress!]));
  return new Map(
    containerInstances!.map((i) => [i.containerInstanceArn!, ipOf.get(i.ec2InstanceId!)!]),
  );
}

/** The server URLs Traefik should list: `http://<instance IP>:<hostPort>` of each running whoami task. */
async function expectedServerUrls(tasks: Task[]): Promise<string[]> {
  const ips = await addressesByInstance();
  return tasks
    .map((t) => {
      const binding = t.containers![0]!.networkBindings!.find((b) => b.containerPort === 80)!;
      return `http://${ips.get(t.containerInstanceArn!)}:${binding.hostPort}`;
    })
    .sort();
}

async function runningWhoami(count: number): Promise<Task[]> {
  return waitFor(
    `${count} running Whoami tasks`,
    () => serviceTasks('Whoami'),
    (tasks) => tasks.length === count && tasks.every((t) => t.lastStatus === 'RUNNING'),
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}

function traefikServers(expected: string[]) {
  return waitFor(
    `Traefik's whoami@ecs to list ${expected.join(', ')}`,
    async () => {
      const services = await getJson<TraefikService[]>(`http://${lbIp}:8080/api/http/services`);
      const whoami = services.find((s) => s.name === 'whoami@ecs');
      return (whoami?.loadBalancer?.servers ?? []).map((s) => s.url).sort();
    },
    (urls) => JSON.stringify(urls) === JSON.stringify(expected),
    { timeoutMs: 30_000, intervalMs: 500 },
  );
}

async function hostnameCounts(
  url: string,
  headers: Record<string, string>,
  requests: number,
): Promise<number[]> {
  const counts = new Map<string, number>();
  for (let i = 0; i < requests; i++) {
    const reply = await httpGet(url, headers);
    expect(reply.status).toBe(200);
    const hostname = whoamiHostname(reply.body);
    expect(hostname).toMatch(/^[0-9a-f]{12}$/);
    counts.set(hostname!, (counts.get(hostname!) ?? 0) + 1);
  }
  return [...counts.values()];
}

async function rememberPids(): Promise<void> {
  for (const { pid } of await admin.processes()) seenPids.add(pid);
}

describe('the scenario with the AWS SDK', () => {
  it('assigns roles and deploys LoadBalancer and Whoami', async () => {
    const { containerInstanceArns } = await ecs.send(
      new ListContainerInstancesCommand({ cluster: CLUSTER }),
    );
    const [lbArn, ...webArns] = containerInstanceArns!;
    expect(webArns).toHaveLength(2);
    await ecs.send(
      new PutAttributesCommand({
        cluster: CLUSTER,
        attributes: [
          {
            name: 'role',
            value: 'loadbalancer',
            targetType: 'container-instance',
            targetId: lbArn,
          },
          ...webArns.map((arn) => ({
            name: 'role',
            value: 'webserver',
            targetType: 'container-instance' as const,
            targetId: arn,
          })),
        ],
      }),
    );
    for (const family of ['LoadBalancer', 'Whoami']) {
      const { taskDefinition } = await ecs.send(
        new RegisterTaskDefinitionCommand(scenarioTaskDefinition(family)),
      );
      expect(taskDefinition?.family).toBe(family);
    }
    for (const [serviceName, desiredCount] of [
      ['LoadBalancer', 1],
      ['Whoami', 4],
    ] as const) {
      await ecs.send(
        new CreateServiceCommand({
          cluster: CLUSTER,
          serviceName,
          taskDefinition: serviceName,
          desiredCount,
          launchType: 'EXTERNAL',
        }),
      );
    }
    const [lb] = await waitFor(
      'the LoadBalancer task to run',
      () => serviceTasks('LoadBalancer'),
      (tasks) => tasks.length === 1 && tasks[0]!.lastStatus === 'RUNNING',
      { timeoutMs: 60_000 },
    );
    expect(lb!.containerInstanceArn).toBe(lbArn);
    lbIp = (await addressesByInstance()).get(lbArn!)!;
    expect(lbIp).toMatch(/^127\.0\.2\.\d+$/);
    const whoami = await runningWhoami(4);
    expect(whoami.every((t) => webArns.includes(t.containerInstanceArn!))).toBe(true);
    await rememberPids();
  });

  it("Traefik's ECS provider lists both routers and the 4 whoami servers", async () => {
    const expected = await expectedServerUrls(await runningWhoami(4));
    expect(await traefikServers(expected)).toHaveLength(4);
    const routers = await getJson<{ name: string; status: string }[]>(
      `http://${lbIp}:8080/api/http/routers`,
    );
    const ecsRouters = routers.filter((r) => r.name.endsWith('@ecs'));
    expect(ecsRouters.map((r) => r.name).sort()).toEqual(['whoami-host@ecs', 'whoami-path@ecs']);
    expect(ecsRouters.every((r) => r.status === 'enabled')).toBe(true);
  });

  it('routes 8 requests by host and 8 by path round robin: 4 hostnames, 2 each', async () => {
    expect(await hostnameCounts(`http://${lbIp}/`, { Host: 'whoami.domain.com' }, 8)).toEqual([
      2, 2, 2, 2,
    ]);
    expect(await hostnameCounts(`http://${lbIp}/whoami`, {}, 8)).toEqual([2, 2, 2, 2]);
  });

  it('scales Whoami to 6: 6 servers, 6 hostnames in 6 requests', async () => {
    await ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Whoami', desiredCount: 6 }),
    );
    const expected = await expectedServerUrls(await runningWhoami(6));
    await traefikServers(expected);
    await rememberPids();
    expect(await hostnameCounts(`http://${lbIp}/whoami`, {}, 6)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('a stopped task is replaced, and Traefik swaps its server for the new one', async () => {
    const before = await runningWhoami(6);
    const victim = before[0]!;
    const [victimUrl] = await expectedServerUrls([victim]);
    await ecs.send(new StopTaskCommand({ cluster: CLUSTER, task: victim.taskArn, reason: 'test' }));
    const after = await waitFor(
      'a replacement task',
      () => serviceTasks('Whoami'),
      (tasks) =>
        tasks.length === 6 &&
        tasks.every((t) => t.lastStatus === 'RUNNING' && t.taskArn !== victim.taskArn),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const replacement = after.find((t) => !before.some((b) => b.taskArn === t.taskArn))!;
    const [replacementUrl] = await expectedServerUrls([replacement]);
    const urls = await traefikServers(await expectedServerUrls(after));
    expect(urls).toContain(replacementUrl);
    if (replacementUrl !== victimUrl) expect(urls).not.toContain(victimUrl);
    await rememberPids();
  });

  it('cleans up: no task, and no process, remains', async () => {
    for (const service of ['Whoami', 'LoadBalancer']) {
      await ecs.send(new UpdateServiceCommand({ cluster: CLUSTER, service, desiredCount: 0 }));
      const { service: deleted } = await ecs.send(
        new DeleteServiceCommand({ cluster: CLUSTER, service }),
      );
      expect(deleted?.status).toBe('DRAINING');
    }
    await waitFor(
      'every task to stop',
      async () => (await ecs.send(new ListTasksCommand({ cluster: CLUSTER }))).taskArns ?? [],
      (arns) => arns.length === 0,
      { timeoutMs: 45_000 },
    );
    const { services } = await ecs.send(
      new DescribeServicesCommand({ cluster: CLUSTER, services: ['Whoami', 'LoadBalancer'] }),
    );
    expect(services?.every((s) => s.runningCount === 0)).toBe(true);
    // ListTasks shows desired RUNNING only: the processes end a moment later, after SIGTERM.
    await waitFor(
      'every process to end',
      () => admin.processes(),
      (list) => list.length === 0,
      {
        timeoutMs: 45_000,
      },
    );
    // 5 at first, 2 more on scale-out, 1 replacement.
    expect(seenPids.size).toBe(8);
    expect([...seenPids].filter(processAlive)).toEqual([]);
  });
});
