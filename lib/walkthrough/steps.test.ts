import { describe, expect, it } from 'vitest';
import type { InstanceView, ServiceView } from '@/lib/schemas/snapshot';
import type { TraefikView } from '@/lib/schemas/traefik';
import type { ProbeResult, WalkthroughEvidence } from '@/lib/walkthrough/schema';
import { evaluateWalkthrough, walkthroughDefaults } from '@/lib/walkthrough/steps';

const T0 = '2026-01-01T10:00:00.000Z';
const LATER = '2026-01-01T10:05:00.000Z';

function instance(n: number, role: string | null, connected = true): InstanceView {
  return {
    arn: `arn:aws:ecs:us-east-1:1:container-instance/c/${n}`,
    id: String(n),
    ec2InstanceId: `mi-${n}`,
    ip: `127.0.0.${n}`,
    pingStatus: 'Online',
    status: 'ACTIVE',
    agentConnected: connected,
    role,
    attributes: role ? [{ name: 'role', value: role }] : [],
    runningTasksCount: 0,
    pendingTasksCount: 0,
    cpu: { registered: 2048, remaining: 2048 },
    memory: { registered: 4096, remaining: 4096 },
    registeredAt: T0,
  };
}

function service(name: string, desired: number, running = desired, td = `${name}:1`): ServiceView {
  return {
    arn: `arn:aws:ecs:us-east-1:1:service/c/${name}`,
    name,
    status: 'ACTIVE',
    desiredCount: desired,
    runningCount: running,
    pendingCount: desired - running,
    taskDefinition: td,
    launchType: 'EXTERNAL',
    deployments: [
      {
        id: 'd',
        status: 'PRIMARY',
        taskDefinition: td,
        desiredCount: desired,
        runningCount: running,
        pendingCount: desired - running,
        failedTasks: 0,
        rolloutState: null,
        rolloutStateReason: null,
        createdAt: T0,
        updatedAt: T0,
      },
    ],
    events: [{ id: 'e', createdAt: T0, message: `(service ${name}) has started 1 tasks` }],
    placementConstraints: [],
    placementStrategy: [],
    createdAt: T0,
  };
}

const notFound: TraefikView = {
  state: 'not-found',
  source: { kind: 'not-found', reason: 'No service or task in this cluster runs a traefik image.' },
  fetchedAt: T0,
};

function traefikOk(servers: number): TraefikView {
  const urls = Array.from({ length: servers }, (_, i) => `http://127.0.0.2:${32000 + i}`);
  return {
    state: 'ok',
    source: { kind: 'configured', url: 'http://127.0.0.1:8080' },
    url: 'http://127.0.0.1:8080',
    version: { Version: 'v3.6.2' },
    entrypoints: [],
    routers: [],
    services: [
      {
        name: 'whoami@ecs',
        provider: 'ecs',
        status: 'enabled',
        loadBalancer: { servers: urls.map((url) => ({ url })) },
        serverStatus: Object.fromEntries(urls.map((u) => [u, 'UP'])),
      },
    ],
    middlewares: [],
    reconciliation: { servers: [], tasks: [], flags: [], refreshSeconds: 2 },
    fetchedAt: T0,
  };
}

function probe(mode: 'host' | 'path', hostnames: string[], over: Partial<ProbeResult> = {}) {
  return {
    mode,
    host: 'whoami.domain.com',
    path: '/',
    count: hostnames.length,
    entrypoint: { host: '127.0.0.1', port: 80 },
    requests: hostnames.map((hostname, index) => ({
      index,
      status: 200,
      hostname,
      latencyMs: 1,
      error: null,
    })),
    distinct: new Set(hostnames).size,
    allDiffer: new Set(hostnames).size === hostnames.length,
    at: LATER,
    app: { service: 'Whoami', taskDefinition: 'Whoami:1', desiredCount: hostnames.length },
    cli: 'curl',
    ...over,
  } satisfies ProbeResult;
}

function evidence(over: Partial<WalkthroughEvidence> = {}): WalkthroughEvidence {
  return {
    snapshot: {
      target: 'lab',
      region: 'us-east-1',
      cluster: {
        name: 'c',
        arn: 'arn',
        status: 'ACTIVE',
        registeredContainerInstancesCount: 3,
        runningTasksCount: 0,
        pendingTasksCount: 0,
        activeServicesCount: 0,
      },
      instances: [instance(1, null), instance(2, null), instance(3, null)],
      services: [],
      tasks: [],
      fetchedAt: T0,
      apiCalls: 1,
    },
    traefik: notFound,
    apps: [],
    entrypoint: null,
    entrypointProblem: 'No running task runs a Traefik image',
    probes: { host: null, path: null },
    fetchedAt: T0,
    ...over,
  };
}

const roles = [instance(1, 'loadbalancer'), instance(2, 'webserver'), instance(3, 'webserver')];
const whoamiApp = {
  service: 'Whoami',
  taskDefinition: 'Whoami:1',
  hosts: ['whoami.domain.com'],
  paths: ['/whoami'],
  routers: ['whoami-host', 'whoami-path'],
  traefikServices: ['whoami'],
};
function deployed(over: Partial<WalkthroughEvidence> = {}, whoami = service('Whoami', 4)) {
  const base = evidence();
  return evidence({
    snapshot: {
      ...base.snapshot,
      instances: roles,
      services: [service('LoadBalancer', 1), whoami],
    },
    traefik: traefikOk(4),
    apps: [whoamiApp],
    ...over,
  });
}

const statuses = (e: WalkthroughEvidence) => evaluateWalkthrough(e).steps.map((s) => s.status);

describe('evaluateWalkthrough', () => {
  it('on a fresh cluster: step 0 done (3 found), resumes at roles, later steps blocked by it', () => {
    const state = evaluateWalkthrough(evidence());
    expect(state.currentIndex).toBe(1);
    expect(state.complete).toBe(false);
    expect(state.steps[0]?.check.summary).toMatch(/3 connected of 3 external instances/);
    expect(state.steps[1]?.check.problems).toEqual([
      'No instance has role=loadbalancer.',
      'No instance has role=webserver.',
    ]);
    expect(state.steps.slice(2).every((s) => s.status === 'blocked')).toBe(true);
    expect(state.steps[4]?.blockedBy).toEqual({ index: 1, title: 'Assign roles' });
  });

  it('step 0 fails with fewer than 2 connected instances and warns below the expected 3', () => {
    const one = evidence();
    one.snapshot.instances = [instance(1, null), instance(2, null, false)];
    const state = evaluateWalkthrough(one);
    expect(state.currentIndex).toBe(0);
    expect(state.steps[0]?.check.problems[0]).toMatch(/Only 1 connected instance/);
    const two = evidence();
    two.snapshot.instances = [instance(1, null), instance(2, null)];
    const check = evaluateWalkthrough(two).steps[0]?.check;
    expect(check?.ok).toBe(true);
    expect(check?.facts[0]).toMatch(/Fewer than 3/);
    expect(
      evaluateWalkthrough(two, { ...walkthroughDefaults, expectedInstances: 2 }).steps[0]?.check
        .facts[0],
    ).not.toMatch(/Fewer/);
  });

  it('names the missing role, and shows which instance has which', () => {
    const e = evidence();
    e.snapshot.instances = [instance(1, 'loadbalancer'), instance(2, null), instance(3, null)];
    const roles = evaluateWalkthrough(e).steps[1]!;
    expect(roles.status).toBe('current');
    expect(roles.check.problems).toEqual(['No instance has role=webserver.']);
    expect(roles.check.facts).toContain('role=loadbalancer: mi-1');
  });

  it('role names are parameters, not constants', () => {
    const e = evidence();
    e.snapshot.instances = [instance(1, 'edge'), instance(2, 'app')];
    const params = { ...walkthroughDefaults, loadBalancerRole: 'edge', webserverRole: 'app' };
    expect(evaluateWalkthrough(e, params).steps[1]?.status).toBe('done');
    expect(evaluateWalkthrough(e).steps[1]?.status).toBe('current');
  });

  it('LoadBalancer pending: waiting, with counts and the latest event', () => {
    const e = deployed({ traefik: notFound });
    e.snapshot.services = [service('LoadBalancer', 1, 0)];
    const step = evaluateWalkthrough(e).steps[2]!;
    expect(step.status).toBe('current');
    expect(step.check.waiting).toBe(true);
    expect(step.check.problems[0]).toBe('LoadBalancer: 0 of 1 tasks running, 1 pending.');
    expect(step.check.problems).toContainEqual(
      expect.stringMatching(/Traefik's API was not found/),
    );
  });

  it('LoadBalancer running but Traefik unreachable is not done', () => {
    const e = deployed({
      traefik: {
        state: 'unreachable',
        source: notFound.source,
        url: 'http://x:8080',
        error: 'ECONNREFUSED',
        fetchedAt: T0,
      },
    });
    expect(evaluateWalkthrough(e).steps[2]?.check.problems).toEqual([
      "Traefik's API at http://x:8080 does not answer: ECONNREFUSED",
    ]);
  });

  it('Whoami is done only when Traefik lists as many servers as its desired count', () => {
    const three = deployed({ traefik: traefikOk(3) });
    const step = evaluateWalkthrough(three).steps[3]!;
    expect(step.status).toBe('current');
    expect(step.check.problems).toEqual(['Traefik lists 3 servers for whoami@ecs, not 4.']);
    const four = evaluateWalkthrough(deployed()).steps[3]!;
    expect(four.status).toBe('done');
    expect(four.check.facts).toContain("Traefik's whoami@ecs: 4 servers, 4 UP");
    // A desired count of 6 (from the form) wants 6 servers, not the scenario's 4.
    const six = deployed({ traefik: traefikOk(6) }, service('Whoami', 6));
    expect(evaluateWalkthrough(six).steps[3]?.status).toBe('done');
  });

  it('routing steps: not run, then done with N distinct hostnames for N requests', () => {
    expect(statuses(deployed())).toEqual([
      'done',
      'done',
      'done',
      'done',
      'current',
      'blocked',
      'blocked',
    ]);
    const host = probe('host', ['a', 'b', 'c', 'd']);
    const state = evaluateWalkthrough(deployed({ probes: { host, path: null } }));
    expect(state.currentIndex).toBe(5);
    expect(state.steps[5]?.check.summary).toBe('Not run yet');
  });

  it('a probe with a repeated hostname or a failed request says what went wrong', () => {
    const repeated = probe('host', ['a', 'b', 'a', 'b']);
    expect(
      evaluateWalkthrough(deployed({ probes: { host: repeated, path: null } })).steps[4]?.check
        .problems,
    ).toEqual(['Only 2 different Hostnames for 4 requests: round robin should give 4.']);
    const failed = probe('host', ['a', 'b', 'c', 'd']);
    failed.requests[2] = {
      index: 2,
      status: 404,
      hostname: null,
      latencyMs: 1,
      error: '404 page not found',
    };
    failed.allDiffer = false;
    expect(
      evaluateWalkthrough(deployed({ probes: { host: failed, path: null } })).steps[4]?.check
        .problems[0],
    ).toBe('Request 3 answered 404 (404 page not found).');
  });

  it('a probe of an older deployment is stale', () => {
    const host = probe('host', ['a', 'b', 'c', 'd']);
    const e = deployed(
      { traefik: traefikOk(6), probes: { host, path: null } },
      service('Whoami', 6),
    );
    const step = evaluateWalkthrough(e).steps[4]!;
    expect(step.status).toBe('current');
    expect(step.check.problems[0]).toMatch(/Whoami now wants 6: run it again/);
  });

  it('cleaned up after both tests passed: complete, every step done', () => {
    const probes = {
      host: probe('host', ['a', 'b', 'c', 'd']),
      path: probe('path', ['a', 'b', 'c', 'd']),
    };
    const e = deployed({ probes, traefik: notFound, apps: [] });
    e.snapshot.services = [];
    const state = evaluateWalkthrough(e);
    expect(state.complete).toBe(true);
    expect(state.currentIndex).toBeNull();
    expect(state.steps.every((s) => s.status === 'done')).toBe(true);
    expect(state.steps[2]?.check.summary).toBe(
      'Done earlier (tested at 10:05:00 UTC); cleaned up since',
    );
  });

  it('services still DRAINING keep clean-up waiting', () => {
    const probes = {
      host: probe('host', ['a', 'b', 'c', 'd']),
      path: probe('path', ['a', 'b', 'c', 'd']),
    };
    const e = deployed({ probes });
    e.snapshot.services = [{ ...service('Whoami', 0, 0), status: 'DRAINING' }];
    const state = evaluateWalkthrough(e);
    expect(state.complete).toBe(false);
    expect(state.steps[6]?.check).toMatchObject({ ok: false, waiting: true });
  });

  it('probes older than the instances (a reset lab) do not count as a finished walkthrough', () => {
    const probes = {
      host: probe('host', ['a', 'b', 'c', 'd'], { at: '2025-12-31T00:00:00.000Z' }),
      path: probe('path', ['a', 'b', 'c', 'd'], { at: '2025-12-31T00:00:00.000Z' }),
    };
    const state = evaluateWalkthrough(evidence({ probes }));
    expect(state.complete).toBe(false);
    expect(state.currentIndex).toBe(1);
  });
});
