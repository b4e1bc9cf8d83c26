'use server';
// Server action: stopTask, for signed-in viewers, on the cluster they picked.
import type { ActionResult, StopTaskData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { stopTaskWith } from '@/server/actions/impl/stop-task';

export async function stopTask(input: unknown): Promise<ActionResult<StopTaskData>> {
  return authorized((ctx) => stopTaskWith(ctx, input));
}
