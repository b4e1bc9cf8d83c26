// Stop task: StopTask with an optional reason; a service's scheduler then replaces the task.
import 'server-only';
import { StopTaskCommand } from '@aws-sdk/client-ecs';
import { stopTaskCli } from '@/lib/cli/ecs-commands';
import { stopTaskInput, type ActionResult, type StopTaskData } from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { ecsFailure } from '@/server/actions/impl/failure';
import { validated } from '@/server/actions/impl/validated';

export function stopTaskWith(ctx: EcsContext, input: unknown): Promise<ActionResult<StopTaskData>> {
  return validated(stopTaskInput, input, async ({ taskArn, reason }) => {
    try {
      const out = await ctx.ecs.send(
        new StopTaskCommand({ cluster: ctx.cluster, task: taskArn, ...(reason ? { reason } : {}) }),
      );
      invalidateSnapshot();
      return {
        ok: true,
        data: {
          taskArn: out.task?.taskArn ?? taskArn,
          lastStatus: out.task?.lastStatus ?? '',
          desiredStatus: out.task?.desiredStatus ?? 'STOPPED',
        },
        cli: stopTaskCli(ctx.cluster, taskArn, reason),
      };
    } catch (error) {
      return ecsFailure(ctx, error);
    }
  });
}
