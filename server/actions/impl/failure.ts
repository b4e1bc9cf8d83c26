// Builds an action's failure result from an ECS/SDK error, naming the endpoint when ECS could not be reached.
import 'server-only';
import type { ActionError } from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { describeEcsError, type EcsErrorContext } from '@/server/ecs/errors';

async function ecsEndpoint(ctx: EcsContext): Promise<string> {
  const custom = ctx.ecs.config.endpoint;
  if (custom) {
    const { protocol, hostname, port, path } = await custom();
    return `${protocol}//${hostname}${port ? `:${port}` : ''}${path === '/' ? '' : path}`;
  }
  return `https://ecs.${ctx.region}.amazonaws.com`;
}

export async function ecsError(
  ctx: EcsContext,
  error: unknown,
  context: Omit<EcsErrorContext, 'endpoint' | 'cluster'> = {},
): Promise<ActionError> {
  return describeEcsError(error, {
    ...context,
    cluster: ctx.cluster,
    endpoint: await ecsEndpoint(ctx),
  });
}

export async function ecsFailure(
  ctx: EcsContext,
  error: unknown,
  context: Omit<EcsErrorContext, 'endpoint' | 'cluster'> = {},
): Promise<{ ok: false; error: ActionError }> {
  return { ok: false, error: await ecsError(ctx, error, context) };
}
