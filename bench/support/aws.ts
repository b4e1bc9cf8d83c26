// AWS SDK clients for benchmarks: given endpoint and keys, keep-alive sockets for the benchmark's concurrency, no retries.
import { Agent } from 'node:http';
import { ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';

export interface BenchClients {
  ecs: ECSClient;
  ssm: SSMClient;
}

/** ECS and SSM clients for `endpoint`; retries off so a failing call counts as a failure, not a slow call. */
export function benchClients(
  endpoint: string,
  { accessKeyId = 'lab', secretAccessKey = 'lab', region = 'us-east-1' } = {},
): BenchClients {
  const config = {
    endpoint,
    region,
    credentials: { accessKeyId, secretAccessKey },
    maxAttempts: 1,
    requestHandler: { httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) },
  };
  return { ecs: new ECSClient(config), ssm: new SSMClient(config) };
}
