// Deploy Whoami: the web app's task definition (placement and Traefik labels), then its service.
import 'server-only';
import { deployWhoamiInput, type ActionResult, type DeployData } from '@/lib/schemas/actions';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';
import type { EcsContext } from '@/server/ecs/context';
import { deploy } from '@/server/actions/impl/deploy';
import { validated } from '@/server/actions/impl/validated';

export function deployWhoamiWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<DeployData>> {
  return validated(deployWhoamiInput, input, (params) =>
    deploy(ctx, params, whoamiTaskDefinition(params)),
  );
}
