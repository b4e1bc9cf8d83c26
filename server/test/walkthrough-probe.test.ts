// The walkthrough against a real lab: step evaluation from live ECS/Traefik state, and the routing probe through real Traefik.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { labClients } from '@/lab/test/support/clients';
import { waitFor } from '@/lab/test/support/wait';
import { walkthroughEvidenceSchema } from '@/lib/walkthrough/schema';
import { evaluateWalkthrough, type WalkthroughState } from '@/lib/walkthrough/steps';
import { assignRoleWith } from '@/server/actions/impl/assign-role';
import { cleanUpWith } from '@/server/actions/impl/clean-up';
import { deployLoadBalancerWith } from '@/server/actions/impl/deploy-load-balancer';
import { deployWhoamiWith } from '@/server/actions/impl/deploy-whoami';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { loadWalkthroughEvidence } from '@/server/walkthrough/evidence';
import { probeRoutingWith } from '@/server/walkthrough/probe';

const PREFIX = '127.0.9.';
let lab: RunningLab;
let ctx: EcsContext;
// Discovery only: never a TRAEFIK_API_URL from the environment.
const NO_CONFIG = { traefikApiUrl: null };

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: PREFIX } });
  const { ecs, ssm } = labClients(lab.endpoint);
  ctx = { ecs, ssm, cluster: 'anywhere-lab', region: 'us-east-1', target: 'lab' };
});
afterAll(async () => lab?.stop());

async function state(): Promise<WalkthroughState> {
  invalidateSnapshot();
  // Through the schema, as the page receives it.
  return evaluateWalkthrough(
    walkthroughEvidenceSchema.parse(await loadWalkthroughEvidence(ctx, NO_CONFIG)),
  );
}

const waitForStep = (index: number | null, what: string) =>
  waitFor(what, state, (s) => s.currentIndex === index, { timeoutMs: 90_000, intervalMs: 500 });

describe('the walkthrough over the lab', () => {
  it('a fresh lab: 3 connected instances found, resumes at "Assign roles"', async () => {
    const s = await state();
    expect(s.steps[0]).toMatchObject({ status: 'done' });
    expect(s.steps[0]?.check.summary).toMatch(/^3 connected of 3 external instances/);
    expect(s.currentIndex).toBe(1);
    expect(s.steps[1]?.check.problems).toContain('No instance has role=webserver.');
    expect(s.steps[3]).toMatchObject({ status: 'blocked', blockedBy: { index: 1 } });
  });

  it('the probe refuses before Traefik runs, and rejects bad input', async () => {
    const none = await probeRoutingWith(ctx, { mode: 'host', count: 4 });
    expect(none).toMatchObject({ ok: false, error: { code: 'NoEntrypoint' } });
    const zero = await probeRoutingWith(ctx, { mode: 'host', count: 0 });
    expect(zero).toMatchObject({ ok: false, error: { code: 'InvalidInput', field: 'count' } });
    const tooMany = await probeRoutingWith(ctx, { mode: 'path', count: 21 });
    expect(tooMany).toMatchObject({ ok: false, error: { field: 'count' } });
    const badHost = await probeRoutingWith(ctx, { mode: 'host', host: 'evil.com:22/x', count: 1 });
    expect(badHost).toMatchObject({ ok: false, error: { field: 'host' } });
  });

  it('roles, LoadBalancer and Whoami deployed by the console actions: steps 1–3 done from real state', async () => {
    const s = await state();
    const instances = (await loadWalkthroughEvidence(ctx, NO_CONFIG)).snapshot.instances;
    const [lb, ...web] = instances.map((i) => i.arn);
    expect(await assignRoleWith(ctx, { instanceArns: [lb], value: 'loadbalancer' })).toMatchObject({
      ok: true,
    });
    expect(s.currentIndex).toBe(1);
    expect(await assignRoleWith(ctx, { instanceArns: web, value: 'webserver' })).toMatchObject({
      ok: true,
    });
    expect((await state()).currentIndex).toBe(2);
    expect(await deployLoadBalancerWith(ctx, {})).toMatchObject({ ok: true });
    await waitForStep(3, 'LoadBalancer steady and Traefik answering');
    expect(await deployWhoamiWith(ctx, { desiredCount: 4 })).toMatchObject({ ok: true });
    const deployed = await waitForStep(4, 'Whoami at 4/4 with 4 Traefik servers');
    expect(deployed.steps[3]?.check.facts).toContain("Traefik's whoami@ecs: 4 servers, 4 UP");
    expect(deployed.steps[4]?.check.summary).toBe('Not run yet');
  }, 200_000);

  it('host-based routing: 4 requests, 4 different containers, and the curl equivalent', async () => {
    const result = await probeRoutingWith(ctx, { mode: 'host', count: 4 });
    if (!result.ok) throw new Error(result.error.message);
    const { data } = result;
    expect(data.host).toBe('whoami.domain.com');
    expect(data.entrypoint.host.startsWith(PREFIX)).toBe(true);
    expect(data.requests.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(data.requests.every((r) => r.hostname && r.latencyMs >= 0)).toBe(true);
    expect(new Set(data.requests.map((r) => r.hostname)).size).toBe(4);
    expect(data).toMatchObject({ distinct: 4, allDiffer: true, count: 4 });
    expect(result.cli.split('\n')).toEqual(
      Array(4).fill(`curl -H 'Host: whoami.domain.com' http://${data.entrypoint.host}/`),
    );
    expect((await state()).currentIndex).toBe(5);
  });

  it('a host Traefik has no router for answers 404, and the step says so', async () => {
    const result = await probeRoutingWith(ctx, { mode: 'host', host: 'nobody.example', count: 2 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.requests.map((r) => r.status)).toEqual([404, 404]);
    expect(result.data.allDiffer).toBe(false);
    const s = await state();
    expect(s.currentIndex).toBe(4);
    expect(s.steps[4]?.check.problems[0]).toMatch(/^Request 1 answered 404/);
    // Put the good evidence back.
    expect(await probeRoutingWith(ctx, { mode: 'host', count: 4 })).toMatchObject({
      ok: true,
      data: { allDiffer: true },
    });
  });

  it('path-based routing: the path comes from the labels, 4 of 4 differ', async () => {
    const result = await probeRoutingWith(ctx, { mode: 'path', count: 4 });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.path).toBe('/whoami');
    expect(result.data).toMatchObject({ distinct: 4, allDiffer: true });
    expect(result.cli.split('\n')[0]).toBe(`curl http://${result.data.entrypoint.host}/whoami`);
    expect((await state()).currentIndex).toBe(6);
  });

  it('clean up: once the services are gone the walkthrough is complete', async () => {
    expect(await cleanUpWith(ctx, {})).toMatchObject({ ok: true });
    const done = await waitForStep(null, 'no scenario service left');
    expect(done.complete).toBe(true);
    expect(done.steps.every((step) => step.status === 'done')).toBe(true);
  }, 120_000);
});
