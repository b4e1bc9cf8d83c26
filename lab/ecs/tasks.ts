// RunTask, StartTask, StopTask, ListTasks, DescribeTasks.
import { z } from 'zod';
import { clientException, invalidParameter } from '../api/errors';
import { defineOperation } from '../api/operation';
import { describeMany } from './describe-many';
import { ecsPageInput, paginateEcs } from '../api/pagination';
import { serviceGroup } from '../store/derived';
import { arns } from '../store/identity';
import type { LabState, TaskDefinitionRecord, TaskRecord } from '../store/model';
import { findInstance, findTask, findTaskDefinition, requireCluster } from './resolve';
import { applyTags, tagListInput, tagsOf } from './tags';
import { createTasks } from './task-factory';
import { requestTaskStop } from './task-lifecycle';
import {
  placementConstraintInput,
  placementStrategyInput,
  validatePlacementConstraints,
  validatePlacementStrategy,
} from './validation';

export function taskView(state: LabState, task: TaskRecord, include: readonly string[] = []) {
  const wire: Partial<TaskRecord> = { ...task };
  delete wire.id;
  delete wire.credentials;
  return { ...wire, tags: include.includes('TAGS') ? tagsOf(state, task.taskArn) : undefined };
}

const launchType = z.enum(['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']).optional();

function activeDefinition(state: LabState, reference: string): TaskDefinitionRecord {
  const definition = findTaskDefinition(state, reference);
  if (!definition) throw clientException('Unable to describe task definition.');
  if (definition.status !== 'ACTIVE') throw clientException('TaskDefinition is inactive');
  if (!definition.compatibilities.includes('EXTERNAL')) {
    throw invalidParameter('Task definition does not support launch_type EXTERNAL.');
  }
  return definition;
}

function checkLaunchType(value: z.infer<typeof launchType>) {
  if (value !== undefined && value !== 'EXTERNAL' && value !== 'EC2') {
    throw invalidParameter(`No container instances support launch type ${value} in this cluster.`);
  }
}

const startInput = {
  cluster: z.string().optional(),
  taskDefinition: z.string(),
  group: z.string().max(255).optional(),
  startedBy: z.string().max(128).optional(),
  overrides: z
    .looseObject({
      containerOverrides: z.array(z.looseObject({ name: z.string().optional() })).optional(),
    })
    .optional(),
  tags: tagListInput.optional(),
  enableECSManagedTags: z.boolean().optional(),
  propagateTags: z.enum(['TASK_DEFINITION', 'SERVICE', 'NONE']).optional(),
  referenceId: z.string().optional(),
};

export const taskOperations = {
  RunTask: defineOperation(
    z.object({
      ...startInput,
      count: z.number().int().min(1).max(10).optional(),
      launchType,
      placementConstraints: z.array(placementConstraintInput).optional(),
      placementStrategy: z.array(placementStrategyInput).optional(),
      clientToken: z.string().max(64).optional(),
    }),
    (input, { store }) =>
      store.mutate((state) => {
        checkLaunchType(input.launchType);
        const cluster = requireCluster(state, input.cluster);
        const definition = activeDefinition(state, input.taskDefinition);
        const { tasks, failureReason } = createTasks(state, store.identity, cluster, {
          definition,
          count: input.count ?? 1,
          group: input.group ?? `family:${definition.family}`,
          startedBy: input.startedBy,
          constraints: validatePlacementConstraints(input.placementConstraints ?? [], {
            allowDistinctInstance: true,
          }),
          strategy: validatePlacementStrategy(input.placementStrategy ?? []),
          overrides: input.overrides,
        });
        for (const task of tasks) applyTags(state, task.taskArn, input.tags ?? []);
        return {
          tasks: tasks.map((t) => taskView(state, t)),
          failures: failureReason ? [{ reason: failureReason }] : [],
        };
      }),
  ),
  StartTask: defineOperation(
    z.object({ ...startInput, containerInstances: z.array(z.string()).min(1).max(10) }),
    (input, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, input.cluster);
        const definition = activeDefinition(state, input.taskDefinition);
        const started = [];
        const failures = [];
        for (const reference of input.containerInstances) {
          const instance = findInstance(cluster, reference);
          if (!instance || instance.status !== 'ACTIVE') {
            failures.push({ arn: reference, reason: 'MISSING' });
            continue;
          }
          const { tasks, failureReason } = createTasks(state, store.identity, cluster, {
            definition,
            count: 1,
            group: input.group ?? `family:${definition.family}`,
            startedBy: input.startedBy,
            constraints: [],
            strategy: [],
            overrides: input.overrides,
            instances: [instance],
          });
          if (failureReason)
            failures.push({ arn: instance.containerInstanceArn, reason: failureReason });
          for (const task of tasks) applyTags(state, task.taskArn, input.tags ?? []);
          started.push(...tasks);
        }
        return { tasks: started.map((t) => taskView(state, t)), failures };
      }),
  ),
  StopTask: defineOperation(
    z.object({
      cluster: z.string().optional(),
      task: z.string(),
      reason: z.string().max(255).optional(),
    }),
    ({ cluster: clusterRef, task: reference, reason }, { store }) =>
      store.mutate((state) => {
        const cluster = requireCluster(state, clusterRef);
        const task = findTask(cluster, reference);
        if (!task) throw invalidParameter('The referenced task was not found.');
        requestTaskStop(task, 'UserInitiated', reason ?? 'Task stopped by user');
        return { task: taskView(state, task) };
      }),
  ),
  ListTasks: defineOperation(
    z.object({
      cluster: z.string().optional(),
      containerInstance: z.string().optional(),
      family: z.string().optional(),
      startedBy: z.string().optional(),
      serviceName: z.string().optional(),
      desiredStatus: z.enum(['RUNNING', 'PENDING', 'STOPPED']).optional(),
      launchType,
      ...ecsPageInput,
    }),
    (input, { store }) => {
      const cluster = requireCluster(store.state, input.cluster);
      const instanceArn = input.containerInstance
        ? (findInstance(cluster, input.containerInstance)?.containerInstanceArn ??
          input.containerInstance)
        : undefined;
      const serviceName = input.serviceName?.split('/').at(-1);
      const desiredStatus = input.desiredStatus ?? 'RUNNING';
      const tasks = store
        .tasksOf(cluster)
        .filter((t) => t.desiredStatus === desiredStatus)
        .filter((t) => !instanceArn || t.containerInstanceArn === instanceArn)
        .filter(
          (t) => !input.family || t.taskDefinitionArn.includes(`:task-definition/${input.family}:`),
        )
        .filter((t) => !input.startedBy || t.startedBy === input.startedBy)
        .filter((t) => !serviceName || t.group === serviceGroup(serviceName))
        .filter((t) => !input.launchType || t.launchType === input.launchType)
        .sort((a, b) => a.createdAt - b.createdAt);
      const { page, nextToken } = paginateEcs(tasks, input);
      return { taskArns: page.map((t) => t.taskArn), nextToken };
    },
  ),
  DescribeTasks: defineOperation(
    z.object({
      cluster: z.string().optional(),
      tasks: z.array(z.string()).min(1).max(100),
      include: z.array(z.literal('TAGS')).optional(),
    }),
    ({ cluster: clusterRef, tasks: references, include = [] }, { store }) => {
      const state = store.state;
      const cluster = requireCluster(state, clusterRef);
      const { found, failures } = describeMany(
        references,
        (reference) => findTask(cluster, reference),
        (task) => taskView(state, task, include),
        (id) => arns.task(store.identity, cluster.clusterName, id),
      );
      return { tasks: found, failures };
    },
  ),
};
