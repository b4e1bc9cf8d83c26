// Register instances: an SSM activation for the cluster's new hosts, the commands that use it, and its live count.
import 'server-only';
import {
  CreateActivationCommand,
  DescribeActivationsCommand,
  type Activation,
} from '@aws-sdk/client-ssm';
import {
  createActivationCli,
  describeActivationCli,
  installCommand,
  labInstanceAddCommand,
  verifiedInstallCommand,
} from '@/lib/cli/install-command';
import type { ActionResult } from '@/lib/schemas/actions';
import {
  activationStatusInput,
  registerInstancesInput,
  type ActivationStatus,
  type RegisterInstancesData,
} from '@/lib/schemas/activation';
import type { EcsContext } from '@/server/ecs/context';
import { ecsFailure } from '@/server/actions/impl/failure';
import { validated } from '@/server/actions/impl/validated';

// The lab CLI talks to the lab on 127.0.0.1 at LAB_PORT: the port the console's own clients use.
async function labPort(ctx: EcsContext): Promise<number | undefined> {
  const endpoint = await ctx.ssm.config.endpoint?.();
  if (!endpoint) return undefined;
  return endpoint.port ?? (endpoint.protocol === 'https:' ? 443 : 80);
}

function statusOf(activation: Activation): ActivationStatus {
  return {
    activationId: activation.ActivationId ?? '',
    iamRole: activation.IamRole ?? '',
    registrationsCount: activation.RegistrationsCount ?? 0,
    registrationLimit: activation.RegistrationLimit ?? 0,
    expirationDate: activation.ExpirationDate?.toISOString() ?? '',
    expired: activation.Expired ?? false,
  };
}

export function registerInstancesWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<RegisterInstancesData>> {
  return validated(registerInstancesInput, input, async (params) => {
    const expirationDate = new Date(Date.now() + params.expiresInHours * 3_600_000);
    const description = `ECS Anywhere instances for cluster ${ctx.cluster}`;
    const defaultInstanceName = params.defaultInstanceName || undefined;
    let created;
    try {
      created = await ctx.ssm.send(
        new CreateActivationCommand({
          IamRole: params.iamRole,
          RegistrationLimit: params.instanceCount,
          ExpirationDate: expirationDate,
          Description: description,
          DefaultInstanceName: defaultInstanceName,
        }),
      );
    } catch (error) {
      return ecsFailure(ctx, error);
    }
    const { ActivationId: activationId, ActivationCode: activationCode } = created;
    if (!activationId || !activationCode) {
      return {
        ok: false,
        error: {
          code: 'IncompleteResponse',
          message: 'SSM created the activation but did not return its ID and code. Retry.',
        },
      };
    }
    const install = { region: ctx.region, cluster: ctx.cluster, activationId, activationCode };
    return {
      ok: true,
      data: {
        activationId,
        activationCode,
        iamRole: params.iamRole,
        registrationsCount: 0,
        registrationLimit: params.instanceCount,
        expirationDate: expirationDate.toISOString(),
        expired: false,
        region: ctx.region,
        cluster: ctx.cluster,
        installCommand: installCommand(install),
        verifiedInstallCommand: verifiedInstallCommand(install),
        ...(ctx.target === 'lab' && {
          labCommand: labInstanceAddCommand({
            activationId,
            activationCode,
            labPort: await labPort(ctx),
          }),
        }),
      },
      cli: createActivationCli({
        iamRole: params.iamRole,
        registrationLimit: params.instanceCount,
        region: ctx.region,
        expirationDate: expirationDate.toISOString(),
        defaultInstanceName,
        description,
      }),
    };
  });
}

export function activationStatusWith(
  ctx: EcsContext,
  input: unknown,
): Promise<ActionResult<ActivationStatus>> {
  return validated(activationStatusInput, input, async ({ activationId }) => {
    let list;
    try {
      list = await ctx.ssm.send(
        new DescribeActivationsCommand({
          Filters: [{ FilterKey: 'ActivationIds', FilterValues: [activationId] }],
        }),
      );
    } catch (error) {
      return ecsFailure(ctx, error);
    }
    const activation = list.ActivationList?.find((a) => a.ActivationId === activationId);
    if (!activation) {
      return {
        ok: false,
        error: {
          code: 'ActivationNotFound',
          message: `Activation ${activationId} was not found; it may have been deleted.`,
          field: 'activationId',
        },
      };
    }
    return {
      ok: true,
      data: statusOf(activation),
      cli: describeActivationCli(activationId, ctx.region),
    };
  });
}
