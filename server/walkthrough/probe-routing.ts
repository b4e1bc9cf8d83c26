'use server';
// Server action: probeRouting, for signed-in viewers, on the cluster they picked.
import type { ActionResult } from '@/lib/schemas/actions';
import type { ProbeResult } from '@/lib/walkthrough/schema';
import { authorized } from '@/server/actions/impl/authorized';
import { probeRoutingWith } from '@/server/walkthrough/probe';

export async function probeRouting(input: unknown): Promise<ActionResult<ProbeResult>> {
  return authorized((ctx) => probeRoutingWith(ctx, input));
}
