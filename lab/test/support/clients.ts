// AWS SDK clients aimed at a lab: the console's own clients, with only the endpoint overridden.
import { ECSClient } from '@aws-sdk/client-ecs';
import { SSMClient } from '@aws-sdk/client-ssm';

const credentials = { accessKeyId: 'lab', secretAccessKey: 'lab' };

export function labClients(endpoint: string, region = 'us-east-1') {
  return {
    ecs: new ECSClient({ endpoint, region, credentials }),
    ssm: new SSMClient({ endpoint, region, credentials }),
  };
}
