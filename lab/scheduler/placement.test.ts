import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesCql } from '../cql/evaluate';
import { parseCql } from '../cql/parse';
import {
  chooseTasksToStop,
  placeTasks,
  type PlacementCandidate,
  type PlacementRequest,
} from './placement';
import { ephemeralPorts } from './ports';

function instance(
  id: string,
  overrides: Partial<Omit<PlacementCandidate, 'cql'>> & {
    attributes?: Record<string, string | null>;
    taskGroups?: string[];
    agentConnected?: boolean;
  } = {},
): PlacementCandidate {
  const { attributes = {}, taskGroups = [], agentConnected = true, ...rest } = overrides;
  return {
    arn: `arn:aws:ecs:us-east-1:000000000000:container-instance/lab/${id}`,
    id,
    cql: {
      attributes: { 'ecs.os-type': 'linux', ...attributes },
      agentConnected,
      ec2InstanceId: `mi-${id}`,
      registeredAt: 1_700_000_000,
      runningTasksCount: taskGroups.length,
      taskGroups,
    },
    status: 'ACTIVE',
    remainingCpu: 2048,
    remainingMemory: 4096,
    usedTcpPorts: new Set([22, 2375, 2376, 51678, 51679]),
    usedUdpPorts: new Set(),
    ...rest,
  };
}

function request(overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    count: 1,
    cpu: 0,
    memory: 128,
    ports: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    group: 'service:Whoami',
    constraints: [],
    strategy: [],
    ...overrides,
  };
}

const webserverOnly = [{ type: 'memberOf' as const, expression: 'attribute:role == webserver' }];
const scenario = () => [
  instance('lb', { attributes: { role: 'loadbalancer' } }),
  instance('web1', { attributes: { role: 'webserver' } }),
  instance('web2', { attributes: { role: 'webserver' } }),
];

function perInstance(placements: { instanceArn: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { instanceArn } of placements) {
    const id = instanceArn.split('/').at(-1) as string;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

describe('placeTasks', () => {
  it('spreads 4 tasks over the 2 webservers, 2 each, never on the load balancer', () => {
    const result = placeTasks(scenario(), request({ count: 4, constraints: webserverOnly }));
    expect(result.failure).toBeUndefined();
    expect(perInstance(result.placements)).toEqual({ web1: 2, web2: 2 });
  });

  it('counts tasks already running when spreading', () => {
    const cluster = [
      instance('a', { taskGroups: ['service:Whoami', 'service:Whoami', 'service:Other'] }),
      instance('b', { taskGroups: ['service:Other'] }),
      instance('c'),
    ];
    const result = placeTasks(cluster, request({ count: 4 }));
    // a holds 2 already, so b and c catch up with it.
    expect(perInstance(result.placements)).toEqual({ b: 2, c: 2 });
    const five = placeTasks(cluster, request({ count: 5 }));
    expect(perInstance(five.placements)).toEqual({ a: 1, b: 2, c: 2 });
  });

  it('spreads over an attribute before spreading over instances', () => {
    const cluster = [
      instance('a1', { attributes: { 'ecs.availability-zone': 'a' } }),
      instance('a2', { attributes: { 'ecs.availability-zone': 'a' } }),
      instance('a3', { attributes: { 'ecs.availability-zone': 'a' } }),
      instance('b1', { attributes: { 'ecs.availability-zone': 'b' } }),
    ];
    const result = placeTasks(
      cluster,
      request({
        count: 4,
        strategy: [
          { type: 'spread', field: 'attribute:ecs.availability-zone' },
          { type: 'spread', field: 'instanceId' },
        ],
      }),
    );
    expect(perInstance(result.placements)).toEqual({ a1: 1, a2: 1, b1: 2 });
  });

  it('puts at most one task of the group on an instance under distinctInstance', () => {
    const cluster = [
      instance('a', { taskGroups: ['service:Whoami'] }),
      instance('b'),
      instance('c'),
    ];
    const result = placeTasks(
      cluster,
      request({ count: 3, constraints: [{ type: 'distinctInstance' }] }),
    );
    expect(perInstance(result.placements)).toEqual({ b: 1, c: 1 });
    expect(result.failure?.reason).toBe(
      'The closest matching container-instance a encountered error "DistinctInstance placement constraint unsatisfied."',
    );
  });

  it('binpacks on memory: fills the instance with the least memory left first', () => {
    const cluster = [
      instance('roomy', { remainingMemory: 4096 }),
      instance('full', { remainingMemory: 300 }),
      instance('middle', { remainingMemory: 1024 }),
    ];
    const result = placeTasks(
      cluster,
      request({ count: 3, strategy: [{ type: 'binpack', field: 'memory' }] }),
    );
    // 300 takes 2 x 128, then 44 MiB is too little, so the next tightest is middle.
    expect(result.placements.map((p) => p.instanceArn.split('/').at(-1))).toEqual([
      'full',
      'full',
      'middle',
    ]);
  });

  it('binpacks on CPU', () => {
    const cluster = [instance('a', { remainingCpu: 1024 }), instance('b', { remainingCpu: 512 })];
    const result = placeTasks(
      cluster,
      request({ count: 1, cpu: 256, strategy: [{ type: 'binpack', field: 'cpu' }] }),
    );
    expect(perInstance(result.placements)).toEqual({ b: 1 });
  });

  it('draws from options.random for the random strategy', () => {
    const cluster = [instance('a'), instance('b'), instance('c')];
    const draws = [0.99, 0.0, 0.5];
    let next = 0;
    const random = () => draws[next++ % draws.length] as number;
    const result = placeTasks(cluster, request({ count: 3, strategy: [{ type: 'random' }] }), {
      random,
    });
    expect(result.placements.map((p) => p.instanceArn.split('/').at(-1))).toEqual(['c', 'a', 'b']);
    expect(next).toBe(3);
  });

  it('breaks ties by ARN without options.random, and randomly with it', () => {
    const cluster = [instance('b'), instance('a')];
    expect(perInstance(placeTasks(cluster, request()).placements)).toEqual({ a: 1 });
    expect(perInstance(placeTasks(cluster, request(), { random: () => 0.75 }).placements)).toEqual({
      b: 1,
    });
  });

  it('never puts two tasks with the same static host port on one instance', () => {
    const cluster = [instance('a'), instance('b', { usedTcpPorts: new Set([80]) })];
    const ports = [{ containerPort: 80, hostPort: 80, protocol: 'tcp' as const }];
    const result = placeTasks(cluster, request({ count: 2, ports }));
    expect(result.placements).toEqual([{ instanceArn: cluster[0]?.arn, hostPorts: [80] }]);
    expect(result.failure?.reason).toBe(
      'The closest matching container-instance a is already using a port required by your task.',
    );
  });

  it('keeps static ports per protocol', () => {
    const cluster = [instance('a', { usedTcpPorts: new Set([53]) })];
    const ports = [{ containerPort: 53, hostPort: 53, protocol: 'udp' as const }];
    expect(placeTasks(cluster, request({ ports })).placements).toHaveLength(1);
  });

  it('gives dynamic ports unique per instance, outside machine-wide ports and OS-taken ports', () => {
    const first = ephemeralPorts.first;
    const cluster = [
      instance('a', { usedTcpPorts: new Set([first]) }),
      instance('b', { usedTcpPorts: new Set([first + 1]) }),
    ];
    const ports = [
      { containerPort: 80, hostPort: 0, protocol: 'tcp' as const },
      { containerPort: 8080, hostPort: 0, protocol: 'tcp' as const },
    ];
    const result = placeTasks(cluster, request({ count: 4, ports }), {
      machineWideTcpPorts: new Set([first + 2]),
      isPortFree: (port) => port !== first + 3,
    });
    const all = result.placements.flatMap((p) => p.hostPorts);
    expect(new Set(all).size).toBe(8);
    for (const { instanceArn, hostPorts } of result.placements)
      for (const port of hostPorts) {
        expect(port).toBeGreaterThanOrEqual(first);
        expect(port).toBeLessThanOrEqual(ephemeralPorts.last);
        expect([first + 2, first + 3]).not.toContain(port);
        expect(port).not.toBe(instanceArn === cluster[0]?.arn ? first : first + 1);
      }
    expect(all).toContain(first + 1);
  });

  it('stops at capacity and names the closest instance that lacks memory', () => {
    const cluster = [
      instance('lb', { attributes: { role: 'loadbalancer' } }),
      instance('web1', { attributes: { role: 'webserver' }, remainingMemory: 256 }),
      instance('web2', { attributes: { role: 'webserver' }, remainingMemory: 128 }),
    ];
    const result = placeTasks(cluster, request({ count: 5, constraints: webserverOnly }));
    expect(perInstance(result.placements)).toEqual({ web1: 2, web2: 1 });
    expect(result.failure?.reason).toBe(
      'The closest matching container-instance web1 has insufficient memory available.',
    );
  });

  it('reports insufficient CPU', () => {
    const result = placeTasks([instance('a', { remainingCpu: 100 })], request({ cpu: 256 }));
    expect(result.failure?.reason).toBe(
      'The closest matching container-instance a has insufficient CPU units available.',
    );
  });

  it('reports the unsatisfied memberOf expression when no instance matches', () => {
    const cluster = [instance('a', { attributes: { role: 'loadbalancer' } })];
    const result = placeTasks(cluster, request({ count: 2, constraints: webserverOnly }));
    expect(result.placements).toEqual([]);
    expect(result.failure?.reason).toBe(
      'The closest matching container-instance a encountered error "MemberOf placement constraint unsatisfied." (attribute:role == webserver)',
    );
  });

  it('reports an empty cluster, counting only ACTIVE instances', () => {
    expect(placeTasks([], request()).failure?.reason).toBe(
      'No Container Instances were found in your cluster.',
    );
    expect(placeTasks([instance('a', { status: 'DRAINING' })], request()).failure?.reason).toBe(
      'No Container Instances were found in your cluster.',
    );
  });

  it('excludes instances whose agent is disconnected', () => {
    const cluster = [instance('a', { agentConnected: false }), instance('b')];
    expect(perInstance(placeTasks(cluster, request({ count: 2 })).placements)).toEqual({ b: 2 });
    expect(placeTasks([cluster[0] as PlacementCandidate], request()).failure?.reason).toBe(
      'The closest matching container-instance a encountered error "AGENT".',
    );
  });

  it('re-evaluates task:group constraints as tasks are placed in the same call', () => {
    const cluster = [instance('a'), instance('b'), instance('c')];
    const result = placeTasks(
      cluster,
      request({
        count: 3,
        constraints: [{ type: 'memberOf', expression: 'not(task:group == service:Whoami)' }],
        strategy: [{ type: 'binpack', field: 'memory' }],
      }),
    );
    expect(perInstance(result.placements)).toEqual({ a: 1, b: 1, c: 1 });
  });

  it('places nothing and reports nothing for a count of 0', () => {
    expect(placeTasks(scenario(), request({ count: 0 }))).toEqual({ placements: [] });
  });

  it('holds every rule for random clusters and requests', () => {
    const cluster = fc.array(
      fc.record({
        role: fc.constantFrom('webserver', 'loadbalancer', null),
        zone: fc.constantFrom('a', 'b'),
        cpu: fc.integer({ min: 0, max: 2048 }),
        memory: fc.integer({ min: 0, max: 2048 }),
        tcp: fc.uniqueArray(fc.constantFrom(80, 443, 8080, ephemeralPorts.first), { maxLength: 3 }),
        existing: fc.nat(3),
        connected: fc.boolean(),
        active: fc.boolean(),
      }),
      { maxLength: 8 },
    );
    const req = fc.record({
      count: fc.nat(12),
      cpu: fc.constantFrom(0, 128, 512),
      memory: fc.constantFrom(64, 128, 512),
      ports: fc.uniqueArray(
        fc.record({
          containerPort: fc.constant(80),
          hostPort: fc.constantFrom(0, 80, 8080, 9000),
          protocol: fc.constantFrom('tcp' as const, 'udp' as const),
        }),
        { maxLength: 3, selector: (p) => `${p.protocol}/${p.hostPort || Math.random()}` },
      ),
      group: fc.constant('service:Whoami'),
      constraints: fc.subarray([
        { type: 'memberOf' as const, expression: 'attribute:role == webserver' },
        { type: 'distinctInstance' as const },
        { type: 'memberOf' as const, expression: 'runningTasksCount < 4' },
      ]),
      strategy: fc.subarray([
        { type: 'spread' as const, field: 'attribute:zone' },
        { type: 'binpack' as const, field: 'memory' },
        { type: 'spread' as const, field: 'instanceId' },
      ]),
    });
    fc.assert(
      fc.property(cluster, req, (specs, placement) => {
        const candidates = specs.map((spec, i) =>
          instance(`i${i}`, {
            attributes: spec.role ? { role: spec.role, zone: spec.zone } : { zone: spec.zone },
            remainingCpu: spec.cpu,
            remainingMemory: spec.memory,
            usedTcpPorts: new Set(spec.tcp),
            taskGroups: Array<string>(spec.existing).fill('service:Whoami'),
            agentConnected: spec.connected,
            status: spec.active ? 'ACTIVE' : 'DRAINING',
          }),
        );
        const machineWideTcpPorts = new Set([ephemeralPorts.first + 1]);
        const result = placeTasks(candidates, placement, { machineWideTcpPorts });
        expect(result.placements.length <= placement.count).toBe(true);
        expect(result.failure === undefined).toBe(result.placements.length === placement.count);
        const dynamic = new Set<string>();
        for (const candidate of candidates) {
          const mine = result.placements.filter((p) => p.instanceArn === candidate.arn);
          if (mine.length === 0) continue;
          expect(candidate.status).toBe('ACTIVE');
          expect(candidate.cql.agentConnected).toBe(true);
          expect(mine.length * placement.cpu).toBeLessThanOrEqual(candidate.remainingCpu);
          expect(mine.length * placement.memory).toBeLessThanOrEqual(candidate.remainingMemory);
          const names = placement.constraints.map((c) => c.type);
          if (names.includes('distinctInstance')) {
            expect(candidate.cql.taskGroups).toHaveLength(0);
            expect(mine).toHaveLength(1);
          }
          for (const { expression } of placement.constraints) {
            if (!expression) continue;
            // The last task placed here saw every earlier one.
            const before = {
              ...candidate.cql,
              runningTasksCount: candidate.cql.runningTasksCount + mine.length - 1,
            };
            expect(matchesCql(parseCql(expression), before)).toBe(true);
          }
          const taken = new Set<string>();
          for (const p of candidate.usedTcpPorts) taken.add(`tcp/${p}`);
          for (const { hostPorts } of mine)
            hostPorts.forEach((port, i) => {
              const protocol = placement.ports[i]?.protocol as string;
              expect(taken.has(`${protocol}/${port}`)).toBe(false);
              taken.add(`${protocol}/${port}`);
              if (placement.ports[i]?.hostPort === 0) {
                if (protocol === 'tcp') expect(port).not.toBe(ephemeralPorts.first + 1);
                expect(dynamic.has(`${protocol}/${port}`)).toBe(false);
                dynamic.add(`${protocol}/${port}`);
              } else expect(port).toBe(placement.ports[i]?.hostPort);
            });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps counts within 1 of each other under spread when all instances are equal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.nat(40), (size, count) => {
        const cluster = Array.from({ length: size }, (_, i) => instance(`i${i}`));
        const result = placeTasks(cluster, request({ count, memory: 64 }));
        const counts = cluster.map(
          (c) => result.placements.filter((p) => p.instanceArn === c.arn).length,
        );
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(result.placements).toHaveLength(count);
      }),
    );
  });

  it('places 5,000 tasks over 500 instances quickly (printed, not asserted)', () => {
    const cluster = Array.from({ length: 500 }, (_, i) =>
      instance(`i${String(i).padStart(3, '0')}`, {
        attributes: { role: i % 5 === 0 ? 'loadbalancer' : 'webserver' },
        remainingMemory: 1_000_000,
      }),
    );
    const started = performance.now();
    const result = placeTasks(cluster, request({ count: 5000, constraints: webserverOnly }));
    const elapsed = performance.now() - started;
    console.log(
      `placed ${result.placements.length} tasks over 500 instances in ${elapsed.toFixed(0)} ms`,
    );
    expect(result.placements).toHaveLength(5000);
  });
});

describe('chooseTasksToStop', () => {
  const task = (taskArn: string, containerInstanceArn: string, startedAt?: number) => ({
    taskArn,
    containerInstanceArn,
    startedAt,
  });

  it('takes from the instance with the most tasks first, newest task first', () => {
    const tasks = [
      task('a1', 'A', 100),
      task('a2', 'A', 300),
      task('a3', 'A', 200),
      task('b1', 'B', 100),
      task('b2', 'B', 400),
    ];
    expect(chooseTasksToStop(tasks, 1)).toEqual(['a2']);
    // After a2: A has 2, B has 2; ties go to the first instance by ARN.
    expect(chooseTasksToStop(tasks, 3)).toEqual(['a2', 'a3', 'b2']);
  });

  it('leaves the rest evenly spread', () => {
    const tasks = [
      ...Array.from({ length: 5 }, (_, i) => task(`a${i}`, 'A', i)),
      task('b0', 'B', 0),
      ...Array.from({ length: 3 }, (_, i) => task(`c${i}`, 'C', i)),
    ];
    const stopped = new Set(chooseTasksToStop(tasks, 4));
    const left = tasks.filter((t) => !stopped.has(t.taskArn));
    const count = (arn: string) => left.filter((t) => t.containerInstanceArn === arn).length;
    expect([count('A'), count('B'), count('C')]).toEqual([2, 1, 2]);
  });

  it('stops tasks that have not started before running ones', () => {
    const tasks = [task('old', 'A', 1), task('pending', 'A'), task('new', 'A', 5)];
    expect(chooseTasksToStop(tasks, 2)).toEqual(['pending', 'new']);
  });

  it('stops tasks on disconnected, draining or unknown instances first', () => {
    const healthy = instance('h');
    const disconnected = instance('d', { agentConnected: false });
    const tasks = [
      task('h1', healthy.arn, 1),
      task('h2', healthy.arn, 2),
      task('h3', healthy.arn, 3),
      task('d1', disconnected.arn, 1),
      task('x1', 'arn:gone', 1),
    ];
    expect(chooseTasksToStop(tasks, 2, [healthy, disconnected]).toSorted()).toEqual(['d1', 'x1']);
  });

  it('never returns more tasks than exist', () => {
    expect(chooseTasksToStop([task('a', 'A')], 5)).toEqual(['a']);
  });
});
