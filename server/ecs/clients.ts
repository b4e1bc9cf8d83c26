// The one place that builds AWS SDK clients: cached per target and region, lab credentials or the default chain.
import 'server-only';
import { ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
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

export function clientsFor(target: ConsoleTarget): AwsClients {
  const key =
    target.kind === 'lab' ? `lab|${target.endpoint}|${target.region}` : `aws|${target.region}`;
  let clients = cache.get(key);
  if (!clients) {
    const config =
      target.kind === 'lab'
        ? {
            endpoint: target.endpoint,
            region: target.region,
            credentials: {
              accessKeyId: target.accessKeyId,
              secretAccessKey: target.secretAccessKey,
            },
            ...awsRetryOptions,
          }
        : // No credentials given: the SDK's default chain (env, AWS_PROFILE, SSO, instance role).
          { region: target.region, ...awsRetryOptions };
    clients = {
      ecs: new ECSClient(config),
      ssm: new SSMClient(config),
      sts: new STSClient(config),
    };
    cache.set(key, clients);
  }
  return clients;
}
