// RegisterContainerInstance, DeregisterContainerInstance, DescribeContainerInstances, ListContainerInstances.
import { z } from 'zod';
import { parseCql } from '../cql/parse';
import { matchesCql } from '../cql/evaluate';
import { invalidParameter } from '../api/errors';
import { defineOperation } from '../api/operation';
import { describeMany } from './describe-many';
import { ecsPageInput, paginateEcs } from '../api/pagination';
import {
  clusterSeenBy,
  cqlSubject,
  instanceTaskCounts,
  liveTasksByInstance,
  remainingResources,
  tasksOn,
} from '../store/derived';
import { addContainerInstance, addManagedInstance } from '../store/external-instances';
import { arns } from '../store/identity';
import type { ClusterRecord, ContainerInstanceRecord, LabState, Resource } from '../store/model';
import { LAB_INSTANCE_ROLE } from '../store/seed';
import { findInstance, requireCluster } from './resolve';
import { requestTaskStop } from './task-lifecycle';
import { applyTags, tagListInput, tagsOf } from './tags';
import { validateAttribute } from './validation';

export function instanceView(
  state: LabState,
  cluster: ClusterRecord,
  instance: ContainerInstanceRecord,
  include: readonly string[] = [],
) {
  return {
    containerInstanceArn: instance.containerInstanceArn,
    ec2InstanceId: instance.ec2InstanceId,
    version: instance.version,
    versionInfo: instance.versionInfo,
    remainingResources: remainingResources(cluster, instance),
    registeredResources: instance.registeredResources,
    status: instance.status,
    agentConnected: instance.agentConnected,
    ...instanceTaskCounts(cluster, instance),
    attributes: instance.attributes,
    registeredAt: instance.registeredAt,
    attachments: [],
    tags: include.includes('TAGS') ? tagsOf(state, instance.containerInstanceArn) : undefined,
    healthStatus: include.includes('CONTAINER_INSTANCE_HEALTH')
      ? { overallStatus: instance.agentConnected ? 'OK' : 'IMPAIRED', details: [] }
      : undefined,
  };
}

const resourceInput = z.object({
  name: z.string().min(1).max(255),
  type: z.enum(['INTEGER', 'DOUBLE', 'LONG', 'STRINGSET']),
  doubleValue: z.number().optional(),
  longValue: z.number().int().optional(),
  integerValue: z.number().int().optional(),
  stringSetValue: z.array(z.string()).optional(),
});

const identityDocument = z.object({ instanceId: z.string().regex(/^(mi|i)-[0-9a-f]{8,17}$/) });

function ec2InstanceIdFrom(document: string | undefined): string | undefined {
  if (!document) return undefined;
  try {
    const parsed = identityDocument.safeParse(JSON.parse(document));
    return parsed.success ? parsed.data.instanceId : undefined;
  } catch {
    throw invalidParameter('instanceIdentityDocument is not valid JSON.');
  }
}

export const containerInstanceOperations = {
  RegisterContainerInstance: defineOperation(
    z.object({
      cluster: z.string().optional(),
      instanceIdentityDocument: z.string().max(65536).optional(),
      instanceIdentityDocumentSignature: z.string().optional(),
      totalResources: z.array(resourceInput).max(20).optional(),
      versionInfo: z
        .object({ agentVersion: z.string(), agentHash: z.string(), dockerVersion: z.string() })
        .optional(),
      containerInstanceArn: z.string().optional(),
      attributes: z
        .array(z.object({ name: z.string(), value: z.string().optional() }))
        .max(100)
        .optional(),
      tags: tagListInput.optional(),
    }),
    (input, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, input.cluster);
        for (const attribute of input.attributes ?? [])
          validateAttribute(attribute.name, attribute.value);
        const existing = input.containerInstanceArn
          ? findInstance(cluster, input.containerInstanceArn)
          : undefined;
        if (existing) {
          existing.status = 'ACTIVE';
          existing.agentConnected = true;
          existing.version += 1;
          if (input.versionInfo) existing.versionInfo = input.versionInfo;
          return { containerInstance: instanceView(state, cluster, existing) };
        }
        const ec2InstanceId =
          ec2InstanceIdFrom(input.instanceIdentityDocument) ??
          addManagedInstance(state, {
            addressPrefix: store.addressPrefix,
            activationId: Object.keys(state.activations)[0] ?? '',
            iamRole: LAB_INSTANCE_ROLE,
          }).instanceId;
        const instance = addContainerInstance(state, store.identity, cluster.clusterName, {
          ec2InstanceId,
          resources: input.totalResources?.map((r): Resource => ({
            doubleValue: 0,
            longValue: 0,
            integerValue: 0,
            ...r,
          })),
          attributes: input.attributes,
          versionInfo: input.versionInfo,
        });
        applyTags(state, instance.containerInstanceArn, input.tags ?? []);
        return { containerInstance: instanceView(state, cluster, instance) };
      }),
  ),
  DeregisterContainerInstance: defineOperation(
    z.object({
      cluster: z.string().optional(),
      containerInstance: z.string(),
      force: z.boolean().optional(),
    }),
    ({ cluster: clusterRef, containerInstance, force }, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, clusterRef);
        const instance = findInstance(cluster, containerInstance);
        if (!instance || instance.status === 'INACTIVE') {
          throw invalidParameter('The referenced container instance was not found.');
        }
        const tasks = tasksOn(cluster, instance);
        if (tasks.length > 0 && !force) {
          throw invalidParameter('Found running tasks on the instance.');
        }
        for (const task of tasks) {
          requestTaskStop(
            task,
            'TerminationNotice',
            'Container instance deregistration forced by user',
          );
        }
        instance.status = 'INACTIVE';
        instance.agentConnected = false;
        instance.version += 1;
        return { containerInstance: instanceView(state, cluster, instance) };
      }),
  ),
  DescribeContainerInstances: defineOperation(
    z.object({
      cluster: z.string().optional(),
      containerInstances: z.array(z.string()).min(1).max(100),
      include: z.array(z.enum(['TAGS', 'CONTAINER_INSTANCE_HEALTH'])).optional(),
    }),
    ({ cluster: clusterRef, containerInstances, include = [] }, { store }) => {
      const state = store.state;
      const cluster = requireCluster(state, clusterRef);
      const byInstance = liveTasksByInstance(cluster);
      const { found, failures } = describeMany(
        containerInstances,
        (reference) => findInstance(cluster, reference),
        (instance) =>
          instanceView(state, clusterSeenBy(cluster, byInstance, instance), instance, include),
        (id) => arns.containerInstance(store.identity, cluster.clusterName, id),
      );
      return { containerInstances: found, failures };
    },
  ),
  ListContainerInstances: defineOperation(
    z.object({
      cluster: z.string().optional(),
      filter: z.string().max(2000).optional(),
      status: z
        .enum(['ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED'])
        .optional(),
      ...ecsPageInput,
    }),
    ({ cluster: clusterRef, filter, status, maxResults, nextToken }, { store }) => {
      const cluster = requireCluster(store.state, clusterRef);
      let expression;
      try {
        expression = filter ? parseCql(filter) : undefined;
      } catch (error) {
        throw invalidParameter(`Invalid filter '${filter}': ${(error as Error).message}`);
      }
      const byInstance = expression ? liveTasksByInstance(cluster) : new Map();
      const instances = Object.values(cluster.containerInstances)
        .filter((i) =>
          status ? i.status === status : i.status === 'ACTIVE' || i.status === 'DRAINING',
        )
        .filter(
          (i) =>
            !expression ||
            matchesCql(expression, cqlSubject(clusterSeenBy(cluster, byInstance, i), i)),
        )
        .sort((a, b) => a.registeredAt - b.registeredAt);
      const { page, nextToken: next } = paginateEcs(instances, { maxResults, nextToken });
      return { containerInstanceArns: page.map((i) => i.containerInstanceArn), nextToken: next };
    },
  ),
};
