// All container instances of the cluster, described in batches of 100 (the most DescribeContainerInstances takes).
import 'server-only';
import {
  DescribeContainerInstancesCommand,
  paginateListContainerInstances,
  type ContainerInstance,
} from '@aws-sdk/client-ecs';
import type { EcsContext } from '@/server/ecs/context';
import { chunks } from '@/server/ecs/snapshot';

export async function listInstanceArns(ctx: EcsContext): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListContainerInstances(
    { client: ctx.ecs },
    { cluster: ctx.cluster },
  )) {
    arns.push(...(page.containerInstanceArns ?? []));
  }
  return arns;
}

export async function describeAllInstances(ctx: EcsContext): Promise<ContainerInstance[]> {
  const instances: ContainerInstance[] = [];
  for (const batch of chunks(await listInstanceArns(ctx), 100)) {
    const out = await ctx.ecs.send(
      new DescribeContainerInstancesCommand({ cluster: ctx.cluster, containerInstances: batch }),
    );
    instances.push(...(out.containerInstances ?? []));
  }
  return instances;
}
