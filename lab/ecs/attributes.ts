// PutAttributes, DeleteAttributes, ListAttributes on container instances (custom attributes such as `role`).
import { z } from 'zod';
import { attributeLimitExceeded, invalidParameter, targetNotFound } from '../api/errors';
import { defineOperation } from '../api/operation';
import { ecsPageInput, paginateEcs } from '../api/pagination';
import { isInstanceRegistered } from '../store/derived';
import type { ClusterRecord, ContainerInstanceRecord } from '../store/model';
import { findInstance, requireCluster } from './resolve';
import { isBuiltInAttribute, MAX_CUSTOM_ATTRIBUTES, validateAttribute } from './validation';

const attributeInput = z.object({
  name: z.string(),
  value: z.string().optional(),
  targetType: z.literal('container-instance').optional(),
  targetId: z.string().optional(),
});

type AttributeInput = z.infer<typeof attributeInput>;

function targetOf(cluster: ClusterRecord, attribute: AttributeInput): ContainerInstanceRecord {
  if (!attribute.targetId)
    throw invalidParameter(`Attribute '${attribute.name}' needs a targetId.`);
  const instance = findInstance(cluster, attribute.targetId);
  if (!instance || !isInstanceRegistered(instance)) throw targetNotFound(attribute.targetId);
  return instance;
}

const attributesRequest = z.object({
  cluster: z.string().optional(),
  attributes: z.array(attributeInput).min(1).max(10),
});

/** The custom attribute's target, refusing the names ECS reserves for itself. */
function customTargetOf(
  cluster: ClusterRecord,
  attribute: AttributeInput,
): ContainerInstanceRecord {
  if (isBuiltInAttribute(attribute.name)) {
    throw invalidParameter(`Attribute name '${attribute.name}' is reserved for Amazon ECS.`);
  }
  return targetOf(cluster, attribute);
}

const echo = (attributes: AttributeInput[]) =>
  attributes.map((a) => ({ ...a, targetType: a.targetType ?? 'container-instance' }));

export const attributeOperations = {
  PutAttributes: defineOperation(
    attributesRequest,
    ({ cluster: clusterRef, attributes }, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, clusterRef);
        for (const attribute of attributes) {
          validateAttribute(attribute.name, attribute.value);
          const instance = customTargetOf(cluster, attribute);
          instance.attributes = [
            ...instance.attributes.filter((a) => a.name !== attribute.name),
            attribute.value === undefined
              ? { name: attribute.name }
              : { name: attribute.name, value: attribute.value },
          ];
          if (
            instance.attributes.filter((a) => !isBuiltInAttribute(a.name)).length >
            MAX_CUSTOM_ATTRIBUTES
          ) {
            throw attributeLimitExceeded();
          }
        }
        return { attributes: echo(attributes) };
      }),
  ),
  DeleteAttributes: defineOperation(
    attributesRequest,
    ({ cluster: clusterRef, attributes }, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, clusterRef);
        for (const attribute of attributes) {
          const instance = customTargetOf(cluster, attribute);
          instance.attributes = instance.attributes.filter((a) => a.name !== attribute.name);
        }
        return { attributes: echo(attributes) };
      }),
  ),
  ListAttributes: defineOperation(
    z.object({
      cluster: z.string().optional(),
      targetType: z.literal('container-instance'),
      attributeName: z.string().optional(),
      attributeValue: z.string().optional(),
      ...ecsPageInput,
    }),
    ({ cluster: clusterRef, attributeName, attributeValue, maxResults, nextToken }, { store }) => {
      if (attributeValue !== undefined && attributeName === undefined) {
        throw invalidParameter('attributeValue can only be specified with attributeName.');
      }
      const cluster = requireCluster(store.state, clusterRef);
      const all = Object.values(cluster.containerInstances)
        .filter(isInstanceRegistered)
        .sort((a, b) => a.registeredAt - b.registeredAt)
        .flatMap((instance) =>
          instance.attributes.map((a) => ({
            ...a,
            targetType: 'container-instance' as const,
            targetId: instance.containerInstanceArn,
          })),
        )
        .filter((a) => attributeName === undefined || a.name === attributeName)
        .filter((a) => attributeValue === undefined || a.value === attributeValue);
      const { page, nextToken: next } = paginateEcs(all, { maxResults, nextToken });
      return { attributes: page, nextToken: next };
    },
  ),
};
