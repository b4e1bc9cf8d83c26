// Clean up, in the scenario's order: scale to 0, delete services, deregister task definitions, then (confirmed) instances and the cluster.
import 'server-only';
import type { z } from 'zod';
import {
  DeleteClusterCommand,
  DeleteServiceCommand,
  DescribeServicesCommand,
  DeregisterContainerInstanceCommand,
  DeregisterTaskDefinitionCommand,
  paginateListServices,
  paginateListTaskDefinitions,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import {
  deleteClusterCli,
  deleteServiceCli,
  deregisterContainerInstanceCli,
  deregisterTaskDefinitionCli,
  updateServiceCli,
} from '@/lib/cli/ecs-commands';
import { shellQuote } from '@/lib/cli/shell-quote';
import { arnName, taskDefinitionName } from '@/lib/format/arn';
import {
  cleanUpInput,
  type ActionError,
  type ActionResult,
  type CleanUpData,
  type CleanUpStep,
} from '@/lib/schemas/actions';
import type { EcsContext } from '@/server/ecs/context';
import { chunks, invalidateSnapshot } from '@/server/ecs/snapshot';
import { ecsError } from '@/server/actions/impl/failure';
import { validated } from '@/server/actions/impl/validated';
import { listInstanceArns } from '@/server/actions/impl/list-instances';
import { findService } from '@/server/actions/impl/sync-service';

function confirmationMismatch(
  field: string,
  what: string,
  cluster: string,
): { ok: false; error: ActionError } {
  return {
    ok: false,
    error: {
      code: 'ConfirmationMismatch',
      message: `Type the cluster name "${cluster}" to confirm ${what}. Nothing was changed.`,
      field,
    },
  };
}

async function activeRevisions(ctx: EcsContext, family: string): Promise<string[]> {
  const revisions: string[] = [];
  for await (const page of paginateListTaskDefinitions(
    { client: ctx.ecs },
    { familyPrefix: family, status: 'ACTIVE' },
  )) {
    for (const arn of page.taskDefinitionArns ?? []) {
      const taskDefinition = taskDefinitionName(arn);
      // ListTaskDefinitions matches a family *prefix*: LoadBalancer would also list LoadBalancer2.
      if (taskDefinition.slice(0, taskDefinition.lastIndexOf(':')) === family) {
        revisions.push(taskDefinition);
      }
    }
  }
  return revisions;
}

const DRAIN_TIMEOUT_MS = 120_000;

async function drainingServices(ctx: EcsContext): Promise<string[]> {
  const arns: string[] = [];
  for await (const page of paginateListServices({ client: ctx.ecs }, { cluster: ctx.cluster })) {
    arns.push(...(page.serviceArns ?? []));
  }
  const draining: string[] = [];
  for (const batch of chunks(arns, 10)) {
    const { services } = await ctx.ecs.send(
      new DescribeServicesCommand({ cluster: ctx.cluster, services: batch }),
    );
    for (const service of services ?? []) {
      if (service.status === 'DRAINING' && service.serviceName) draining.push(service.serviceName);
    }
  }
  return draining;
}

async function waitUntilDrained(ctx: EcsContext): Promise<void> {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const draining = await drainingServices(ctx);
    if (draining.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `Service(s) ${draining.join(', ')} still draining after ${DRAIN_TIMEOUT_MS / 1000} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export function cleanUpWith(ctx: EcsContext, input: unknown): Promise<ActionResult<CleanUpData>> {
  return validated(cleanUpInput, input, (options) => runCleanUp(ctx, options));
}

async function runCleanUp(
  ctx: EcsContext,
  options: z.output<typeof cleanUpInput>,
): Promise<ActionResult<CleanUpData>> {
  const { cluster } = ctx;
  if (options.deregisterInstances && options.deregisterInstances.confirm !== cluster) {
    return confirmationMismatch(
      'deregisterInstances.confirm',
      'deregistering its instances',
      cluster,
    );
  }
  if (options.deleteCluster && options.deleteCluster.confirm !== cluster) {
    return confirmationMismatch('deleteCluster.confirm', 'deleting the cluster', cluster);
  }

  const steps: CleanUpStep[] = [];
  let current = '';
  let currentService: string | undefined;
  const run = async (label: string, cli: string, call: () => Promise<unknown>) => {
    current = label;
    await call();
    steps.push({ label, cli });
  };
  try {
    for (const service of options.services) {
      currentService = service;
      current = `Look up service ${service}`;
      const existing = await findService(ctx, service);
      if (!existing || existing.status !== 'ACTIVE') {
        const note = existing?.status === 'DRAINING' ? 'already deleted (draining)' : 'not found';
        steps.push({ label: `Delete service ${service}`, note });
        continue;
      }
      await run(
        `Scale ${service} to 0`,
        updateServiceCli({ cluster, service, desiredCount: 0 }),
        () => ctx.ecs.send(new UpdateServiceCommand({ cluster, service, desiredCount: 0 })),
      );
      await run(`Delete service ${service}`, deleteServiceCli(cluster, service), () =>
        ctx.ecs.send(new DeleteServiceCommand({ cluster, service })),
      );
    }
    currentService = undefined;
    if (options.deregisterTaskDefinitions) {
      for (const family of options.families) {
        current = `List revisions of ${family}`;
        const revisions = await activeRevisions(ctx, family);
        if (!revisions.length) {
          steps.push({ label: `Deregister ${family}`, note: 'no active revision' });
        }
        for (const taskDefinition of revisions) {
          await run(
            `Deregister ${taskDefinition}`,
            deregisterTaskDefinitionCli(taskDefinition),
            () => ctx.ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition })),
          );
        }
      }
    }
    if (options.deregisterInstances) {
      current = 'List instances';
      for (const arn of await listInstanceArns(ctx)) {
        await run(
          `Deregister instance ${arnName(arn)}`,
          deregisterContainerInstanceCli(cluster, arn),
          () =>
            ctx.ecs.send(
              new DeregisterContainerInstanceCommand({
                cluster,
                containerInstance: arn,
                force: true,
              }),
            ),
        );
      }
    }
    if (options.deleteCluster) {
      // ECS refuses DeleteCluster while deleted services are still DRAINING their tasks.
      current = 'Look for draining services';
      const draining = await drainingServices(ctx);
      if (draining.length > 0) {
        await run(
          'Wait for deleted services to become inactive',
          `aws ecs wait services-inactive --cluster ${shellQuote(cluster)} --services ${draining.map(shellQuote).join(' ')}`,
          () => waitUntilDrained(ctx),
        );
      }
      await run(`Delete cluster ${cluster}`, deleteClusterCli(cluster), () =>
        ctx.ecs.send(new DeleteClusterCommand({ cluster })),
      );
    }
  } catch (error) {
    const described = await ecsError(ctx, error, { service: currentService });
    const done = steps.filter((step) => step.cli).map((step) => step.label);
    const progress = done.length ? `Done before it: ${done.join('; ')}.` : 'Nothing was changed.';
    return {
      ok: false,
      error: {
        code: described.code,
        message: `Clean-up stopped at "${current}": ${described.message} ${progress}`,
      },
    };
  } finally {
    if (steps.some((step) => step.cli)) invalidateSnapshot();
  }
  const cli = steps
    .map((step) => step.cli)
    .filter(Boolean)
    .join('\n');
  return { ok: true, data: { steps }, cli };
}
