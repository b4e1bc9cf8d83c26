// Scale: UpdateService with a new desired count.
import 'server-only';
import { UpdateServiceCommand } from '@aws-sdk/client-ecs';
import { updateServiceCli } from '@/lib/cli/ecs-commands';
import { scaleServiceInput, type ActionResult, type ScaleServiceData } from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { ecsFailure } from '@/server/actions/impl/failure';
import { validated } from '@/server/actions/impl/validated';

export function scaleServiceWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<ScaleServiceData>> {
  return validated(scaleServiceInput, input, async ({ service, desiredCount }) => {
    try {
      const out = await ctx.ecs.send(
        new UpdateServiceCommand({ cluster: ctx.cluster, service, desiredCount }),
      );
      invalidateSnapshot();
      return {
        ok: true,
        data: { serviceArn: out.service?.serviceArn ?? '', desiredCount },
        cli: updateServiceCli({ cluster: ctx.cluster, service, desiredCount }),
      };
    } catch (error) {
      return ecsFailure(ctx, error, { service });
    }
  });
}
