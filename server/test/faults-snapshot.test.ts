// The console's reads and actions while the lab throttles, fails, delays or drops ECS calls, with the console's own retry policy.
import { CreateClusterCommand, DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { labAdmin } from '@/lab/test/support/lab-admin';
import { createUnplaceableService } from '@/lab/test/support/unplaceable-service';
import { upstreamErrorSchema } from '@/lib/schemas/upstream-error';
import { scaleServiceWith } from '@/server/actions/impl/scale-service';
import type { EcsContext } from '@/server/ecs/context';
import { AWS_MAX_ATTEMPTS, awsRetryOptions, MAX_TOTAL_RETRY_WAIT_MS } from '@/server/ecs/retry';
import { getClusterSnapshot, invalidateSnapshot } from '@/server/ecs/snapshot';
import { upstreamError } from '@/server/http/responses';

const endpoint = inject('labEndpoint');
const admin = labAdmin(`${endpoint}/_lab`);
const CLUSTER = `faults-${randomUUID().slice(0, 8)}`;
const SERVICE = 'Unplaceable';
const figures: Record<string, unknown> = {};

/** Clients exactly as the console builds them: a fresh retry quota each, like a fresh console. */
function consoleContext(): EcsContext {
  const config = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'lab', secretAccessKey: 'lab' },
  };
  return {
    ecs: new ECSClient({ ...config, ...awsRetryOptions() }),
    ssm: new SSMClient({ ...config, ...awsRetryOptions() }),
    cluster: CLUSTER,
    region: 'us-east-1',
    target: 'lab',
  };
}

async function setFaults(rules: unknown[]) {
  const { status, body } = await admin.call('PUT', '/faults', { rules });
  expect(status, JSON.stringify(body)).toBe(200);
}

async function injected(): Promise<number[]> {
  const { body } = await admin.call<{ rules: { injected: number }[] }>('GET', '/faults');
  return body.rules.map((r) => r.injected);
}

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ ms: number; value?: T; error?: unknown }> {
  const started = performance.now();
  try {
    const value = await work();
    return { ms: Math.round(performance.now() - started), value };
  } catch (error) {
    return { ms: Math.round(performance.now() - started), error };
  }
}

async function freshSnapshot(ctx: EcsContext) {
  invalidateSnapshot();
  return getClusterSnapshot(ctx);
}

beforeAll(async () => {
  const { ecs } = consoleContext();
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  await createUnplaceableService(ecs, CLUSTER, SERVICE, 0);
});

afterEach(async () => {
  await admin.call('DELETE', '/faults');
  invalidateSnapshot();
});

afterAll(() => {
  console.log(`faults-snapshot figures: ${JSON.stringify(figures)}`);
});

describe('the console under ECS faults', () => {
  it('hides a 30% throttle share: every snapshot succeeds', async () => {
    await setFaults([{ kind: 'throttle', share: 0.3 }]);
    const ctx = consoleContext();
    const durations: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const run = await timed(() => freshSnapshot(ctx));
      expect(run.error).toBeUndefined();
      expect(run.value!.cluster.name).toBe(CLUSTER);
      durations.push(run.ms);
    }
    const [throttled] = await injected();
    expect(throttled).toBeGreaterThan(0);
    durations.sort((a, b) => a - b);
    figures.throttle30 = {
      snapshots: durations.length,
      throttledCalls: throttled,
      medianMs: durations[Math.floor(durations.length / 2)],
      maxMs: durations.at(-1),
    };
  });

  it('fails within a bounded time under 100% errors, with a typed error, and recovers when they stop', async () => {
    const ctx = consoleContext();
    const good = await freshSnapshot(ctx);
    await setFaults([{ kind: 'error', share: 1 }]);
    const failed = await timed(() => freshSnapshot(ctx));
    expect(failed.error).toBeDefined();
    // Every attempt was made, and the waits between them stayed within the policy's bound.
    expect(failed.ms).toBeLessThan(MAX_TOTAL_RETRY_WAIT_MS + 2_000);
    const response = upstreamError(failed.error, good.fetchedAt);
    expect(response.status).toBe(503);
    const body = upstreamErrorSchema.parse(await response.json());
    expect(body).toMatchObject({
      code: 'ServerException',
      kind: 'failing',
      retryable: true,
      attempts: AWS_MAX_ATTEMPTS,
      lastSuccessAt: good.fetchedAt,
    });
    expect(body.message).toContain('internal error 7 times');
    figures.error100 = { failedAfterMs: failed.ms, attempts: body.attempts };

    await admin.call('DELETE', '/faults');
    const recovered = await timed(() => freshSnapshot(ctx));
    expect(recovered.error).toBeUndefined();
    expect(Date.parse(recovered.value!.fetchedAt)).toBeGreaterThan(Date.parse(good.fetchedAt));
    figures.recoveryMs = recovered.ms;
  });

  it('answers within the request timeout when every call takes 2 s', async () => {
    await setFaults([{ kind: 'delay', share: 1, delayMs: 2_000 }]);
    const run = await timed(() => freshSnapshot(consoleContext()));
    expect(run.error).toBeUndefined();
    // The snapshot's calls run in dependent rounds; each round costs one delay.
    expect(run.ms).toBeGreaterThanOrEqual(4_000);
    figures.delay2s = { snapshotMs: run.ms };
  });

  it('says ECS is unreachable when the connection drops', async () => {
    await setFaults([{ kind: 'unreachable', share: 1 }]);
    const run = await timed(() => freshSnapshot(consoleContext()));
    const body = upstreamErrorSchema.parse(await upstreamError(run.error).json());
    expect(body).toMatchObject({
      code: 'NetworkError',
      kind: 'unreachable',
      retryable: true,
      lastSuccessAt: null,
    });
    expect(body.message).toMatch(/ECS could not be reached at .*ECONNRESET/);
    figures.unreachable = { failedAfterMs: run.ms };
  });

  it('a scale under 50% 500s completes or says it failed, and the lab holds what the result says', async () => {
    await setFaults([{ kind: 'error', share: 0.5, operations: ['ecs:UpdateService'] }]);
    const outcomes: string[] = [];
    for (let i = 1; i <= 12; i += 1) {
      const ctx = consoleContext();
      const before = (
        await ctx.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }))
      ).services![0]!.desiredCount;
      const result = await scaleServiceWith(ctx, { service: SERVICE, desiredCount: i });
      const after = (
        await ctx.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }))
      ).services![0]!.desiredCount;
      if (result.ok) {
        expect(after).toBe(i);
        outcomes.push('ok');
      } else {
        expect(result.error.code).toBe('ServerException');
        expect(result.error.message).toContain('may or may not have been applied');
        // The lab rejects a faulted call before acting, so nothing changed.
        expect(after).toBe(before);
        outcomes.push('failed');
      }
    }

    await setFaults([{ kind: 'throttle', share: 1, operations: ['ecs:UpdateService'] }]);
    const ctx = consoleContext();
    const describeService = async () =>
      (await ctx.ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] })))
        .services![0]!.desiredCount;
    const beforeThrottle = await describeService();
    const throttled = await scaleServiceWith(ctx, { service: SERVICE, desiredCount: 99 });
    expect(throttled).toMatchObject({
      ok: false,
      error: {
        code: 'ThrottlingException',
        message: expect.stringContaining('throttled this request 7 times; nothing was changed'),
      },
    });
    expect(await describeService()).toBe(beforeThrottle);
    figures.scaleUnder50pct500 = {
      completed: outcomes.filter((o) => o === 'ok').length,
      failedWithMessage: outcomes.filter((o) => o === 'failed').length,
      injected: (await injected())[0],
    };
  });
});
