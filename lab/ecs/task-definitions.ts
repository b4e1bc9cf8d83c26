// RegisterTaskDefinition, DeregisterTaskDefinition, DescribeTaskDefinition, ListTaskDefinitions, ListTaskDefinitionFamilies.
import { z } from 'zod';
import { clientException } from '../api/errors';
import { defineOperation } from '../api/operation';
import { ecsPageInput, paginateEcs } from '../api/pagination';
import { arns } from '../store/identity';
import { nowEpoch } from '../store/ids';
import type { TaskDefinitionRecord } from '../store/model';
import { findTaskDefinition } from './resolve';
import { buildTaskDefinition, taskDefinitionInput } from './task-definition-rules';
import { applyTags, tagListInput, tagsOf } from './tags';

const include = z.array(z.literal('TAGS')).optional();

export const taskDefinitionOperations = {
  RegisterTaskDefinition: defineOperation(
    taskDefinitionInput.extend({ tags: tagListInput.optional() }),
    (input, { store }) => {
      const fields = buildTaskDefinition(input);
      return store.mutate((state) => {
        const revisions = (state.taskDefinitions[fields.family] ??= []);
        const revision = revisions.length + 1;
        const record: TaskDefinitionRecord = {
          taskDefinitionArn: arns.taskDefinition(store.identity, fields.family, revision),
          ...fields,
          revision,
          status: 'ACTIVE',
          registeredAt: nowEpoch(),
          registeredBy: arns.iamRoot(store.identity),
        };
        revisions.push(record);
        applyTags(state, record.taskDefinitionArn, input.tags ?? []);
        return { taskDefinition: record, tags: tagsOf(state, record.taskDefinitionArn) };
      });
    },
  ),
  DeregisterTaskDefinition: defineOperation(
    z.object({ taskDefinition: z.string() }),
    ({ taskDefinition }, { store }) =>
      store.mutate((state) => {
        if (!/:\d+$/.test(taskDefinition)) {
          throw clientException(
            'Invalid revision number. A task definition revision must be specified.',
          );
        }
        const record = findTaskDefinition(state, taskDefinition);
        if (!record) throw clientException('The specified task definition does not exist.');
        if (record.status === 'ACTIVE') {
          record.status = 'INACTIVE';
          record.deregisteredAt = nowEpoch();
        }
        return { taskDefinition: record };
      }),
  ),
  DescribeTaskDefinition: defineOperation(
    z.object({ taskDefinition: z.string(), include }),
    ({ taskDefinition, include = [] }, { store }) => {
      const record = findTaskDefinition(store.state, taskDefinition);
      if (!record) throw clientException('Unable to describe task definition.');
      return {
        taskDefinition: record,
        tags: include.includes('TAGS') ? tagsOf(store.state, record.taskDefinitionArn) : undefined,
      };
    },
  ),
  ListTaskDefinitions: defineOperation(
    z.object({
      familyPrefix: z.string().optional(),
      status: z.enum(['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS']).optional(),
      sort: z.enum(['ASC', 'DESC']).optional(),
      ...ecsPageInput,
    }),
    ({ familyPrefix, status = 'ACTIVE', sort = 'ASC', maxResults, nextToken }, { store }) => {
      // ECS's familyPrefix here is the full family name, not a prefix.
      const families = Object.keys(store.state.taskDefinitions)
        .filter((family) => familyPrefix === undefined || family === familyPrefix)
        .sort();
      const ascending = families.flatMap((family) =>
        (store.state.taskDefinitions[family] ?? []).filter((r) => r.status === status),
      );
      const ordered = sort === 'ASC' ? ascending : ascending.reverse();
      const { page, nextToken: next } = paginateEcs(ordered, { maxResults, nextToken });
      return { taskDefinitionArns: page.map((r) => r.taskDefinitionArn), nextToken: next };
    },
  ),
  ListTaskDefinitionFamilies: defineOperation(
    z.object({
      familyPrefix: z.string().optional(),
      status: z.enum(['ACTIVE', 'INACTIVE', 'ALL']).optional(),
      ...ecsPageInput,
    }),
    ({ familyPrefix = '', status = 'ACTIVE', maxResults, nextToken }, { store }) => {
      const families = Object.entries(store.state.taskDefinitions)
        .filter(([family]) => family.startsWith(familyPrefix))
        .filter(([, revisions]) => {
          const active = revisions.some((r) => r.status === 'ACTIVE');
          return status === 'ALL' || (status === 'ACTIVE' ? active : !active);
        })
        .map(([family]) => family)
        .sort();
      const { page, nextToken: next } = paginateEcs(families, { maxResults, nextToken });
      return { families: page, nextToken: next };
    },
  ),
};
