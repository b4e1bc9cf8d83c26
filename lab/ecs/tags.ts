// TagResource, UntagResource, ListTagsForResource, and the tag lists other operations accept.
import { z } from 'zod';
import { AwsError, invalidParameter } from '../api/errors';
import { defineOperation } from '../api/operation';
import { parseEcsArn } from '../store/identity';
import type { LabState, Tag } from '../store/model';
import { findInstance, findService, findTask, findTaskDefinition, requireCluster } from './resolve';

const MAX_TAGS = 50;

export const tagListInput = z
  .array(z.object({ key: z.string().min(1).max(128), value: z.string().max(256).optional() }))
  .max(MAX_TAGS);

export function applyTags(state: LabState, arn: string, tags: z.infer<typeof tagListInput>): void {
  const merged = new Map((state.tags[arn] ?? []).map((t) => [t.key, t.value]));
  for (const tag of tags) {
    if (tag.key.toLowerCase().startsWith('aws:')) {
      throw invalidParameter('Tag keys starting with aws: are reserved.');
    }
    merged.set(tag.key, tag.value ?? '');
  }
  if (merged.size > MAX_TAGS)
    throw invalidParameter(`A resource can have at most ${MAX_TAGS} tags.`);
  if (merged.size > 0) state.tags[arn] = [...merged].map(([key, value]): Tag => ({ key, value }));
}

export const tagsOf = (state: LabState, arn: string): Tag[] => state.tags[arn] ?? [];

const resourceNotFound = () =>
  new AwsError('InvalidParameterException', 'The specified resource could not be found.');

/** Checks the ARN names a resource that exists and returns the ARN the tags are kept under. */
function taggableArn(state: LabState, resourceArn: string): string {
  const arn = parseEcsArn(resourceArn);
  if (!arn) throw invalidParameter(`Invalid resource ARN: ${resourceArn}`);
  if (arn.resourceType === 'task-definition') {
    const definition = findTaskDefinition(state, resourceArn);
    if (!definition || !arn.resource.includes(':')) throw resourceNotFound();
    return definition.taskDefinitionArn;
  }
  const [clusterName] = arn.resource.split('/');
  const cluster = requireCluster(state, clusterName);
  const lookup: Record<string, () => { arn: string } | undefined> = {
    cluster: () => ({ arn: cluster.clusterArn }),
    'container-instance': () => {
      const found = findInstance(cluster, resourceArn);
      return found && { arn: found.containerInstanceArn };
    },
    service: () => {
      const found = findService(cluster, resourceArn);
      return found && { arn: found.serviceArn };
    },
    task: () => {
      const found = findTask(cluster, resourceArn);
      return found && { arn: found.taskArn };
    },
  };
  const found = lookup[arn.resourceType]?.();
  if (!found) throw resourceNotFound();
  return found.arn;
}

export const tagOperations = {
  TagResource: defineOperation(
    z.object({ resourceArn: z.string(), tags: tagListInput }),
    ({ resourceArn, tags }, { store }) =>
      store.mutate((state) => {
        applyTags(state, taggableArn(state, resourceArn), tags);
        return {};
      }),
  ),
  UntagResource: defineOperation(
    z.object({
      resourceArn: z.string(),
      tagKeys: z.array(z.string().min(1).max(128)).max(MAX_TAGS),
    }),
    ({ resourceArn, tagKeys }, { store }) =>
      store.mutate((state) => {
        const arn = taggableArn(state, resourceArn);
        const remaining = tagsOf(state, arn).filter((t) => !tagKeys.includes(t.key));
        if (remaining.length > 0) state.tags[arn] = remaining;
        else delete state.tags[arn];
        return {};
      }),
  ),
  ListTagsForResource: defineOperation(
    z.object({ resourceArn: z.string() }),
    ({ resourceArn }, { store }) => ({
      tags: tagsOf(store.state, taggableArn(store.state, resourceArn)),
    }),
  ),
};
