// The one place that builds AWS SDK clients: cached per target, region and profile; lab keys, a profile or the default chain.
import 'server-only';
import { ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni } from '@aws-sdk/credential-providers';
import type { ConsoleTarget } from '@/server/config';
import { awsRetryOptions } from '@/server/ecs/retry';

export interface AwsClients {
  ecs: ECSClient;
  ssm: SSMClient;
  sts: STSClient;
}

// Route handlers and pages can load separate module instances; one process-wide cache keeps one client set.
const cache: Map<string, AwsClients> = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('anywhere-console.aws-clients')
] ??= new Map()) as Map<string, AwsClients>;

export function targetKey(target: ConsoleTarget): string {
  return target.kind === 'lab'
    ? `lab|${target.endpoint}|${target.region}|${target.accessKeyId}`
    : `aws|${target.region ?? ''}|${target.profile ?? ''}|${target.endpoint ?? ''}`;
}

function clientConfig(target: ConsoleTarget) {
  if (target.kind === 'lab') {
    return {
      endpoint: target.endpoint,
      region: target.region,
      credentials: { accessKeyId: target.accessKeyId, secretAccessKey: target.secretAccessKey },
      ...awsRetryOptions(),
    };
  }
  // A named profile (static keys, SSO, role) or, with none, the SDK's default chain (env, instance role).
  // No region leaves the SDK to resolve one, and it fails with "Region is missing" when it cannot.
  return {
    ...(target.region ? { region: target.region } : {}),
    ...(target.profile ? { credentials: fromIni({ profile: target.profile }) } : {}),
    ...awsRetryOptions(),
  };
}

export function clientsFor(target: ConsoleTarget): AwsClients {
  const key = targetKey(target);
  let clients = cache.get(key);
  if (!clients) {
    const config = clientConfig(target);
    clients = {
      ecs: new ECSClient(config),
      ssm: new SSMClient(config),
      sts: new STSClient(config),
    };
    cache.set(key, clients);
  }
  return clients;
}
