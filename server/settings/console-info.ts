// What the Settings page shows: target, region, profile, cluster, caller identity (never a secret) and the Traefik API URL.
import 'server-only';
import { ListClustersCommand } from '@aws-sdk/client-ecs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { getConfig, type ConsoleTarget } from '@/server/config';
import { clientsFor } from '@/server/ecs/clients';
import { requestTarget, type EcsContext } from '@/server/ecs/context';
import { describeEcsError } from '@/server/ecs/errors';
import { listAwsProfiles, type AwsProfile } from '@/server/settings/aws-profiles';

export interface ConsoleInfo {
  target: 'lab' | 'aws';
  region: string | null;
  cluster: string;
  endpoint: string | null;
  profile: string | null;
  /** AWS_PROFILE as configured at start (the choice an empty profile returns to). */
  configuredProfile: string | null;
  profiles: AwsProfile[];
  identity: { account: string | null; arn: string | null; error: string | null };
  traefikApiUrl: string | null;
}

async function callerIdentity(target: ConsoleTarget): Promise<ConsoleInfo['identity']> {
  try {
    const out = await clientsFor(target).sts.send(new GetCallerIdentityCommand({}));
    return { account: out.Account ?? null, arn: out.Arn ?? null, error: null };
  } catch (error) {
    return { account: null, arn: null, error: describeEcsError(error).message };
  }
}

// The lab has no STS, and STS may be unreachable where ECS is not: the account is also in every cluster ARN.
async function identity(target: ConsoleTarget, ctx: EcsContext): Promise<ConsoleInfo['identity']> {
  const caller =
    target.kind === 'aws'
      ? await callerIdentity(target)
      : { account: null, arn: 'lab', error: null };
  if (caller.account) return caller;
  try {
    const out = await ctx.ecs.send(new ListClustersCommand({ maxResults: 1 }));
    const account = out.clusterArns?.[0]?.split(':')[4] ?? null;
    // An endpoint override (the lab, a proxy) may serve ECS without STS; say so rather than show an XML error.
    const error =
      caller.error && account && target.kind === 'aws' && target.endpoint
        ? `STS did not answer at AWS_ENDPOINT_URL (${target.endpoint}); the account is read from the cluster ARNs.`
        : caller.error;
    return { ...caller, account, error };
  } catch (error) {
    return { ...caller, error: caller.error ?? describeEcsError(error).message };
  }
}

export async function getConsoleInfo(ctx: EcsContext): Promise<ConsoleInfo> {
  const { target: configured, traefikApiUrl } = getConfig();
  const target = await requestTarget();
  return {
    target: target.kind,
    region: target.region,
    cluster: ctx.cluster,
    endpoint: target.endpoint,
    profile: target.kind === 'aws' ? target.profile : null,
    configuredProfile: configured.kind === 'aws' ? configured.profile : null,
    profiles: target.kind === 'aws' ? await listAwsProfiles() : [],
    identity: await identity(target, ctx),
    traefikApiUrl,
  };
}
