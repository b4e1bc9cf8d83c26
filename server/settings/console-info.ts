// What the Settings page shows: target, region, cluster, caller identity (never a secret) and the Traefik API URL.
import 'server-only';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { getConfig } from '@/server/config';
import { clientsFor } from '@/server/ecs/clients';
import type { EcsContext } from '@/server/ecs/context';

export interface ConsoleInfo {
  target: 'lab' | 'aws';
  region: string;
  cluster: string;
  endpoint: string | null;
  profile: string | null;
  identity: { account: string | null; arn: string | null; error: string | null };
  traefikApiUrl: string | null;
}

async function identity(ctx: EcsContext): Promise<ConsoleInfo['identity']> {
  const { target } = getConfig();
  try {
    if (target.kind === 'aws') {
      const out = await clientsFor(target).sts.send(new GetCallerIdentityCommand({}));
      return { account: out.Account ?? null, arn: out.Arn ?? null, error: null };
    }
    // The lab has no STS; its account is the one in its ARNs.
    const out = await ctx.ecs.send(new ListClustersCommand({ maxResults: 1 }));
    const account = out.clusterArns?.[0]?.split(':')[4] ?? null;
    return { account, arn: 'lab', error: null };
  } catch (error) {
    return {
      account: null,
      arn: null,
      error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

export async function getConsoleInfo(ctx: EcsContext): Promise<ConsoleInfo> {
  const { target, traefikApiUrl } = getConfig();
  return {
    target: target.kind,
    region: target.region,
    cluster: ctx.cluster,
    endpoint: target.kind === 'lab' ? target.endpoint : null,
    profile: target.kind === 'aws' ? target.profile : null,
    identity: await identity(ctx),
    traefikApiUrl,
  };
}
