'use server';
// Server action: cleanUp, for signed-in viewers, on the cluster they picked.
import type { ActionResult, CleanUpData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { cleanUpWith } from '@/server/actions/impl/clean-up';

export async function cleanUp(input: unknown): Promise<ActionResult<CleanUpData>> {
  return authorized((ctx) => cleanUpWith(ctx, input));
}
