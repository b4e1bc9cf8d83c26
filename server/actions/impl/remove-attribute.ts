// Remove attribute: DeleteAttributes of one attribute name on one or several instances.
import 'server-only';
import {
  removeAttributeInput,
  type ActionResult,
  type AttributeChangeData,
} from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { changeAttributes } from '@/server/actions/impl/change-attributes';
import { validated } from '@/server/actions/impl/validated';

export function removeAttributeWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<AttributeChangeData>> {
  return validated(removeAttributeInput, input, ({ instanceArns, name }) =>
    changeAttributes(
      ctx,
      'delete',
      [...new Set(instanceArns)].map((targetId) => ({ name, targetId })),
    ),
  );
}
