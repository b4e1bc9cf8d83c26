// Real processes killed under load: a whoami task and Traefik itself during runs, and an instance agent stopped.
import { DescribeTasksCommand, ListTasksCommand, UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { labClients } from '@/lab/test/support/clients';
import { labAdmin, type LabProcess } from '@/lab/test/support/lab-admin';
import { deployScenario } from '@/lab/test/support/scenario';
import { waitFor } from '@/lab/test/support/wait';
import type { TrafficEntrypoint, TrafficUpdate } from '@/lib/schemas/traffic';
import { traefikViewSchema, type TraefikView } from '@/lib/schemas/traefik';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot, invalidateSnapshot } from '@/server/ecs/snapshot';
import { loadTraefikView } from '@/server/traefik/view';
import { discoverTraffic } from '@/server/traffic/discovery';
import { startEngine } from '@/server/traffic/engine';

const CLUSTER = 'anywhere-lab';
const figures: Record<string, unknown> = {};

let lab: RunningLab;
let ctx: EcsContext;
let admin: ReturnType<typeof labAdmin>;
let entrypoint: TrafficEntrypoint;

async function traefikView(): Promise<TraefikView> {
  invalidateSnapshot();
  return traefikViewSchema.parse(await loadTraefikView(ctx, { configuredUrl: null }));
}

/** The task ARNs behind Traefik's whoami@ecs servers, once Traefik serves `count` of them. */
function whoamiServers(view: TraefikView): (string | undefined)[] {
  if (view.state !== 'ok') return [];
  return view.reconciliation.servers
    .filter((s) => s.traefikService === 'whoami@ecs')
    .map((s) => s.task?.taskArn);
}

const traefikServes = (count: number, timeoutMs = 60_000) =>
  waitFor(
    `Traefik to serve ${count} whoami servers, each a running task`,
    traefikView,
    (view) => {
      const arns = whoamiServers(view);
      return arns.length === count && arns.every(Boolean);
    },
    { timeoutMs, intervalMs: 250 },
  );

async function processOf(container: string): Promise<LabProcess> {
  const found = (await admin.processes()).find((p) => p.container === container);
  if (!found) throw new Error(`no ${container} process`);
  return found;
}

/** A run at `rate` through the discovered entrypoint, every update kept. */
function startRun(rate: number, durationSeconds: number) {
  const updates: TrafficUpdate[] = [];
  const engine = startEngine({
    runId: `faults-${rate}`,
    entrypoint,
    target: { kind: 'host', host: 'whoami.domain.com' },
    rate,
    durationSeconds,
    concurrency: 64,
    onUpdate: (update) => updates.push(update),
  });
  const elapsed = () => updates.at(-1)?.elapsedMs ?? 0;
  return { engine, updates, elapsed };
}

/** From the run's updates (4 a second) after `sinceMs`: when errors began and stopped, to within one update (250 ms). */
function errorWindow(updates: TrafficUpdate[], sinceMs: number) {
  let first: number | null = null;
  let last = 0;
  const before = updates.filter((u) => u.elapsedMs <= sinceMs).at(-1);
  let previous = { errors: before?.totals.errors ?? 0, elapsedMs: before?.elapsedMs ?? 0 };
  for (const update of updates.filter((u) => u.elapsedMs > sinceMs)) {
    if (update.totals.errors > previous.errors) {
      first ??= previous.elapsedMs;
      last = update.elapsedMs;
    }
    previous = { errors: update.totals.errors, elapsedMs: update.elapsedMs };
  }
  const failed = (updates.at(-1)?.totals.errors ?? 0) - (before?.totals.errors ?? 0);
  return first === null ? null : { fromMs: first, toMs: last, windowMs: last - first, failed };
}

/** Runs `work` against a run, stopping the run however `work` ends. */
async function duringRun<T>(run: ReturnType<typeof startRun>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    run.engine.stop('stopped');
    await run.engine.ended;
  }
}

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.9.' } });
  const { ecs, ssm } = labClients(lab.endpoint);
  ctx = { ecs, ssm, cluster: CLUSTER, region: 'us-east-1', target: 'lab' };
  admin = labAdmin(lab.adminEndpoint);
  await deployScenario(ecs, CLUSTER);
  await traefikServes(4, 90_000);
  const discovery = await discoverTraffic(ctx);
  if (!discovery.entrypoint) throw new Error(`no entrypoint: ${discovery.problem}`);
  entrypoint = discovery.entrypoint;
}, 180_000);

afterAll(async () => {
  console.log(`faults-traffic figures: ${JSON.stringify(figures)}`);
  await lab?.stop();
});

describe('faults under load', () => {
  it('a whoami killed at 100 req/s: errors only in a short window, and its replacement joins Traefik', async () => {
    const run = startRun(100, 40);
    const { killedAtMs, settledAt, replaced, replacedInMs } = await duringRun(run, async () => {
      await waitFor(
        '3 s of traffic',
        async () => run.updates.at(-1),
        (u) => !!u && u.elapsedMs > 3_000 && u.totals.ok > 250,
      );
      const victim = await processOf('whoami');
      const killedAtMs = run.elapsed();
      const killedAt = performance.now();
      process.kill(victim.pid, 'SIGKILL');

      const replaced = await waitFor(
        'a replacement whoami task behind Traefik',
        traefikView,
        (view) => {
          const arns = whoamiServers(view);
          return arns.length === 4 && arns.every(Boolean) && !arns.includes(victim.taskArn);
        },
        { timeoutMs: 45_000, intervalMs: 100 },
      );
      const replacedInMs = Math.round(performance.now() - killedAt);
      // Traffic keeps flowing for 3 s more after the replacement, to show the errors have stopped.
      const settledAt = run.elapsed() + 3_000;
      await waitFor(
        '3 s more traffic',
        async () => run.elapsed(),
        (ms) => ms >= settledAt,
        {
          timeoutMs: 10_000,
        },
      );
      return { killedAtMs, settledAt, replaced, replacedInMs };
    });

    const totals = run.updates.at(-1)!.totals;
    const window = errorWindow(run.updates, killedAtMs);
    const errorKinds = Object.values(totals.errorsByKind).reduce((a, b) => a + b, 0);
    expect(errorKinds).toBe(totals.errors);
    if (window) {
      expect(window.fromMs).toBeGreaterThanOrEqual(killedAtMs - 250);
      expect(window.toMs).toBeLessThan(settledAt - 1_000);
    }
    expect(totals.ok).toBeGreaterThan(totals.sent * 0.9);
    expect(whoamiServers(replaced)).toHaveLength(4);
    figures.whoamiKilled = {
      rate: 100,
      sent: totals.sent,
      failed: window?.failed ?? 0,
      errorsByKind: totals.errorsByKind,
      errorWindowMs: window?.windowMs ?? 0,
      firstErrorAfterKillMs: window ? window.fromMs - killedAtMs : null,
      replacementInTraefikMs: replacedInMs,
    };
  }, 120_000);

  it('Traefik killed mid-run: the view degrades, the run counts connection errors, and both recover', async () => {
    const run = startRun(50, 60);
    const { killedAtMs, settledAt, degraded, viewRecoveredInMs } = await duringRun(
      run,
      async () => {
        await waitFor(
          '2 s of traffic',
          async () => run.updates.at(-1),
          (u) => !!u && u.elapsedMs > 2_000 && u.totals.ok > 80,
        );
        const victim = await processOf('traefik');
        const killedAtMs = run.elapsed();
        const killedAt = performance.now();
        process.kill(victim.pid, 'SIGKILL');

        const degraded = await waitFor(
          'the Traefik view to degrade',
          traefikView,
          (v) => v.state !== 'ok',
          {
            timeoutMs: 15_000,
            intervalMs: 100,
          },
        );
        expect(['unreachable', 'not-found']).toContain(degraded.state);
        const backInView = await traefikServes(4, 60_000);
        expect(backInView.state).toBe('ok');
        if (backInView.state === 'ok' && backInView.source.kind === 'discovered') {
          expect(backInView.source).not.toMatchObject({ taskArn: victim.taskArn });
        }
        const viewRecoveredInMs = Math.round(performance.now() - killedAt);
        await waitFor(
          'the run to get answers again',
          async () => run.updates.at(-1)!,
          (u) =>
            (u.timeline.at(-1)?.counts && Object.keys(u.timeline.at(-1)!.counts).length > 0) ===
              true && Object.keys(u.timeline.at(-1)!.errors).length === 0,
          { timeoutMs: 30_000, intervalMs: 250 },
        );
        const settledAt = run.elapsed() + 2_000;
        await waitFor(
          '2 s more traffic',
          async () => run.elapsed(),
          (ms) => ms >= settledAt,
          {
            timeoutMs: 10_000,
          },
        );
        return { killedAtMs, settledAt, degraded, viewRecoveredInMs };
      },
    );

    const totals = run.updates.at(-1)!.totals;
    const window = errorWindow(run.updates, killedAtMs)!;
    expect(window).not.toBeNull();
    const connectionErrors = ['ECONNREFUSED', 'ECONNRESET', 'timeout'].reduce(
      (sum, kind) => sum + (totals.errorsByKind[kind] ?? 0),
      0,
    );
    expect(connectionErrors).toBeGreaterThan(0);
    expect(window.fromMs).toBeGreaterThanOrEqual(killedAtMs - 250);
    expect(window.toMs).toBeLessThan(settledAt - 1_000);
    figures.traefikKilled = {
      rate: 50,
      sent: totals.sent,
      failed: window.failed,
      errorsByKind: totals.errorsByKind,
      outageWindowMs: window.windowMs,
      degradedViewState: degraded.state,
      viewRecoveredMs: viewRecoveredInMs,
    };
  }, 150_000);

  it('an instance agent stopped: the console shows it disconnected, and new tasks go elsewhere', async () => {
    const before = await getFreshSnapshot();
    const webservers = before.instances.filter((i) => i.role === 'webserver');
    expect(webservers.length).toBeGreaterThanOrEqual(2);
    const [stopped, ...others] = webservers;
    const { status } = await admin.call('POST', `/instances/${stopped!.ec2InstanceId}/stop`);
    expect(status).toBe(200);
    const disconnected = await waitFor(
      'the console to show the agent disconnected',
      getFreshSnapshot,
      (s) => s.instances.find((i) => i.arn === stopped!.arn)?.agentConnected === false,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    expect(disconnected.instances.find((i) => i.arn === stopped!.arn)?.pingStatus).toBe(
      'ConnectionLost',
    );

    const existing = new Set(
      (await ctx.ecs.send(new ListTasksCommand({ cluster: CLUSTER, serviceName: 'Whoami' })))
        .taskArns,
    );
    await ctx.ecs.send(
      new UpdateServiceCommand({ cluster: CLUSTER, service: 'Whoami', desiredCount: 6 }),
    );
    const placed = await waitFor(
      '2 new Whoami tasks placed',
      async () => {
        const { taskArns = [] } = await ctx.ecs.send(
          new ListTasksCommand({ cluster: CLUSTER, serviceName: 'Whoami' }),
        );
        const fresh = taskArns.filter((arn) => !existing.has(arn));
        if (fresh.length === 0) return [];
        return (
          (await ctx.ecs.send(new DescribeTasksCommand({ cluster: CLUSTER, tasks: fresh })))
            .tasks ?? []
        );
      },
      (tasks) => tasks.length >= 2,
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    for (const task of placed) {
      expect(task.containerInstanceArn).not.toBe(stopped!.arn);
      expect(others.map((i) => i.arn)).toContain(task.containerInstanceArn);
    }
    await admin.call('POST', `/instances/${stopped!.ec2InstanceId}/start`);
    figures.agentStopped = { newTasks: placed.length, onStoppedInstance: 0 };
  }, 90_000);
});

async function getFreshSnapshot() {
  invalidateSnapshot();
  return getClusterSnapshot(ctx);
}
