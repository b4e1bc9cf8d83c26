// Deploy LoadBalancer: Traefik's task definition from the template, then its service, created or updated.
import 'server-only';
import {
  deployLoadBalancerInput,
  refreshSecondsDefaults,
  type ActionResult,
  type DeployData,
} from '@/lib/schemas/actions';
import { loadBalancerTaskDefinition } from '@/lib/templates/load-balancer';
import type { EcsContext } from '@/server/ecs/context';
import { deploy } from '@/server/actions/impl/deploy';
import { validated } from '@/server/actions/impl/validated';

export function deployLoadBalancerWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<DeployData>> {
  return validated(deployLoadBalancerInput, input, (params) =>
    deploy(
      ctx,
      params,
      loadBalancerTaskDefinition({
        ...params,
        region: params.region || ctx.region,
        refreshSeconds: params.refreshSeconds ?? refreshSecondsDefaults[ctx.target],
      }),
    ),
  );
}
