// Registers a task definition unless the family's latest ACTIVE revision already equals it.
import 'server-only';
import {
  DescribeTaskDefinitionCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { registerTaskDefinitionCli } from '@/lib/cli/ecs-commands';
import { sameTaskDefinition } from '@/lib/templates/task-definition-equality';
import type { EcsContext } from '@/server/ecs/context';

export interface SyncedTaskDefinition {
  // family:revision, what services are pointed at.
  taskDefinition: string;
  arn: string;
  registered: boolean;
  cli: string;
}

async function latestRevision(ctx: EcsContext, family: string): Promise<TaskDefinition | null> {
  try {
    const out = await ctx.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }));
    return out.taskDefinition ?? null;
  } catch (error) {
    // ECS answers an unknown family (or one with no ACTIVE revision) with a ClientException.
    if (error instanceof Error && error.name === 'ClientException') return null;
    throw error;
  }
}

function revisionOf(definition: TaskDefinition): SyncedTaskDefinition {
  return {
    taskDefinition: `${definition.family}:${definition.revision}`,
    arn: definition.taskDefinitionArn ?? '',
    registered: false,
    cli: '',
  };
}

export async function syncTaskDefinition(
  ctx: EcsContext,
  wanted: RegisterTaskDefinitionCommandInput,
): Promise<SyncedTaskDefinition> {
  const latest = await latestRevision(ctx, wanted.family!);
  if (latest && sameTaskDefinition(wanted, latest)) {
    const synced = revisionOf(latest);
    return {
      ...synced,
      cli: `# ${synced.taskDefinition} already equals this task definition, so it is not registered again`,
    };
  }
  const out = await ctx.ecs.send(new RegisterTaskDefinitionCommand(wanted));
  if (!out.taskDefinition) throw new Error('RegisterTaskDefinition returned no task definition.');
  return {
    ...revisionOf(out.taskDefinition),
    registered: true,
    cli: registerTaskDefinitionCli(wanted),
  };
}
