// The deploy flow both deploy actions share: role check, task definition, then create-or-update the service.
import 'server-only';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import type { ActionResult, DeployData } from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { invalidateSnapshot } from '@/server/ecs/snapshot';
import { ecsError } from '@/server/actions/impl/failure';
import { missingRole } from '@/server/actions/impl/role-check';
import { syncService } from '@/server/actions/impl/sync-service';
import {
  syncTaskDefinition,
  type SyncedTaskDefinition,
} from '@/server/actions/impl/sync-task-definition';

// The parameters both deploy forms share.
export interface DeployTarget {
  serviceName: string;
  desiredCount: number;
  roleName: string;
  roleValue: string;
  force: boolean;
}

export async function deploy(
  ctx: EcsContext,
  plan: DeployTarget,
  taskDefinition: RegisterTaskDefinitionCommandInput,
): Promise<ActionResult<DeployData>> {
  let synced: SyncedTaskDefinition | undefined;
  let serviceChanged = false;
  try {
    if (!plan.force) {
      const missing = await missingRole(ctx, plan.roleName, plan.roleValue);
      if (missing) return { ok: false, error: missing };
    }
    synced = await syncTaskDefinition(ctx, taskDefinition);
    const service = await syncService(ctx, {
      service: plan.serviceName,
      taskDefinition: synced.taskDefinition,
      desiredCount: plan.desiredCount,
    });
    serviceChanged = true;
    return {
      ok: true,
      data: {
        taskDefinitionArn: synced.arn,
        taskDefinition: synced.taskDefinition,
        registered: synced.registered,
        serviceArn: service.serviceArn,
        serviceAction: service.action,
        desiredCount: plan.desiredCount,
      },
      cli: [synced.cli, service.cli].join('\n'),
    };
  } catch (error) {
    const described = await ecsError(ctx, error, { service: plan.serviceName });
    // Say what already happened: a registered revision stays registered.
    const before = synced?.registered
      ? ` ${synced.taskDefinition} was registered before this failed; the service was not changed.`
      : '';
    return { ok: false, error: { ...described, message: described.message + before } };
  } finally {
    if (synced?.registered || serviceChanged) invalidateSnapshot();
  }
}
