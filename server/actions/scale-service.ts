'use server';
// Server action: scaleService, for signed-in viewers, on the cluster they picked.
import type { ActionResult, ScaleServiceData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { scaleServiceWith } from '@/server/actions/impl/scale-service';

export async function scaleService(input: unknown): Promise<ActionResult<ScaleServiceData>> {
  return authorized((ctx) => scaleServiceWith(ctx, input));
}
