// The console's ECS context aimed at a lab (the lab's default keys, one attempt per call), for wire tests.
import { ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { EcsContext } from '@/server/ecs/context';

export function labContext(endpoint: string, cluster = 'anywhere-lab'): EcsContext {
  const config = {
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'lab', secretAccessKey: 'lab' },
    maxAttempts: 1,
  };
  return {
    ecs: new ECSClient(config),
    ssm: new SSMClient(config),
    cluster,
    region: 'us-east-1',
    target: 'lab',
  };
}
