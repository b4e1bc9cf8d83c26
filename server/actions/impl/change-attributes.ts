// Puts or deletes container-instance attributes in batches of 10, saying how far it got if a batch fails.
import 'server-only';
import { DeleteAttributesCommand, PutAttributesCommand } from '@aws-sdk/client-ecs';
import { deleteAttributesCli, putAttributesCli } from '@/lib/cli/ecs-commands';
import type { ActionResult, AttributeChangeData, AttributeChange } from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { chunks } from '@/server/ecs/snapshot';
import { ecsError } from '@/server/actions/impl/failure';

// ECS accepts at most 10 attributes in one PutAttributes call; DeleteAttributes is kept to the same.
const ATTRIBUTES_PER_CALL = 10;

export async function changeAttributes(
  ctx: EcsContext,
  kind: 'put' | 'delete',
  wanted: AttributeChange[],
): Promise<ActionResult<AttributeChangeData>> {
  const done: AttributeChange[] = [];
  const lines: string[] = [];
  try {
    for (const batch of chunks(wanted, ATTRIBUTES_PER_CALL)) {
      const attributes = batch.map((change) => ({
        ...change,
        targetType: 'container-instance' as const,
      }));
      await ctx.ecs.send(
        kind === 'put'
          ? new PutAttributesCommand({ cluster: ctx.cluster, attributes })
          : new DeleteAttributesCommand({ cluster: ctx.cluster, attributes }),
      );
      done.push(...batch);
      lines.push((kind === 'put' ? putAttributesCli : deleteAttributesCli)(ctx.cluster, batch));
    }
  } catch (error) {
    const described = await ecsError(ctx, error);
    const partial = done.length
      ? ` ${done.length} of ${wanted.length} instances were already changed before this failed.`
      : '';
    return { ok: false, error: { ...described, message: described.message + partial } };
  } finally {
    if (done.length) invalidateSnapshot();
  }
  return { ok: true, data: { attributes: done }, cli: lines.join('\n') };
}
