// The account's clusters for the switcher (every ListClusters page).
import 'server-only';
import { ListClustersCommand, type ECSClient } from '@aws-sdk/client-ecs';

export async function listClusterNames(ecs: ECSClient): Promise<string[]> {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await ecs.send(new ListClustersCommand({ nextToken, maxResults: 100 }));
    names.push(...(out.clusterArns ?? []).map((arn) => arn.split('/').pop() ?? arn));
    nextToken = out.nextToken;
  } while (nextToken);
  return names.sort();
}
