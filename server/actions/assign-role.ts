'use server';
// Server action: assignRole, for signed-in viewers, on the cluster they picked.
import type { ActionResult, AttributeChangeData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { assignRoleWith } from '@/server/actions/impl/assign-role';

export async function assignRole(input: unknown): Promise<ActionResult<AttributeChangeData>> {
  return authorized((ctx) => assignRoleWith(ctx, input));
}
