'use server';
// Server action: deployLoadBalancer, for signed-in viewers, on the cluster they picked.
import type { ActionResult, DeployData } from '@/lib/schemas/actions';
import { authorized } from '@/server/actions/impl/authorized';
import { deployLoadBalancerWith } from '@/server/actions/impl/deploy-load-balancer';

export async function deployLoadBalancer(input: unknown): Promise<ActionResult<DeployData>> {
  return authorized((ctx) => deployLoadBalancerWith(ctx, input));
}
