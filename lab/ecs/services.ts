// CreateService, UpdateService, DeleteService, DescribeServices, ListServices.
import { z } from 'zod';
import {
  clientException,
  invalidParameter,
  serviceNotActive,
  serviceNotFound,
} from '../api/errors';
import { defineOperation } from '../api/operation';
import { describeMany } from './describe-many';
import { ecsPageInput, paginateEcs } from '../api/pagination';
import { isLive, serviceCounts, serviceGroup } from '../store/derived';
import { arns } from '../store/identity';
import { newDeploymentId, nowEpoch } from '../store/ids';
import type {
  ClusterRecord,
  DeploymentRecord,
  LabState,
  ServiceRecord,
  TaskDefinitionRecord,
} from '../store/model';
import { findService, findTaskDefinition, requireCluster } from './resolve';
import { applyTags, tagListInput, tagsOf } from './tags';
import { requestTaskStop } from './task-lifecycle';
import {
  NAME_PATTERN,
  placementConstraintInput,
  placementStrategyInput,
  validatePlacementConstraints,
  validatePlacementStrategy,
} from './validation';

export function serviceView(
  state: LabState,
  cluster: ClusterRecord,
  service: ServiceRecord,
  include: readonly string[] = [],
) {
  const counts = serviceCounts(cluster, service);
  return {
    ...service,
    runningCount: counts.runningCount,
    pendingCount: counts.pendingCount,
    deployments: service.deployments.map((d) => ({ ...d, ...counts.deployments[d.id] })),
    loadBalancers: [],
    serviceRegistries: [],
    deploymentController: { type: 'ECS' },
    tags: include.includes('TAGS') ? tagsOf(state, service.serviceArn) : undefined,
  };
}

function usableDefinition(state: LabState, reference: string): TaskDefinitionRecord {
  const definition = findTaskDefinition(state, reference);
  if (!definition) throw clientException('TaskDefinition not found.');
  if (definition.status !== 'ACTIVE') throw clientException('TaskDefinition is inactive');
  if (!definition.compatibilities.includes('EXTERNAL')) {
    throw invalidParameter('Task definition does not support launch_type EXTERNAL.');
  }
  return definition;
}

function newDeployment(definition: TaskDefinitionRecord, desiredCount: number): DeploymentRecord {
  const now = nowEpoch();
  const id = newDeploymentId();
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: definition.taskDefinitionArn,
    desiredCount,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    launchType: 'EXTERNAL',
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: 'ECS deployment in progress.',
  };
}

function requireService(cluster: ClusterRecord, reference: string): ServiceRecord {
  const service = findService(cluster, reference);
  if (!service) throw serviceNotFound();
  return service;
}

const deploymentConfigurationInput = z.object({
  maximumPercent: z.number().int().min(100).max(2000).optional(),
  minimumHealthyPercent: z.number().int().min(0).max(100).optional(),
  deploymentCircuitBreaker: z.object({ enable: z.boolean(), rollback: z.boolean() }).optional(),
});

const placementInput = {
  placementConstraints: z.array(placementConstraintInput).optional(),
  placementStrategy: z.array(placementStrategyInput).optional(),
};

export const serviceOperations = {
  CreateService: defineOperation(
    z.object({
      cluster: z.string().optional(),
      serviceName: z.string(),
      taskDefinition: z.string().optional(),
      desiredCount: z.number().int().min(0).max(10000).optional(),
      launchType: z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']).optional(),
      schedulingStrategy: z.enum(['REPLICA', 'DAEMON']).optional(),
      deploymentConfiguration: deploymentConfigurationInput.optional(),
      clientToken: z.string().max(36).optional(),
      healthCheckGracePeriodSeconds: z.number().int().min(0).optional(),
      enableECSManagedTags: z.boolean().optional(),
      propagateTags: z.enum(['TASK_DEFINITION', 'SERVICE', 'NONE']).optional(),
      enableExecuteCommand: z.boolean().optional(),
      tags: tagListInput.optional(),
      ...placementInput,
    }),
    (input, { store }) =>
      store.mutate((state) => {
        if (!NAME_PATTERN.test(input.serviceName)) {
          throw invalidParameter(
            'Service name is invalid. Up to 255 letters (uppercase and lowercase), numbers, hyphens, and underscores are allowed.',
          );
        }
        if (
          input.launchType !== undefined &&
          input.launchType !== 'EXTERNAL' &&
          input.launchType !== 'EC2'
        ) {
          throw invalidParameter(
            `No container instances support launch type ${input.launchType} in this cluster.`,
          );
        }
        const cluster = requireCluster(state, input.cluster);
        const existing = cluster.services[input.serviceName];
        if (existing && existing.status !== 'INACTIVE') {
          throw invalidParameter('Creation of service was not idempotent.');
        }
        if (!input.taskDefinition) throw invalidParameter('TaskDefinition must be specified.');
        const definition = usableDefinition(state, input.taskDefinition);
        const desiredCount = input.desiredCount ?? 0;
        const now = nowEpoch();
        const service: ServiceRecord = {
          serviceArn: arns.service(store.identity, cluster.clusterName, input.serviceName),
          serviceName: input.serviceName,
          clusterArn: cluster.clusterArn,
          status: 'ACTIVE',
          desiredCount,
          launchType: 'EXTERNAL',
          taskDefinition: definition.taskDefinitionArn,
          deploymentConfiguration: {
            maximumPercent: input.deploymentConfiguration?.maximumPercent ?? 200,
            minimumHealthyPercent: input.deploymentConfiguration?.minimumHealthyPercent ?? 100,
            ...(input.deploymentConfiguration?.deploymentCircuitBreaker && {
              deploymentCircuitBreaker: input.deploymentConfiguration.deploymentCircuitBreaker,
            }),
          },
          deployments: [newDeployment(definition, desiredCount)],
          events: [],
          createdAt: now,
          createdBy: arns.iamRoot(store.identity),
          placementConstraints: validatePlacementConstraints(input.placementConstraints ?? [], {
            allowDistinctInstance: true,
          }),
          placementStrategy: validatePlacementStrategy(input.placementStrategy ?? []),
          schedulingStrategy: input.schedulingStrategy ?? 'REPLICA',
          enableECSManagedTags: input.enableECSManagedTags ?? false,
          propagateTags: input.propagateTags ?? 'NONE',
          enableExecuteCommand: input.enableExecuteCommand ?? false,
          ...(input.healthCheckGracePeriodSeconds !== undefined && {
            healthCheckGracePeriodSeconds: input.healthCheckGracePeriodSeconds,
          }),
        };
        cluster.services[input.serviceName] = service;
        applyTags(state, service.serviceArn, input.tags ?? []);
        return { service: serviceView(state, cluster, service) };
      }),
  ),
  UpdateService: defineOperation(
    z.object({
      cluster: z.string().optional(),
      service: z.string(),
      desiredCount: z.number().int().min(0).max(10000).optional(),
      taskDefinition: z.string().optional(),
      deploymentConfiguration: deploymentConfigurationInput.optional(),
      forceNewDeployment: z.boolean().optional(),
      healthCheckGracePeriodSeconds: z.number().int().min(0).optional(),
      enableExecuteCommand: z.boolean().optional(),
      ...placementInput,
    }),
    (input, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, input.cluster);
        const service = requireService(cluster, input.service);
        if (service.status !== 'ACTIVE') throw serviceNotActive();
        const now = nowEpoch();
        if (input.placementConstraints) {
          service.placementConstraints = validatePlacementConstraints(input.placementConstraints, {
            allowDistinctInstance: true,
          });
        }
        if (input.placementStrategy)
          service.placementStrategy = validatePlacementStrategy(input.placementStrategy);
        if (input.deploymentConfiguration) {
          service.deploymentConfiguration = {
            ...service.deploymentConfiguration,
            ...input.deploymentConfiguration,
          };
        }
        if (input.healthCheckGracePeriodSeconds !== undefined) {
          service.healthCheckGracePeriodSeconds = input.healthCheckGracePeriodSeconds;
        }
        if (input.enableExecuteCommand !== undefined)
          service.enableExecuteCommand = input.enableExecuteCommand;
        if (input.desiredCount !== undefined) service.desiredCount = input.desiredCount;
        const definition = input.taskDefinition
          ? usableDefinition(state, input.taskDefinition)
          : undefined;
        const primary = service.deployments.find((d) => d.status === 'PRIMARY');
        if (
          !primary ||
          input.forceNewDeployment ||
          (definition && definition.taskDefinitionArn !== service.taskDefinition)
        ) {
          for (const deployment of service.deployments) {
            if (deployment.status === 'PRIMARY') {
              deployment.status = 'ACTIVE';
              deployment.updatedAt = now;
            }
          }
          const next = definition ?? usableDefinition(state, service.taskDefinition);
          service.taskDefinition = next.taskDefinitionArn;
          service.deployments.unshift(newDeployment(next, service.desiredCount));
        } else if (primary.desiredCount !== service.desiredCount) {
          primary.desiredCount = service.desiredCount;
          primary.updatedAt = now;
        }
        return { service: serviceView(state, cluster, service) };
      }),
  ),
  DeleteService: defineOperation(
    z.object({
      cluster: z.string().optional(),
      service: z.string(),
      force: z.boolean().optional(),
    }),
    ({ cluster: clusterRef, service: reference, force }, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, clusterRef);
        const service = requireService(cluster, reference);
        if (service.status !== 'ACTIVE') throw serviceNotActive();
        if (service.desiredCount > 0 && !force) {
          throw invalidParameter(
            'The service cannot be stopped while it is scaled above 0. Set the desired count to 0 or use force.',
          );
        }
        const now = nowEpoch();
        service.status = 'DRAINING';
        service.desiredCount = 0;
        for (const deployment of service.deployments) {
          deployment.desiredCount = 0;
          deployment.updatedAt = now;
        }
        for (const task of Object.values(cluster.tasks)) {
          if (task.group === serviceGroup(service.serviceName) && isLive(task)) {
            requestTaskStop(
              task,
              'ServiceSchedulerInitiated',
              `Scaling activity initiated by (deployment ${task.startedBy ?? service.deployments[0]?.id})`,
            );
          }
        }
        return { service: serviceView(state, cluster, service) };
      }),
  ),
  DescribeServices: defineOperation(
    z.object({
      cluster: z.string().optional(),
      services: z.array(z.string()).min(1).max(10),
      include: z.array(z.literal('TAGS')).optional(),
    }),
    ({ cluster: clusterRef, services: references, include = [] }, { store }) => {
      const state = store.state;
      const cluster = requireCluster(state, clusterRef);
      const { found, failures } = describeMany(
        references,
        (reference) => findService(cluster, reference),
        (service) => serviceView(state, cluster, service, include),
        (name) => arns.service(store.identity, cluster.clusterName, name),
      );
      return { services: found, failures };
    },
  ),
  ListServices: defineOperation(
    z.object({
      cluster: z.string().optional(),
      launchType: z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']).optional(),
      schedulingStrategy: z.enum(['REPLICA', 'DAEMON']).optional(),
      ...ecsPageInput,
    }),
    (input, { store }) => {
      const cluster = requireCluster(store.state, input.cluster);
      const services = Object.values(cluster.services)
        .filter((s) => s.status !== 'INACTIVE')
        .filter((s) => !input.launchType || s.launchType === input.launchType)
        .filter(
          (s) => !input.schedulingStrategy || s.schedulingStrategy === input.schedulingStrategy,
        )
        .sort((a, b) => a.createdAt - b.createdAt);
      const { page, nextToken } = paginateEcs(services, input);
      return { serviceArns: page.map((s) => s.serviceArn), nextToken };
    },
  ),
};
