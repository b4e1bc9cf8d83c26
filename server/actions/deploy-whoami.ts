'use server';
// Server action: deployWhoami, for signed-in viewers, on the cluster they picked.
import type { ActionResult, DeployData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { deployWhoamiWith } from '@/server/actions/impl/deploy-whoami';

export async function deployWhoami(input: unknown): Promise<ActionResult<DeployData>> {
  return authorized((ctx) => deployWhoamiWith(ctx, input));
}
