// The ECS context of a request: SDK clients for the target (with the viewer's region and profile on AWS) and cluster.
import 'server-only';
import { ListClustersCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { cookies } from 'next/headers';
import { getConfig, type ConsoleTarget } from '@/server/config';
import { clientsFor, targetKey } from '@/server/ecs/clients';
import {
  CLUSTER_COOKIE,
  clusterCookieValue,
  PROFILE_COOKIE,
  profileCookieValue,
  REGION_COOKIE,
  regionCookieValue,
} from '@/server/ecs/cluster-choice';
import { listAwsProfiles, profileRegion } from '@/server/settings/aws-profiles';

export interface EcsContext {
  ecs: ECSClient;
  ssm: SSMClient;
  cluster: string;
  region: string;
  target: 'lab' | 'aws';
}

// The first cluster of each account and region, looked up once (a failed lookup is tried again next time).
const firstClusters = new Map<string, Promise<string | null>>();

async function defaultCluster(ecs: ECSClient, key: string): Promise<string> {
  const configured = getConfig().defaultCluster;
  if (configured) return configured;
  let first = firstClusters.get(key);
  if (!first) {
    first = ecs
      .send(new ListClustersCommand({ maxResults: 1 }))
      .then((out) => out.clusterArns?.[0]?.split('/').pop() ?? null)
      .catch(() => {
        firstClusters.delete(key);
        return null;
      });
    firstClusters.set(key, first);
  }
  return (await first) ?? 'default';
}

/** The target this request uses: the configured one, with the viewer's region and profile on AWS. */
export async function requestTarget(): Promise<ConsoleTarget> {
  const { target } = getConfig();
  if (target.kind === 'lab') return target;
  const jar = await cookies();
  const wanted = profileCookieValue(jar.get(PROFILE_COOKIE)?.value);
  // Only a profile still in the shared files counts; a stale cookie falls back to the configured one.
  const listed = wanted && (await listAwsProfiles()).some((p) => p.name === wanted);
  const profile = listed ? wanted : target.profile;
  const region =
    regionCookieValue(jar.get(REGION_COOKIE)?.value) ??
    target.region ??
    (await profileRegion(profile));
  return { ...target, region, profile };
}

export async function getEcsContext(): Promise<EcsContext> {
  const target = await requestTarget();
  const { ecs, ssm } = clientsFor(target);
  const chosen = clusterCookieValue((await cookies()).get(CLUSTER_COOKIE)?.value);
  return {
    ecs,
    ssm,
    cluster: chosen ?? (await defaultCluster(ecs, targetKey(target))),
    region: target.region ?? '',
    target: target.kind,
  };
}
