// The Traefik view against the lab's real, ECS-discovered Traefik: discovery, 4 → 6 matched servers, a stopped task, Traefik down.
import { StopTaskCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { labClients } from '@/lab/test/support/clients';
import { waitFor } from '@/lab/test/support/wait';
import type { TraefikView } from '@/lib/schemas/traefik';
import { traefikViewSchema } from '@/lib/schemas/traefik';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { proxyTraefikRequest } from '@/server/traefik/proxy';
import { loadTraefikView } from '@/server/traefik/view';
import { deployScenario } from '@/lab/test/support/scenario';

const CLUSTER = 'anywhere-lab';
const PREFIX = '127.0.5.';

let lab: RunningLab;
let ctx: EcsContext;

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: PREFIX } });
  const { ecs, ssm } = labClients(lab.endpoint);
  ctx = { ecs, ssm, cluster: CLUSTER, region: 'us-east-1', target: 'lab' };
});
afterAll(async () => lab?.stop());

async function view(configuredUrl: string | null = null): Promise<TraefikView> {
  invalidateSnapshot();
  return traefikViewSchema.parse(await loadTraefikView(ctx, { configuredUrl }));
}

/** Whoami's running tasks all matched one to one with Traefik's whoami@ecs servers, and nothing flagged. */
function fullyMatched(v: TraefikView, count: number): boolean {
  if (v.state !== 'ok') return false;
  const servers = v.reconciliation.servers.filter((s) => s.traefikService === 'whoami@ecs');
  const tasks = v.reconciliation.tasks.filter((t) => t.serviceName === 'Whoami');
  return (
    servers.length === count &&
    tasks.length === count &&
    servers.every((s) => s.task !== null) &&
    tasks.every((t) => t.servers.length === 1) &&
    new Set(servers.map((s) => s.task?.taskArn)).size === count &&
    v.reconciliation.flags.length === 0
  );
}

const waitMatched = (count: number) =>
  waitFor(
    `${count} Whoami tasks matched to ${count} Traefik servers`,
    () => view(),
    (v) => fullyMatched(v, count),
    { timeoutMs: 60_000, intervalMs: 500 },
  );

let traefikUrl = '';

describe('the Traefik view over the lab', () => {
  it('reports that no Traefik runs before the LoadBalancer is deployed', async () => {
    const v = await view();
    expect(v).toMatchObject({ state: 'not-found', source: { kind: 'not-found' } });
    expect(v.source.kind === 'not-found' && v.source.reason).toMatch(/traefik image/);
  });

  it('discovers the LoadBalancer task, its instance IP and host port 8080, and matches 4 servers to 4 tasks', async () => {
    const { lbArn } = await deployScenario(ctx.ecs, CLUSTER);
    const v = await waitMatched(4);
    if (v.state !== 'ok') throw new Error('unreachable');
    expect(v.source).toMatchObject({
      kind: 'discovered',
      serviceName: 'LoadBalancer',
      containerInstanceArn: lbArn,
      hostPort: 8080,
      containerPort: 8080,
    });
    expect(v.source.kind === 'discovered' && v.source.ec2InstanceId).toMatch(/^mi-/);
    expect(v.url).toMatch(new RegExp(`^http://${PREFIX.replaceAll('.', '\\.')}\\d+:8080$`));
    traefikUrl = v.url;
    expect(v.version.Version).toMatch(/^v3\.6\./);
    expect(v.entrypoints.map((e) => e.name).sort()).toEqual(['traefik', 'web']);
    const routers = v.routers.filter((r) => r.provider === 'ecs');
    expect(routers.map((r) => r.name).sort()).toEqual(['whoami-host@ecs', 'whoami-path@ecs']);
    expect(routers.every((r) => r.status === 'enabled' && r.service === 'whoami')).toBe(true);
    const whoami = v.services.find((s) => s.name === 'whoami@ecs');
    expect(whoami?.usedBy?.sort()).toEqual(['whoami-host@ecs', 'whoami-path@ecs']);
    expect(v.reconciliation.refreshSeconds).toBe(2);
    // Each server's URL is its task's instance IP and host port.
    for (const server of v.reconciliation.servers.filter(
      (s) => s.traefikService === 'whoami@ecs',
    )) {
      const task = v.reconciliation.tasks.find((t) => t.taskArn === server.task?.taskArn);
      expect(task?.expectedUrls).toEqual([server.url]);
      expect(server.status).toBe('UP');
      expect(server.task?.ec2InstanceId).toMatch(/^mi-/);
    }
  });

  it('reads the discovered Traefik through the proxy, validated', async () => {
    const response = await proxyTraefikRequest(
      { method: 'GET', path: '/api/http/routers/whoami-host@ecs', search: '' },
      async () => ({ url: traefikUrl }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      name: 'whoami-host@ecs',
      rule: 'Host(`whoami.domain.com`)',
    });
    const missing = await proxyTraefikRequest(
      { method: 'GET', path: '/api/http/routers/nope@ecs', search: '' },
      async () => ({ url: traefikUrl }),
    );
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ message: 'router not found: nope@ecs' });
  });

  it('scales Whoami to 6: 6 servers matched to 6 tasks', async () => {
    await ctx.ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Whoami', desiredCount: 6 }),
    );
    await waitMatched(6);
  });

  it('a stopped task shows as a mismatch, then resolves', async () => {
    const before = await view();
    if (before.state !== 'ok') throw new Error('unreachable');
    const victim = before.reconciliation.tasks.find((t) => t.serviceName === 'Whoami')!;
    await ctx.ecs.send(
      new StopTaskCommand({ cluster: CLUSTER, task: victim.taskArn, reason: 'test' }),
    );
    // Traefik lags ECS by up to its refresh interval: its server outlives the task, or the replacement waits.
    const mismatch = await waitFor(
      'a mismatch between Traefik and ECS',
      () => view(),
      (v) => v.state === 'ok' && v.reconciliation.flags.length > 0,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    if (mismatch.state !== 'ok') throw new Error('unreachable');
    for (const flag of mismatch.reconciliation.flags) {
      if (flag.kind === 'server-without-task') {
        expect(flag.url).toBe(victim.expectedUrls[0]);
      } else {
        expect(flag.taskArn).not.toBe(victim.taskArn);
        expect(flag.serviceName).toBe('Whoami');
        expect(flag.forSeconds).toBeGreaterThanOrEqual(0);
      }
    }
    const after = await waitMatched(6);
    if (after.state !== 'ok') throw new Error('unreachable');
    expect(after.reconciliation.tasks.some((t) => t.taskArn === victim.taskArn)).toBe(false);
  });

  it('Traefik stopped: no Traefik found, and its old URL is unreachable, naming the URL and the error', async () => {
    await ctx.ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'LoadBalancer', desiredCount: 0 }),
    );
    const gone = await waitFor(
      'Traefik to be gone',
      () => view(),
      (v) => v.state === 'not-found',
      {
        timeoutMs: 45_000,
      },
    );
    expect(gone.source.kind === 'not-found' && gone.source.reason).toMatch(
      /Service LoadBalancer runs Traefik but has no running task \(desired 0/,
    );
    const unreachable = await waitFor(
      'the old Traefik URL to refuse connections',
      () => view(traefikUrl),
      (v) => v.state === 'unreachable',
      { timeoutMs: 20_000 },
    );
    expect(unreachable).toMatchObject({
      state: 'unreachable',
      url: traefikUrl,
      source: { kind: 'configured', url: traefikUrl },
    });
    expect(unreachable.state === 'unreachable' && unreachable.error).toMatch(/ECONNREFUSED/);
  });
});
