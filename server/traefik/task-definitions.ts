// The container facts Traefik views need from task definitions (image, command, labels), cached per ARN: revisions never change.
import 'server-only';
import { DescribeTaskDefinitionCommand, type ECSClient } from '@aws-sdk/client-ecs';
import type { TaskDefinitionFacts } from '@/lib/traefik/traefik-task';

// Per client set, so two targets (or two test labs) never share entries.
const caches = new WeakMap<ECSClient, Map<string, Promise<TaskDefinitionFacts>>>();

async function describe(ecs: ECSClient, arn: string): Promise<TaskDefinitionFacts> {
  const { taskDefinition } = await ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition: arn }),
  );
  return {
    arn,
    networkMode: taskDefinition?.networkMode ?? null,
    containers: (taskDefinition?.containerDefinitions ?? []).map((c) => ({
      name: c.name ?? '',
      image: c.image ?? null,
      command: c.command ?? [],
      dockerLabels: c.dockerLabels ?? {},
    })),
  };
}

export function taskDefinitionFacts(ecs: ECSClient, arn: string): Promise<TaskDefinitionFacts> {
  let cache = caches.get(ecs);
  if (!cache) caches.set(ecs, (cache = new Map()));
  let entry = cache.get(arn);
  if (!entry) {
    entry = describe(ecs, arn);
    cache.set(arn, entry);
    entry.catch(() => cache.delete(arn));
  }
  return entry;
}

/** Facts for each distinct ARN; one that cannot be described is left out rather than failing the rest. */
export async function taskDefinitionFactsFor(
  ecs: ECSClient,
  arns: Iterable<string>,
): Promise<Map<string, TaskDefinitionFacts>> {
  const unique = [...new Set(arns)].filter(Boolean);
  const settled = await Promise.allSettled(unique.map((arn) => taskDefinitionFacts(ecs, arn)));
  const facts = new Map<string, TaskDefinitionFacts>();
  settled.forEach((result) => {
    if (result.status === 'fulfilled') facts.set(result.value.arn, result.value);
  });
  return facts;
}
