// Creates a service, or updates it when it already exists, so deploying twice never duplicates it.
import 'server-only';
import {
  CreateServiceCommand,
  DescribeServicesCommand,
  UpdateServiceCommand,
  type Service,
} from '@aws-sdk/client-ecs';
import { createServiceCli, updateServiceCli } from '@/lib/cli/ecs-commands';
import type { EcsContext } from '@/server/ecs/context';

export interface ServiceSpec {
  service: string;
  taskDefinition: string;
  desiredCount: number;
}

export interface SyncedService {
  serviceArn: string;
  action: 'created' | 'updated';
  cli: string;
}

export async function findService(ctx: EcsContext, name: string): Promise<Service | null> {
  const out = await ctx.ecs.send(
    new DescribeServicesCommand({ cluster: ctx.cluster, services: [name] }),
  );
  return out.services?.find((service) => service.serviceName === name) ?? null;
}

export async function syncService(ctx: EcsContext, spec: ServiceSpec): Promise<SyncedService> {
  const existing = await findService(ctx, spec.service);
  const params = { cluster: ctx.cluster, ...spec };
  // An INACTIVE service is gone for good; ECS lets a new one take its name.
  if (existing && existing.status !== 'INACTIVE') {
    const out = await ctx.ecs.send(
      new UpdateServiceCommand({
        cluster: ctx.cluster,
        service: spec.service,
        taskDefinition: spec.taskDefinition,
        desiredCount: spec.desiredCount,
      }),
    );
    return {
      serviceArn: out.service?.serviceArn ?? existing.serviceArn ?? '',
      action: 'updated',
      cli: updateServiceCli(params),
    };
  }
  const out = await ctx.ecs.send(
    new CreateServiceCommand({
      cluster: ctx.cluster,
      serviceName: spec.service,
      taskDefinition: spec.taskDefinition,
      desiredCount: spec.desiredCount,
      launchType: 'EXTERNAL',
    }),
  );
  return {
    serviceArn: out.service?.serviceArn ?? '',
    action: 'created',
    cli: createServiceCli(params),
  };
}
