// One cluster snapshot: all List pages, batched Describe calls overlapping them (never one per item), shared by concurrent viewers.
import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ListContainerInstancesCommand,
  ListServicesCommand,
  ListTasksCommand,
  type DesiredStatus,
} from '@aws-sdk/client-ecs';
import { DescribeInstanceInformationCommand } from '@aws-sdk/client-ssm';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { getEcsContext, type EcsContext } from '@/server/ecs/context';
import { toClusterView, toInstanceView, toServiceView, toTaskView } from '@/server/ecs/views';

const CACHE_MS = 1_000;

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function build(ctx: EcsContext): Promise<ClusterSnapshot> {
  const { ecs, ssm, cluster } = ctx;
  let apiCalls = 0;
  const count = <T>(call: Promise<T>) => {
    apiCalls += 1;
    return call;
  };
  type Page = (token?: string) => Promise<{ arns?: string[]; next?: string }>;
  /**
   * Reads every page of `lists` and describes new ARNs in full batches as pages arrive, so Describe
   * calls overlap the (inherently sequential) List pages; the remainder goes in one last batch.
   */
  async function listAndDescribe<T>(
    lists: Page[],
    batchSize: number,
    describe: (arns: string[]) => Promise<T[]>,
  ): Promise<T[]> {
    const seen = new Set<string>();
    const pending: string[] = [];
    const batches: Promise<T[]>[] = [];
    const send = (arns: string[]) => {
      const batch = count(describe(arns));
      batch.catch(() => undefined); // Awaited below; a failure must not go unhandled meanwhile.
      batches.push(batch);
    };
    await Promise.all(
      lists.map(async (page) => {
        let token: string | undefined;
        do {
          const out = await count(page(token));
          for (const arn of out.arns ?? []) {
            if (seen.has(arn)) continue;
            seen.add(arn);
            pending.push(arn);
          }
          while (pending.length >= batchSize) send(pending.splice(0, batchSize));
          token = out.next;
        } while (token);
      }),
    );
    if (pending.length > 0) send(pending);
    return (await Promise.all(batches)).flat();
  }
  const listTasks =
    (desiredStatus: DesiredStatus): Page =>
    (nextToken) =>
      ecs
        .send(new ListTasksCommand({ cluster, desiredStatus, nextToken, maxResults: 100 }))
        .then((o) => ({ arns: o.taskArns, next: o.nextToken }));

  const described = await count(ecs.send(new DescribeClustersCommand({ clusters: [cluster] })));
  const clusterView = toClusterView(cluster, described.clusters?.[0]);
  const empty = { instances: [], services: [], tasks: [] };
  const base = { target: ctx.target, region: ctx.region, cluster: clusterView };
  if (clusterView.status !== 'ACTIVE') {
    return { ...base, ...empty, fetchedAt: new Date().toISOString(), apiCalls };
  }

  const instancesPromise = listAndDescribe(
    [
      (nextToken) =>
        ecs
          .send(new ListContainerInstancesCommand({ cluster, nextToken, maxResults: 100 }))
          .then((o) => ({ arns: o.containerInstanceArns, next: o.nextToken })),
    ],
    100,
    (containerInstances) =>
      ecs
        .send(new DescribeContainerInstancesCommand({ cluster, containerInstances }))
        .then((o) => o.containerInstances ?? []),
  ).then(async (instances) => {
    const managed = instances
      .map((i) => i.ec2InstanceId)
      .filter((id): id is string => Boolean(id?.startsWith('mi-')));
    const ssmInfo = await describeManagedInstances(managed);
    return instances.map((i) => toInstanceView(i, ssmInfo.get(i.ec2InstanceId ?? '')));
  });

  // SSM knows each mi- instance's IP; a failure there (e.g. no ssm permission) leaves IPs blank.
  async function describeManagedInstances(ids: string[]) {
    const info = new Map<string, { ip: string | null; pingStatus: string | null }>();
    await Promise.all(
      chunks(ids, 50).map(async (batch) => {
        let NextToken: string | undefined;
        do {
          const out = await count(
            ssm.send(
              new DescribeInstanceInformationCommand({
                Filters: [{ Key: 'InstanceIds', Values: batch }],
                MaxResults: 50,
                NextToken,
              }),
            ),
          ).catch(() => undefined);
          for (const item of out?.InstanceInformationList ?? []) {
            if (item.InstanceId) {
              info.set(item.InstanceId, {
                ip: item.IPAddress ?? null,
                pingStatus: item.PingStatus ?? null,
              });
            }
          }
          NextToken = out?.NextToken;
        } while (NextToken);
      }),
    );
    return info;
  }

  const servicesPromise = listAndDescribe(
    [
      (nextToken) =>
        ecs
          .send(new ListServicesCommand({ cluster, nextToken, maxResults: 100 }))
          .then((o) => ({ arns: o.serviceArns, next: o.nextToken })),
    ],
    10,
    (services) =>
      ecs.send(new DescribeServicesCommand({ cluster, services })).then((o) => o.services ?? []),
  ).then((services) => services.map(toServiceView).sort((a, b) => a.name.localeCompare(b.name)));

  // A task that stops between the two listings appears in both: described once.
  const tasksPromise = listAndDescribe([listTasks('RUNNING'), listTasks('STOPPED')], 100, (tasks) =>
    ecs.send(new DescribeTasksCommand({ cluster, tasks })).then((o) => o.tasks ?? []),
  ).then((tasks) =>
    tasks.map(toTaskView).sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '')),
  );

  const [instances, services, tasks] = await Promise.all([
    instancesPromise,
    servicesPromise,
    tasksPromise,
  ]);
  instances.sort((a, b) => (a.ec2InstanceId ?? a.id).localeCompare(b.ec2InstanceId ?? b.id));
  return { ...base, instances, services, tasks, fetchedAt: new Date().toISOString(), apiCalls };
}

interface CacheEntry {
  promise: Promise<ClusterSnapshot>;
  settledAt: number | null;
}

// Process-wide (see clients.ts): route handlers, pages and actions must share one cache.
const globalKey = Symbol.for('anywhere-console.snapshot-cache');
const store = globalThis as Record<symbol, unknown>;
const cache = (store[globalKey] ??= new Map<string, CacheEntry>()) as Map<string, CacheEntry>;
// Two client sets for the same target (e.g. tests with their own clients) must not share entries.
// Random ids, because the cache outlives this module when it is loaded again (tests, dev reloads).
const clientIds = new WeakMap<object, string>();

function cacheKey(ctx: EcsContext): string {
  let id = clientIds.get(ctx.ecs);
  if (id === undefined) {
    id = randomUUID();
    clientIds.set(ctx.ecs, id);
  }
  return `${ctx.target}|${ctx.region}|${ctx.cluster}|${id}`;
}

/** The cluster's snapshot; viewers within ~1 s of each other share one set of API calls. */
export async function getClusterSnapshot(ctx?: EcsContext): Promise<ClusterSnapshot> {
  const context = ctx ?? (await getEcsContext());
  const key = cacheKey(context);
  const cached = cache.get(key);
  if (cached && (cached.settledAt === null || Date.now() - cached.settledAt < CACHE_MS)) {
    return cached.promise;
  }
  const entry: CacheEntry = { promise: build(context), settledAt: null };
  cache.set(key, entry);
  entry.promise.then(
    () => (entry.settledAt = Date.now()),
    () => {
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  return entry.promise;
}

/** After a mutation: the next read goes to ECS (an in-flight read still answers its own callers). */
export function invalidateSnapshot(): void {
  cache.clear();
}
