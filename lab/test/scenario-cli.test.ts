// The reference scenario end to end with the AWS CLI: roles, LoadBalancer, Whoami, routing through the real Traefik, clean-up.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { awsCli } from './support/aws-cli';
import { getJson, httpGet, whoamiHostname } from './support/http';
import { labAdmin, processAlive } from './support/lab-admin';
import { waitFor } from './support/wait';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const CLUSTER = 'anywhere-lab';

interface TraefikService {
  name: string;
  loadBalancer?: { servers?: { url: string }[] };
}

let lab: RunningLab;
let aws: ReturnType<typeof awsCli>;
/** Every container process seen while the scenario ran: none may outlive the clean-up. */
const seenPids = new Set<number>();

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.1.' } });
  aws = awsCli(lab.endpoint);
});
afterAll(async () => lab?.stop());

async function instanceArns(): Promise<string[]> {
  const { json } = await aws<{ containerInstanceArns: string[] }>(
    'ecs',
    'list-container-instances',
    '--cluster',
    CLUSTER,
  );
  return json.containerInstanceArns;
}

async function lbAddress(): Promise<string> {
  const { json: tasks } = await aws<{ taskArns: string[] }>(
    'ecs',
    'list-tasks',
    '--cluster',
    CLUSTER,
    '--service-name',
    'LoadBalancer',
  );
  const { json: described } = await aws<{ tasks: { containerInstanceArn: string }[] }>(
    'ecs',
    'describe-tasks',
    '--cluster',
    CLUSTER,
    '--tasks',
    ...tasks.taskArns,
  );
  const { json: instances } = await aws<{ containerInstances: { ec2InstanceId: string }[] }>(
    'ecs',
    'describe-container-instances',
    '--cluster',
    CLUSTER,
    '--container-instances',
    described.tasks[0]!.containerInstanceArn,
  );
  const miId = instances.containerInstances[0]!.ec2InstanceId;
  const { json: info } = await aws<{ InstanceInformationList: { IPAddress: string }[] }>(
    'ssm',
    'describe-instance-information',
    '--filters',
    `Key=InstanceIds,Values=${miId}`,
  );
  return info.InstanceInformationList[0]!.IPAddress;
}

describe('the scenario with the AWS CLI', () => {
  it('assigns roles, deploys both services and routes round robin through Traefik', async () => {
    const [lbArn, ...webArns] = await instanceArns();
    expect(webArns).toHaveLength(2);
    await aws(
      'ecs',
      'put-attributes',
      '--cluster',
      CLUSTER,
      '--attributes',
      `name=role,value=loadbalancer,targetType=container-instance,targetId=${lbArn}`,
    );
    for (const arn of webArns) {
      await aws(
        'ecs',
        'put-attributes',
        '--cluster',
        CLUSTER,
        '--attributes',
        `name=role,value=webserver,targetType=container-instance,targetId=${arn}`,
      );
    }

    for (const family of ['LoadBalancer', 'Whoami']) {
      const file = path.join(fixtures, `task-definition-${family}.json`);
      JSON.parse(readFileSync(file, 'utf8'));
      const { json } = await aws<{ taskDefinition: { family: string; revision: number } }>(
        'ecs',
        'register-task-definition',
        '--cli-input-json',
        `file://${file}`,
      );
      expect(json.taskDefinition.family).toBe(family);
    }
    await aws(
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'LoadBalancer',
      '--task-definition',
      'LoadBalancer',
      '--desired-count',
      '1',
      '--launch-type',
      'EXTERNAL',
    );
    await aws(
      'ecs',
      'create-service',
      '--cluster',
      CLUSTER,
      '--service-name',
      'Whoami',
      '--task-definition',
      'Whoami',
      '--desired-count',
      '4',
      '--launch-type',
      'EXTERNAL',
    );

    const steady = await waitFor(
      'both services steady',
      async () =>
        (
          await aws<{
            services: { serviceName: string; runningCount: number; desiredCount: number }[];
          }>(
            'ecs',
            'describe-services',
            '--cluster',
            CLUSTER,
            '--services',
            'LoadBalancer',
            'Whoami',
          )
        ).json.services,
      (services) =>
        services.length === 2 && services.every((s) => s.runningCount === s.desiredCount),
      { timeoutMs: 60_000 },
    );
    expect(steady.map((s) => s.runningCount)).toEqual([1, 4]);

    // Tasks spread evenly over the two webservers.
    const { json: whoamiTasks } = await aws<{ taskArns: string[] }>(
      'ecs',
      'list-tasks',
      '--cluster',
      CLUSTER,
      '--service-name',
      'Whoami',
    );
    const { json: described } = await aws<{ tasks: { containerInstanceArn: string }[] }>(
      'ecs',
      'describe-tasks',
      '--cluster',
      CLUSTER,
      '--tasks',
      ...whoamiTasks.taskArns,
    );
    const perInstance = new Map<string, number>();
    for (const task of described.tasks) {
      perInstance.set(
        task.containerInstanceArn,
        (perInstance.get(task.containerInstanceArn) ?? 0) + 1,
      );
    }
    expect([...perInstance.values()].sort()).toEqual([2, 2]);
    expect([...perInstance.keys()].sort()).toEqual([...webArns].sort());

    // Traefik's own ECS provider (default refresh 15 s) finds the 4 whoami tasks through the lab.
    const ip = await lbAddress();
    const services = await waitFor(
      'Traefik to list whoami@ecs with 4 servers',
      () => getJson<TraefikService[]>(`http://${ip}:8080/api/http/services`),
      (list) => list.find((s) => s.name === 'whoami@ecs')?.loadBalancer?.servers?.length === 4,
      { timeoutMs: 45_000, intervalMs: 1000 },
    );
    expect(services.find((s) => s.name === 'whoami@ecs')).toBeTruthy();
    const routers = await getJson<{ name: string; status: string }[]>(
      `http://${ip}:8080/api/http/routers`,
    );
    expect(routers.map((r) => r.name)).toEqual(
      expect.arrayContaining(['whoami-host@ecs', 'whoami-path@ecs']),
    );
    const processes = await labAdmin(lab.adminEndpoint).processes();
    expect(processes).toHaveLength(5);
    for (const { pid } of processes) seenPids.add(pid);

    for (const [url, headers] of [
      [`http://${ip}/`, { Host: 'whoami.domain.com' }],
      [`http://${ip}/whoami`, {}],
    ] as const) {
      const counts = new Map<string, number>();
      for (let i = 0; i < 8; i++) {
        const reply = await httpGet(url, headers);
        expect(reply.status).toBe(200);
        const hostname = whoamiHostname(reply.body);
        expect(hostname).toMatch(/^[0-9a-f]{12}$/);
        counts.set(hostname!, (counts.get(hostname!) ?? 0) + 1);
      }
      expect([...counts.values()]).toEqual([2, 2, 2, 2]);
    }
  });

  it('cleans up: services deleted, task definitions deregistered, instances and cluster gone', async () => {
    for (const service of ['Whoami', 'LoadBalancer']) {
      await aws(
        'ecs',
        'update-service',
        '--cluster',
        CLUSTER,
        '--service',
        service,
        '--desired-count',
        '0',
      );
      const { json } = await aws<{ service: { status: string } }>(
        'ecs',
        'delete-service',
        '--cluster',
        CLUSTER,
        '--service',
        service,
      );
      expect(json.service.status).toBe('DRAINING');
    }
    await waitFor(
      'every task to stop',
      async () =>
        (await aws<{ taskArns: string[] }>('ecs', 'list-tasks', '--cluster', CLUSTER)).json
          .taskArns,
      (arns) => arns.length === 0,
      { timeoutMs: 45_000 },
    );
    for (const family of ['LoadBalancer', 'Whoami']) {
      const { json } = await aws<{ taskDefinition: { status: string } }>(
        'ecs',
        'deregister-task-definition',
        '--task-definition',
        `${family}:1`,
      );
      expect(json.taskDefinition.status).toBe('INACTIVE');
    }
    for (const arn of await instanceArns()) {
      await aws(
        'ecs',
        'deregister-container-instance',
        '--cluster',
        CLUSTER,
        '--container-instance',
        arn,
        '--force',
      );
    }
    const { json } = await aws<{ cluster: { status: string } }>(
      'ecs',
      'delete-cluster',
      '--cluster',
      CLUSTER,
    );
    expect(json.cluster.status).toBe('INACTIVE');
    expect(await labAdmin(lab.adminEndpoint).processes()).toEqual([]);
    expect(seenPids.size).toBe(5);
    expect([...seenPids].filter(processAlive)).toEqual([]);
  });
});
