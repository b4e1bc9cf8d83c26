// The traffic engine and run registry over real HTTP: a counting server for the caps, then a lab with real Traefik and whoami.
import { ListTasksCommand, StopTaskCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trafficRunInput, type TrafficEnd, type TrafficUpdate } from '@/lib/schemas/traffic';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { labClients } from '@/lab/test/support/clients';
import { deployScenario } from '@/lab/test/support/scenario';
import { waitFor } from '@/lab/test/support/wait';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { discoverTraffic } from '@/server/traffic/discovery';
import { startEngine } from '@/server/traffic/engine';
import { startRun, stopRun, watchRun } from '@/server/traffic/runs';

const CLUSTER = 'anywhere-lab';

/** A stand-in entrypoint on 127.0.0.1 that answers like whoami, round robin over `ids`, and counts. */
async function fakeEntrypoint(ids: string[], delayMs = 0) {
  let received = 0;
  const server = http.createServer((request, response) => {
    const id = ids[received++ % ids.length]!;
    setTimeout(
      () => response.end(`Hostname: ${id}\nIP: 127.0.0.1\nGET ${request.url} HTTP/1.1\n`),
      delayMs,
    );
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function runEngine(options: Partial<Parameters<typeof startEngine>[0]> & { port: number }) {
  const updates: TrafficUpdate[] = [];
  const engine = startEngine({
    runId: 'test',
    entrypoint: { host: '127.0.0.1', port: options.port },
    target: { kind: 'host', host: 'whoami.domain.com' },
    rate: 50,
    durationSeconds: 2,
    concurrency: 8,
    onUpdate: (u) => updates.push(u),
    ...options,
  });
  return { engine, updates };
}

describe('the engine against a counting server', () => {
  it('clamps a rate of 10 000 req/s to 500', async () => {
    const fake = await fakeEntrypoint(['aaaaaaaaaaaa']);
    try {
      const started = performance.now();
      const { engine } = runEngine({
        port: fake.port,
        rate: 10_000,
        durationSeconds: 2,
        concurrency: 64,
      });
      const end = await engine.ended;
      const seconds = (performance.now() - started) / 1000;
      expect(end.reason).toBe('completed');
      expect(engine.latest().params.rate).toBe(500);
      // 500 a second, plus at most one catch-up burst (a tenth of a second's worth).
      expect(fake.received()).toBeLessThanOrEqual(Math.ceil(500 * seconds) + 50);
      expect(fake.received()).toBeGreaterThan(500 * 1.5);
    } finally {
      await fake.close();
    }
  });

  it('sends the Host header and path, splits by backend, and updates at most 4 times a second', async () => {
    const seen: string[] = [];
    const ids = ['0000000000a1', '0000000000b2'];
    let n = 0;
    const server = http.createServer((request, response) => {
      seen.push(`${request.headers.host} ${request.url}`);
      response.end(`Hostname: ${ids[n++ % 2]}\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const { engine, updates } = runEngine({
        port,
        rate: 40,
        durationSeconds: 2,
        target: { kind: 'path', path: '/whoami' },
      });
      await engine.ended;
      expect(new Set(seen)).toEqual(new Set([`127.0.0.1:${port} /whoami`]));
      const last = updates.at(-1)!;
      expect(last.totals.errors).toBe(0);
      expect(last.totals.ok).toBeGreaterThanOrEqual(75);
      expect(last.backends.map((b) => b.id)).toEqual(['0000000000a1', '0000000000b2']);
      for (const b of last.backends) expect(Math.abs(b.totalShare - 0.5)).toBeLessThan(0.02);
      expect(updates.length).toBeLessThanOrEqual(2 * 4 + 2);
      const hostRun = runEngine({ port, rate: 10, durationSeconds: 1 });
      await hostRun.engine.ended;
      expect(seen.at(-1)).toBe('whoami.domain.com /');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('counts requests beyond the concurrency bound as skipped, never more in flight', async () => {
    const fake = await fakeEntrypoint(['aaaaaaaaaaaa'], 1_000);
    try {
      const { engine, updates } = runEngine({
        port: fake.port,
        rate: 50,
        durationSeconds: 2,
        concurrency: 2,
      });
      await engine.ended;
      expect(Math.max(...updates.map((u) => u.totals.inFlight))).toBeLessThanOrEqual(2);
      expect(fake.received()).toBeLessThanOrEqual(6);
      expect(updates.at(-1)!.totals.skipped).toBeGreaterThan(80);
    } finally {
      await fake.close();
    }
  });

  it('counts connection errors by kind', async () => {
    const fake = await fakeEntrypoint(['aaaaaaaaaaaa']);
    await fake.close();
    const { engine, updates } = runEngine({ port: fake.port, rate: 20, durationSeconds: 1 });
    await engine.ended;
    const last = updates.at(-1)!;
    expect(last.totals.ok).toBe(0);
    expect(last.totals.errorsByKind.ECONNREFUSED).toBeGreaterThanOrEqual(15);
  });

  it('stops at once when told, with the reason', async () => {
    const fake = await fakeEntrypoint(['aaaaaaaaaaaa']);
    try {
      const { engine } = runEngine({ port: fake.port, durationSeconds: 60 });
      setTimeout(() => engine.stop('disconnected'), 300);
      const end = await engine.ended;
      expect(end).toEqual({
        reason: 'disconnected',
        message: 'Run ended: the browser disconnected.',
      });
      // A request written just before the stop may still reach the server: let it land, then count.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const after = fake.received();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(fake.received()).toBe(after);
    } finally {
      await fake.close();
    }
  });
});

describe('runs against a lab with Traefik and 4 whoami tasks', () => {
  let lab: RunningLab;
  let ctx: EcsContext;

  beforeAll(async () => {
    lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.7.' } });
    const { ecs, ssm } = labClients(lab.endpoint);
    ctx = { ecs, ssm, cluster: CLUSTER, region: 'us-east-1', target: 'lab' };
    await deployScenario(ecs, CLUSTER);
    await waitFor(
      'Traefik to route to 4 whoami containers',
      async () => {
        invalidateSnapshot();
        const { entrypoint } = await discoverTraffic(ctx);
        if (!entrypoint) return 0;
        const ids = new Set<string>();
        for (let i = 0; i < 8; i++) {
          const body = await get(entrypoint.host, entrypoint.port, 'whoami.domain.com');
          const id = /^Hostname: (\S+)/m.exec(body)?.[1];
          if (id) ids.add(id);
        }
        return ids.size;
      },
      (n) => n === 4,
      { timeoutMs: 90_000, intervalMs: 1_000 },
    );
  }, 180_000);
  afterAll(async () => lab?.stop());

  function get(host: string, port: number, hostHeader: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const request = http.get(
        { host, port, path: '/', headers: { host: hostHeader }, agent: false, timeout: 2000 },
        (response) => {
          let body = '';
          response.on('data', (c: Buffer) => (body += c.toString()));
          response.on('end', () => resolve(body));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', reject);
    });
  }

  /** Starts and watches a run for `key`, collecting its updates. */
  async function run(key: string, input: unknown) {
    const started = await startRun(key, trafficRunInput.parse(input), ctx);
    if (!started.ok) throw new Error(`${started.code}: ${started.message}`);
    const updates: TrafficUpdate[] = [];
    let resolveEnd: (end: TrafficEnd) => void = () => {};
    const ended = new Promise<TrafficEnd>((resolve) => (resolveEnd = resolve));
    const watched = watchRun(key, { update: (u) => updates.push(u), end: resolveEnd });
    if (!watched.ok) throw new Error(watched.message);
    return { started, updates, ended };
  }

  it('discovers the entrypoint on the LoadBalancer instance and both Whoami routers', async () => {
    const discovery = await discoverTraffic(ctx);
    expect(discovery.problem).toBeNull();
    expect(discovery.entrypoint).toMatchObject({
      port: 80,
      entrypoint: 'web',
      service: 'LoadBalancer',
    });
    expect(discovery.entrypoint!.host).toMatch(/^127\.0\.7\.\d+$/);
    expect(discovery.routes.map((r) => [r.router, r.target, r.service])).toEqual([
      ['whoami-host', { kind: 'host', host: 'whoami.domain.com' }, 'Whoami'],
      ['whoami-path', { kind: 'path', path: '/whoami' }, 'Whoami'],
    ]);
  });

  it('splits 50 req/s for 10 s evenly over 4 backends, joined to their tasks, with no errors', async () => {
    const { updates, ended } = await run('session-a', {
      target: { kind: 'host', host: 'whoami.domain.com' },
      rate: 50,
      durationSeconds: 10,
      concurrency: 16,
    });
    expect((await ended).reason).toBe('completed');
    const last = updates.at(-1)!;
    expect(last.totals.errors).toBe(0);
    expect(last.totals.skipped).toBe(0);
    expect(last.totals.ok).toBeGreaterThanOrEqual(480);
    expect(last.totals.ok).toBeLessThanOrEqual(510);
    expect(last.backends).toHaveLength(4);
    for (const backend of last.backends) {
      expect(backend.id).toMatch(/^[0-9a-f]{12}$/);
      expect(Math.abs(backend.totalShare - 0.25)).toBeLessThanOrEqual(0.05);
      expect(backend.task).toMatchObject({ service: 'Whoami', lastStatus: 'RUNNING' });
      expect(backend.instance?.ip).toMatch(/^127\.0\.7\.\d+$/);
      expect(backend.p99Ms).toBeGreaterThan(0);
    }
    expect(new Set(last.backends.map((b) => b.instance?.ip)).size).toBe(2);
  });

  it('refuses a second run for the same session, allows one for another', async () => {
    const params = trafficRunInput.parse({ target: { kind: 'path', path: '/whoami' } });
    const first = await startRun('session-b', params, ctx);
    expect(first.ok).toBe(true);
    const second = await startRun('session-b', params, ctx);
    expect(second).toMatchObject({ ok: false, status: 409, code: 'RunInProgress' });
    const other = await startRun('session-c', params, ctx);
    expect(other.ok).toBe(true);
    expect(stopRun('session-b')).toBe(true);
    expect(stopRun('session-c')).toBe(true);
    expect(stopRun('session-b')).toBe(false);
  });

  it("drops a stopped task's share to 0, marks the change, and counts any errors", async () => {
    const { updates, ended } = await run('session-d', {
      target: { kind: 'path', path: '/whoami' },
      rate: 50,
      durationSeconds: 30,
      concurrency: 16,
    });
    await waitFor(
      '4 active backends',
      async () => updates.at(-1),
      (u) => u?.backends.filter((b) => b.active).length === 4,
    );
    await waitFor(
      'backends joined',
      async () => updates.at(-1),
      (u) => !!u?.backends.every((b) => b.task),
    );
    const victim = updates.at(-1)!.backends[0]!;
    await ctx.ecs.send(
      new StopTaskCommand({ cluster: CLUSTER, task: victim.task!.arn, reason: 'traffic test' }),
    );
    const dropped = await waitFor(
      'the stopped backend to drop to 0',
      async () => updates.at(-1)!,
      (u) => {
        const b = u.backends.find((x) => x.id === victim.id);
        return b?.share === 0 && !b.active;
      },
      { timeoutMs: 20_000 },
    );
    expect(dropped.changes.some((c) => c.removed.includes(victim.id))).toBe(true);
    const others = dropped.backends.filter((b) => b.active);
    expect(others.length).toBeGreaterThanOrEqual(3);
    // Requests Traefik sent to the vanished server before its next refresh show as errors, if any.
    const errorTotal = Object.values(dropped.totals.errorsByKind).reduce((a, b) => a + b, 0);
    expect(dropped.totals.errors).toBe(errorTotal);
    stopRun('session-d');
    expect((await ended).reason).toBe('stopped');
    // The service replaces the task: leave 4 running for the next test.
    await ctx.ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Whoami', desiredCount: 4 }),
    );
  }, 90_000);

  it('shows 6 backends after scaling Whoami to 6 during a run', async () => {
    const { updates, ended } = await run('session-e', {
      target: { kind: 'host', host: 'whoami.domain.com' },
      rate: 60,
      durationSeconds: 60,
      concurrency: 16,
    });
    // The first seconds only establish the backend set; a change after that gets a marker.
    await waitFor(
      '4 active backends, established',
      async () => updates.at(-1),
      (u) => !!u && u.elapsedMs > 4_000 && u.backends.filter((b) => b.active).length === 4,
    );
    await ctx.ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Whoami', desiredCount: 6 }),
    );
    const six = await waitFor(
      '6 active backends',
      async () => updates.at(-1),
      (u) => u?.backends.filter((b) => b.active).length === 6,
      { timeoutMs: 45_000, intervalMs: 500 },
    );
    expect(six!.changes.some((c) => c.added.length > 0)).toBe(true);
    stopRun('session-e');
    await ended;
    const running = await ctx.ecs.send(
      new ListTasksCommand({ cluster: CLUSTER, serviceName: 'Whoami' }),
    );
    expect(running.taskArns?.length).toBe(6);
  }, 90_000);
});
