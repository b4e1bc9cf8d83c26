// Assign role: PutAttributes name=value (target type container-instance) on one or several instances.
import 'server-only';
import {
  assignRoleInput,
  type ActionResult,
  type AttributeChangeData,
} from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { changeAttributes } from '@/server/actions/impl/change-attributes';
import { validated } from '@/server/actions/impl/validated';

export function assignRoleWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<AttributeChangeData>> {
  return validated(assignRoleInput, input, ({ instanceArns, name, value }) =>
    changeAttributes(
      ctx,
      'put',
      [...new Set(instanceArns)].map((targetId) => ({ name, value, targetId })),
    ),
  );
}
