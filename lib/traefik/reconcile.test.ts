// Reconciliation of Traefik servers with ECS tasks, on hand-built snapshots.
import { describe, expect, it } from 'vitest';
import type { InstanceView, TaskView } from '@/lib/schemas/snapshot';
import type { HttpService } from '@/lib/schemas/traefik';
import { reconcile, type LabelsByTaskDefinition } from '@/lib/traefik/reconcile';

const WHOAMI_TD = 'arn:aws:ecs:us-east-1:1:task-definition/Whoami:1';
const LB_TD = 'arn:aws:ecs:us-east-1:1:task-definition/LoadBalancer:1';
const now = Date.parse('2026-01-01T00:01:00Z');

function instance(n: number): InstanceView {
  return {
    arn: `arn:ci/${n}`,
    id: `ci${n}`,
    ec2InstanceId: `mi-${n}`,
    ip: `127.0.0.${10 + n}`,
    pingStatus: 'Online',
    status: 'ACTIVE',
    agentConnected: true,
    role: null,
    attributes: [],
    runningTasksCount: 0,
    pendingTasksCount: 0,
    cpu: { registered: 0, remaining: 0 },
    memory: { registered: 0, remaining: 0 },
    registeredAt: null,
  };
}

function task(
  id: string,
  instanceN: number,
  hostPort: number,
  {
    td = WHOAMI_TD,
    lastStatus = 'RUNNING',
    desiredStatus = 'RUNNING',
    startedAt = '2026-01-01T00:00:00Z',
  } = {},
): TaskView {
  return {
    arn: `arn:task/${id}`,
    id,
    taskDefinitionArn: td,
    group: 'service:Whoami',
    serviceName: 'Whoami',
    lastStatus,
    desiredStatus,
    containerInstanceArn: `arn:ci/${instanceN}`,
    containerInstanceId: `ci${instanceN}`,
    launchType: 'EXTERNAL',
    createdAt: startedAt,
    startedAt,
    stoppingAt: null,
    stoppedAt: null,
    stopCode: null,
    stoppedReason: null,
    containers: [
      {
        name: td === WHOAMI_TD ? 'whoami' : 'traefik',
        image: null,
        lastStatus,
        exitCode: null,
        reason: null,
        runtimeId: null,
        networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort, protocol: 'tcp' }],
      },
    ],
  };
}

const labels: LabelsByTaskDefinition = {
  [WHOAMI_TD]: {
    whoami: {
      'traefik.enable': 'true',
      'traefik.http.services.whoami.loadbalancer.server.port': '80',
    },
  },
  [LB_TD]: { traefik: {} },
};

function service(urls: string[], down: string[] = []): HttpService {
  return {
    name: 'whoami@ecs',
    provider: 'ecs',
    type: 'loadbalancer',
    status: 'enabled',
    loadBalancer: { servers: urls.map((url) => ({ url })) },
    serverStatus: Object.fromEntries(urls.map((u) => [u, down.includes(u) ? 'DOWN' : 'UP'])),
  };
}

const instances = [instance(1), instance(2)];

describe('reconcile', () => {
  it('matches each server to its task and each task to its server', () => {
    const tasks = [task('a', 1, 32768), task('b', 2, 32768), task('lb', 1, 80, { td: LB_TD })];
    const result = reconcile({
      services: [service(['http://127.0.0.11:32768', 'http://127.0.0.12:32768'])],
      tasks,
      instances,
      labels,
      refreshSeconds: 15,
      now,
    });
    expect(result.flags).toEqual([]);
    expect(
      result.servers.map((s) => [s.url, s.task?.taskId, s.task?.ec2InstanceId, s.status]),
    ).toEqual([
      ['http://127.0.0.11:32768', 'a', 'mi-1', 'UP'],
      ['http://127.0.0.12:32768', 'b', 'mi-2', 'UP'],
    ]);
    // The LoadBalancer carries no Traefik labels: it is not expected behind Traefik.
    expect(result.tasks.map((t) => [t.taskId, t.servers, t.traefikServices])).toEqual([
      ['a', ['http://127.0.0.11:32768'], ['whoami']],
      ['b', ['http://127.0.0.12:32768'], ['whoami']],
    ]);
  });

  it('flags a running task Traefik does not route to yet, with how long, against the refresh interval', () => {
    const fresh = task('new', 2, 32770, { startedAt: '2026-01-01T00:00:57Z' });
    const old = task('old', 1, 32771, { startedAt: '2026-01-01T00:00:00Z' });
    const result = reconcile({
      services: [service([])],
      tasks: [fresh, old],
      instances,
      labels,
      refreshSeconds: 2,
      now,
    });
    expect(result.flags).toEqual([
      expect.objectContaining({
        kind: 'task-not-routed',
        taskId: 'new',
        forSeconds: 3,
        withinRefresh: true,
      }),
      expect.objectContaining({
        kind: 'task-not-routed',
        taskId: 'old',
        forSeconds: 60,
        withinRefresh: false,
      }),
    ]);
    expect(result.tasks[0]?.expectedUrls).toEqual(['http://127.0.0.12:32770']);
  });

  it('flags a Traefik server whose task is stopped, being stopped, or unknown', () => {
    const stopped = task('gone', 1, 32768, { lastStatus: 'STOPPED' });
    const stopping = task('going', 2, 32769, { desiredStatus: 'STOPPED' });
    const result = reconcile({
      services: [
        service(
          ['http://127.0.0.11:32768', 'http://127.0.0.12:32769', 'http://10.9.9.9:80'],
          ['http://127.0.0.11:32768'],
        ),
      ],
      tasks: [stopped, stopping],
      instances,
      labels,
      refreshSeconds: 15,
      now,
    });
    expect(result.servers.every((s) => s.task === null)).toBe(true);
    expect(result.servers[0]?.status).toBe('DOWN');
    expect(result.flags).toEqual([
      { kind: 'server-without-task', url: 'http://127.0.0.11:32768', traefikService: 'whoami@ecs' },
      { kind: 'server-without-task', url: 'http://127.0.0.12:32769', traefikService: 'whoami@ecs' },
      { kind: 'server-without-task', url: 'http://10.9.9.9:80', traefikService: 'whoami@ecs' },
    ]);
    expect(result.tasks).toEqual([]);
  });

  it('does not flag servers of other providers, and uses the only binding when no port label is set', () => {
    const unlabelledTd = 'arn:td/Plain:1';
    const plain = { ...task('p', 2, 40000), taskDefinitionArn: unlabelledTd };
    const result = reconcile({
      services: [
        { ...service(['http://192.0.2.1:80']), name: 'static@file', provider: 'file' },
        { ...service(['http://127.0.0.12:40000']), name: 'service-Whoami-whoami@ecs' },
      ],
      tasks: [plain],
      instances,
      labels: { [unlabelledTd]: { whoami: { 'traefik.enable': 'true' } } },
      refreshSeconds: 15,
      now,
    });
    expect(result.flags).toEqual([]);
    expect(result.tasks[0]).toMatchObject({
      traefikServices: ['service-Whoami-whoami'],
      servers: ['http://127.0.0.12:40000'],
      unroutedForSeconds: null,
    });
  });

  it('ignores tasks whose labels disable Traefik', () => {
    const result = reconcile({
      services: [],
      tasks: [task('off', 1, 1)],
      instances,
      labels: { [WHOAMI_TD]: { whoami: { 'traefik.enable': 'false' } } },
      refreshSeconds: 15,
      now,
    });
    expect(result.tasks).toEqual([]);
    expect(result.flags).toEqual([]);
  });
});
