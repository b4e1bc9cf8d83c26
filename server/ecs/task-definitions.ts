// Task definition families with their active revisions (all ListTaskDefinitions pages) and one revision's JSON.
import 'server-only';
import {
  DescribeTaskDefinitionCommand,
  ListTaskDefinitionsCommand,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import type { TaskDefinitionFamilies } from '@/lib/schemas/task-definitions';

export async function listTaskDefinitionFamilies(ecs: ECSClient): Promise<TaskDefinitionFamilies> {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await ecs.send(
      new ListTaskDefinitionsCommand({ status: 'ACTIVE', nextToken, maxResults: 100 }),
    );
    arns.push(...(out.taskDefinitionArns ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  const families = new Map<string, { arn: string; revision: number }[]>();
  for (const arn of arns) {
    const [family = arn, revision = '0'] = (arn.split('task-definition/').pop() ?? arn).split(':');
    families.set(family, [...(families.get(family) ?? []), { arn, revision: Number(revision) }]);
  }
  return {
    families: [...families]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([family, revisions]) => ({
        family,
        revisions: revisions.sort((a, b) => b.revision - a.revision),
      })),
  };
}

export async function describeTaskDefinition(ecs: ECSClient, taskDefinition: string) {
  const out = await ecs.send(
    new DescribeTaskDefinitionCommand({ taskDefinition, include: ['TAGS'] }),
  );
  return {
    taskDefinition: JSON.parse(JSON.stringify(out.taskDefinition ?? {})) as Record<string, unknown>,
  };
}
