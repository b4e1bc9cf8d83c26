'use server';
// Server action: removeAttribute, for signed-in viewers, on the cluster they picked.
import type { ActionResult, AttributeChangeData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { removeAttributeWith } from '@/server/actions/impl/remove-attribute';

export async function removeAttribute(input: unknown): Promise<ActionResult<AttributeChangeData>> {
  return authorized((ctx) => removeAttributeWith(ctx, input));
}
