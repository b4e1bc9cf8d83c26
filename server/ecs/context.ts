// The ECS context of a request: SDK clients for the configured target and the cluster the viewer picked.
import 'server-only';
import { ListClustersCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { cookies } from 'next/headers';
import { getConfig } from '@/server/config';
import { clientsFor } from '@/server/ecs/clients';
import { clusterCookieValue, CLUSTER_COOKIE } from '@/server/ecs/cluster-choice';

export interface EcsContext {
  ecs: ECSClient;
  ssm: SSMClient;
  cluster: string;
  region: string;
  target: 'lab' | 'aws';
}

let firstAwsCluster: Promise<string | null> | undefined;

async function defaultCluster(ecs: ECSClient): Promise<string> {
  const configured = getConfig().defaultCluster;
  if (configured) return configured;
  firstAwsCluster ??= ecs
    .send(new ListClustersCommand({ maxResults: 1 }))
    .then((out) => out.clusterArns?.[0]?.split('/').pop() ?? null)
    .catch(() => {
      firstAwsCluster = undefined;
      return null;
    });
  return (await firstAwsCluster) ?? 'default';
}

export async function getEcsContext(): Promise<EcsContext> {
  const { target } = getConfig();
  const { ecs, ssm } = clientsFor(target);
  const chosen = clusterCookieValue((await cookies()).get(CLUSTER_COOKIE)?.value);
  return {
    ecs,
    ssm,
    cluster: chosen ?? (await defaultCluster(ecs)),
    region: target.region,
    target: target.kind,
  };
}
