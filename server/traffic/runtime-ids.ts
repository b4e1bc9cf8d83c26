// Containers' runtime ids (the snapshot leaves them out): whoami's hostname is the first 12 characters of one.
import 'server-only';
import { DescribeTasksCommand } from '@aws-sdk/client-ecs';
import { chunks } from '@/server/ecs/snapshot';
import type { EcsContext } from '@/server/ecs/context';

// Runtime ids never change for a task: the cache only grows with the cluster (and is cleared if it gets large).
const runtimeIdCache = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('anywhere-console.traffic.runtime-ids')
] ??= new Map<string, string[]>()) as Map<string, string[]>;
const CACHE_LIMIT = 5_000;

/** Learns the runtimeIds of tasks not seen before: one DescribeTasks per 100 of them. */
export async function learnRuntimeIds(ctx: EcsContext, taskArns: readonly string[]): Promise<void> {
  const missing = taskArns.filter((arn) => !runtimeIdCache.has(arn));
  await Promise.all(
    chunks(missing, 100).map(async (tasks) => {
      const out = await ctx.ecs.send(new DescribeTasksCommand({ cluster: ctx.cluster, tasks }));
      for (const task of out.tasks ?? []) {
        const ids = (task.containers ?? []).flatMap((c) => (c.runtimeId ? [c.runtimeId] : []));
        // A PENDING task has no runtime ids yet: ask again next time.
        if (task.taskArn && ids.length > 0) {
          if (runtimeIdCache.size >= CACHE_LIMIT) runtimeIdCache.clear();
          runtimeIdCache.set(task.taskArn, ids);
        }
      }
    }),
  );
}

/** runtimeIds of each task's containers, by task ARN, for the tasks already learnt. */
export function knownRuntimeIds(taskArns: readonly string[]): Map<string, string[]> {
  return new Map(
    taskArns.flatMap((arn) => {
      const ids = runtimeIdCache.get(arn);
      return ids ? [[arn, ids] as const] : [];
    }),
  );
}
