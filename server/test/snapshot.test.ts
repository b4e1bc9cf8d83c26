// The cluster snapshot against a real lab over the wire: its contents, its call count, and the shared in-flight read.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteAttributesCommand,
  ListContainerInstancesCommand,
  PutAttributesCommand,
  RegisterTaskDefinitionCommand,
  ECSClient,
} from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { MiddlewareStack } from '@smithy/types';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { clusterSnapshotSchema } from '@/lib/schemas/snapshot';
import type { EcsContext } from '@/server/ecs/context';
import { getClusterSnapshot, invalidateSnapshot } from '@/server/ecs/snapshot';

const credentials = { accessKeyId: 'lab', secretAccessKey: 'lab' };

function recordCalls<I extends object, O extends object>(
  stack: MiddlewareStack<I, O>,
  calls: string[],
) {
  stack.add(
    (next, context) => (args) => {
      calls.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'recordCalls' },
  );
}

/** Clients like the console's, plus a middleware that records every operation sent. */
function countingContext(cluster: string) {
  const calls: string[] = [];
  const endpoint = inject('labEndpoint');
  const ecs = new ECSClient({ endpoint, region: 'us-east-1', credentials });
  const ssm = new SSMClient({ endpoint, region: 'us-east-1', credentials });
  recordCalls(ecs.middlewareStack, calls);
  recordCalls(ssm.middlewareStack, calls);
  const ctx: EcsContext = { ecs, ssm, cluster, region: 'us-east-1', target: 'lab' };
  const byOperation = () =>
    calls.reduce<Record<string, number>>(
      (all, name) => ({ ...all, [name]: (all[name] ?? 0) + 1 }),
      {},
    );
  return { ctx, calls, byOperation };
}

afterEach(() => invalidateSnapshot());

describe('snapshot of the lab cluster', () => {
  it('has every instance with its mi- id, SSM IP, custom attributes and resources, in batched calls', async () => {
    const { ctx, calls, byOperation } = countingContext('anywhere-lab');
    const marker = `snap-${randomUUID().slice(0, 8)}`;
    const arns =
      (await ctx.ecs.send(new ListContainerInstancesCommand({ cluster: 'anywhere-lab' })))
        .containerInstanceArns ?? [];
    expect(arns.length).toBeGreaterThanOrEqual(3);
    const target = arns[0]!;
    await ctx.ecs.send(
      new PutAttributesCommand({
        cluster: 'anywhere-lab',
        attributes: [
          {
            name: 'snapshot-test',
            value: marker,
            targetType: 'container-instance',
            targetId: target,
          },
        ],
      }),
    );
    calls.length = 0;
    try {
      const snapshot = clusterSnapshotSchema.parse(await getClusterSnapshot(ctx));
      expect(snapshot.cluster).toMatchObject({ name: 'anywhere-lab', status: 'ACTIVE' });
      expect(snapshot.instances.map((i) => i.arn).sort()).toEqual([...arns].sort());
      for (const instance of snapshot.instances) {
        expect(instance.ec2InstanceId).toMatch(/^mi-/);
        expect(instance.ip).toMatch(/^127\.0\.0\.\d+$/);
        expect(instance.cpu.registered).toBeGreaterThan(0);
        expect(instance.memory.registered).toBeGreaterThan(0);
      }
      const marked = snapshot.instances.find((i) => i.arn === target);
      expect(marked?.attributes).toContainEqual({ name: 'snapshot-test', value: marker });

      const ops = byOperation();
      const n = snapshot.instances.length;
      const s = snapshot.services.length;
      const t = snapshot.tasks.length;
      expect(ops.DescribeContainerInstancesCommand).toBe(Math.ceil(n / 100));
      expect(ops.DescribeInstanceInformationCommand).toBe(Math.ceil(n / 50));
      expect(ops.DescribeServicesCommand ?? 0).toBe(Math.ceil(s / 10));
      expect(ops.DescribeTasksCommand ?? 0).toBe(Math.ceil(t / 100));
      expect(ops.ListContainerInstancesCommand).toBe(1);
      expect(ops.ListServicesCommand).toBe(1);
      expect(ops.ListTasksCommand).toBe(2); // desired RUNNING and desired STOPPED
      expect(snapshot.apiCalls).toBe(calls.length);
    } finally {
      await ctx.ecs.send(
        new DeleteAttributesCommand({
          cluster: 'anywhere-lab',
          attributes: [
            { name: 'snapshot-test', targetType: 'container-instance', targetId: target },
          ],
        }),
      );
    }
  });
});

describe('snapshot of a cluster with many services', () => {
  const cluster = `snapshot-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    const { ctx } = countingContext(cluster);
    await ctx.ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    await ctx.ecs.send(
      new RegisterTaskDefinitionCommand({
        family: `${cluster}-web`,
        requiresCompatibilities: ['EXTERNAL'],
        networkMode: 'bridge',
        containerDefinitions: [
          { name: 'web', image: 'traefik/whoami', memory: 32, essential: true },
        ],
      }),
    );
    for (let i = 0; i < 12; i++) {
      await ctx.ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: `svc-${String(i).padStart(2, '0')}`,
          taskDefinition: `${cluster}-web`,
          desiredCount: 0,
          launchType: 'EXTERNAL',
          placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == nowhere' }],
        }),
      );
    }
  });

  it('describes 12 services in two DescribeServices calls, with deployments and constraints', async () => {
    const { ctx, calls, byOperation } = countingContext(cluster);
    const snapshot = await getClusterSnapshot(ctx);
    expect(snapshot.services.map((s) => s.name)).toEqual(
      Array.from({ length: 12 }, (_, i) => `svc-${String(i).padStart(2, '0')}`),
    );
    const first = snapshot.services[0]!;
    expect(first.placementConstraints).toEqual([
      { type: 'memberOf', expression: 'attribute:role == nowhere' },
    ]);
    expect(first.deployments[0]).toMatchObject({ status: 'PRIMARY', desiredCount: 0 });
    expect(byOperation()).toEqual({
      DescribeClustersCommand: 1,
      ListContainerInstancesCommand: 1,
      ListServicesCommand: 1,
      ListTasksCommand: 2,
      DescribeServicesCommand: 2,
    });
    expect(snapshot.apiCalls).toBe(calls.length);
  });

  it('shares one in-flight snapshot between concurrent viewers, and re-reads after invalidation', async () => {
    const { ctx, calls } = countingContext(cluster);
    const [a, b, c] = await Promise.all([
      getClusterSnapshot(ctx),
      getClusterSnapshot(ctx),
      getClusterSnapshot(ctx),
    ]);
    const oneSnapshot = calls.length;
    expect(oneSnapshot).toBe(a.apiCalls);
    expect(b).toBe(a);
    expect(c).toBe(a);
    // Within the cache window a later viewer gets the same snapshot without calls.
    expect(await getClusterSnapshot(ctx)).toBe(a);
    expect(calls.length).toBe(oneSnapshot);

    invalidateSnapshot();
    const fresh = await getClusterSnapshot(ctx);
    expect(fresh).not.toBe(a);
    expect(calls.length).toBe(2 * oneSnapshot);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(await getClusterSnapshot(ctx)).not.toBe(fresh);
    expect(calls.length).toBe(3 * oneSnapshot);
  });
});

it('reports a cluster that does not exist as MISSING after one call', async () => {
  const { ctx, calls } = countingContext(`missing-${randomUUID().slice(0, 8)}`);
  const snapshot = await getClusterSnapshot(ctx);
  expect(snapshot.cluster.status).toBe('MISSING');
  expect(snapshot.instances).toEqual([]);
  expect(calls).toEqual(['DescribeClustersCommand']);
});
