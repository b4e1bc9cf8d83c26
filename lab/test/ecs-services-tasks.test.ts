// Services, tasks and tags through the AWS SDK: deployments, DeleteService's rules, RunTask/StartTask/StopTask, listing.
import {
  CreateClusterCommand,
  CreateServiceCommand,
  DeleteServiceCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  DescribeServicesCommand,
  DescribeTasksCommand,
  ECSClient,
  ListServicesCommand,
  ListTagsForResourceCommand,
  ListTasksCommand,
  PutAttributesCommand,
  RegisterContainerInstanceCommand,
  RegisterTaskDefinitionCommand,
  RunTaskCommand,
  StartTaskCommand,
  StopTaskCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateServiceCommand,
} from '@aws-sdk/client-ecs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { labClients } from './support/clients';
import { waitFor } from './support/wait';

let ecs: ECSClient;
let cluster: string;
let instances: string[];
let family: string;

// A catalog image: the instances' agents really run these tasks.
const IMAGE = 'traefik/whoami';

beforeAll(async () => {
  ({ ecs } = labClients(inject('labEndpoint')));
  cluster = `svc-${Math.random().toString(36).slice(2, 10)}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  instances = [];
  for (let i = 0; i < 2; i++) {
    const { containerInstance } = await ecs.send(new RegisterContainerInstanceCommand({ cluster }));
    instances.push(containerInstance!.containerInstanceArn!);
    await ecs.send(
      new PutAttributesCommand({
        cluster,
        attributes: [
          { name: 'role', value: `r${i}`, targetId: containerInstance!.containerInstanceArn! },
        ],
      }),
    );
  }
  family = `SvcTd${Date.now()}`;
  await ecs.send(
    new RegisterTaskDefinitionCommand({
      family,
      requiresCompatibilities: ['EXTERNAL'],
      containerDefinitions: [
        {
          name: 'app',
          image: IMAGE,
          memory: 100,
          cpu: 10,
          portMappings: [{ containerPort: 80, hostPort: 0 }],
        },
      ],
    }),
  );
});

describe('services', () => {
  it('creates a service with a PRIMARY deployment and ECS defaults, lists and describes it', async () => {
    const { service } = await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'web',
        taskDefinition: family,
        desiredCount: 0,
        launchType: 'EXTERNAL',
        placementConstraints: [{ type: 'distinctInstance' }],
        placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      }),
    );
    expect(service).toMatchObject({
      serviceArn: `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/web`,
      serviceName: 'web',
      status: 'ACTIVE',
      desiredCount: 0,
      runningCount: 0,
      pendingCount: 0,
      launchType: 'EXTERNAL',
      taskDefinition: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:1`,
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      schedulingStrategy: 'REPLICA',
      placementConstraints: [{ type: 'distinctInstance' }],
    });
    expect(service?.deployments).toHaveLength(1);
    expect(service?.deployments?.[0]).toMatchObject({
      status: 'PRIMARY',
      desiredCount: 0,
      launchType: 'EXTERNAL',
    });
    expect(service?.deployments?.[0]?.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(service?.createdAt).toBeInstanceOf(Date);

    await expect(
      ecs.send(
        new CreateServiceCommand({
          cluster,
          serviceName: 'web',
          taskDefinition: family,
          desiredCount: 1,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });

    const { serviceArns } = await ecs.send(new ListServicesCommand({ cluster }));
    expect(serviceArns).toEqual([service!.serviceArn]);
    const described = await ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web', service!.serviceArn!, 'missing'] }),
    );
    expect(described.services?.map((s) => s.serviceName)).toEqual(['web', 'web']);
    expect(described.failures).toEqual([
      { arn: `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/missing`, reason: 'MISSING' },
    ]);
    const { clusters } = await ecs.send(new DescribeClustersCommand({ clusters: [cluster] }));
    expect(clusters?.[0]?.activeServicesCount).toBe(1);
  });

  it('updates desired count in place and starts a new PRIMARY deployment for a new task definition', async () => {
    const scaled = await ecs.send(
      new UpdateServiceCommand({ cluster, service: 'web', desiredCount: 0 }),
    );
    expect(scaled.service?.deployments).toHaveLength(1);
    const { taskDefinition } = await ecs.send(
      new RegisterTaskDefinitionCommand({
        family,
        requiresCompatibilities: ['EXTERNAL'],
        containerDefinitions: [{ name: 'app', image: IMAGE, memory: 50 }],
      }),
    );
    const { service } = await ecs.send(
      new UpdateServiceCommand({
        cluster,
        service: 'web',
        taskDefinition: taskDefinition!.taskDefinitionArn,
      }),
    );
    expect(service?.taskDefinition).toBe(taskDefinition?.taskDefinitionArn);
    expect(service?.deployments?.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
    expect(service?.deployments?.[0]?.taskDefinition).toBe(taskDefinition?.taskDefinitionArn);
  });

  it('refuses to delete a scaled-up service without force, then drains it to INACTIVE', async () => {
    await ecs.send(
      new CreateServiceCommand({
        cluster,
        serviceName: 'doomed',
        taskDefinition: family,
        desiredCount: 2,
      }),
    );
    await expect(
      ecs.send(new DeleteServiceCommand({ cluster, service: 'doomed' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    const { service } = await ecs.send(
      new DeleteServiceCommand({ cluster, service: 'doomed', force: true }),
    );
    expect(service?.status).toBe('DRAINING');
    await expect(
      ecs.send(new UpdateServiceCommand({ cluster, service: 'doomed', desiredCount: 1 })),
    ).rejects.toMatchObject({ name: 'ServiceNotActiveException' });
    const inactive = await waitFor(
      'the deleted service to become INACTIVE',
      async () =>
        (await ecs.send(new DescribeServicesCommand({ cluster, services: ['doomed'] })))
          .services?.[0],
      (s) => s?.status === 'INACTIVE',
      { timeoutMs: 10_000 },
    );
    expect(inactive?.serviceName).toBe('doomed');
    const { serviceArns } = await ecs.send(new ListServicesCommand({ cluster }));
    expect(serviceArns?.some((arn) => arn.endsWith('/doomed'))).toBe(false);
    await expect(
      ecs.send(new UpdateServiceCommand({ cluster, service: 'never-made' })),
    ).rejects.toMatchObject({ name: 'ServiceNotFoundException' });
  });
});

describe('tasks', () => {
  it('runs tasks placed by constraints, lists, describes and stops them', async () => {
    const { tasks, failures } = await ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: `${family}:1`,
        count: 2,
        launchType: 'EXTERNAL',
        startedBy: 'wire-test',
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == r1' }],
      }),
    );
    expect(failures).toEqual([]);
    expect(tasks).toHaveLength(2);
    for (const task of tasks!) {
      expect(task.taskArn).toMatch(
        new RegExp(`^arn:aws:ecs:us-east-1:123456789012:task/${cluster}/[0-9a-f]{32}$`),
      );
      expect(task).toMatchObject({
        clusterArn: `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`,
        containerInstanceArn: instances[1],
        group: `family:${family}`,
        startedBy: 'wire-test',
        lastStatus: 'PROVISIONING',
        desiredStatus: 'RUNNING',
        launchType: 'EXTERNAL',
        memory: '100',
      });
      expect(task.containers?.[0]).toMatchObject({ name: 'app', image: IMAGE });
    }
    const taskArns = tasks!.map((t) => t.taskArn!);
    const running = await waitFor(
      'both tasks to run',
      async () => (await ecs.send(new DescribeTasksCommand({ cluster, tasks: taskArns }))).tasks,
      (list) => list?.every((t) => t.lastStatus === 'RUNNING') === true,
      { timeoutMs: 20_000 },
    );
    for (const task of running!) {
      expect(task.startedAt).toBeInstanceOf(Date);
      expect(task.containers?.[0]?.networkBindings?.[0]?.hostPort).toBeGreaterThanOrEqual(49153);
    }

    const listed = await ecs.send(new ListTasksCommand({ cluster, startedBy: 'wire-test' }));
    expect(listed.taskArns?.sort()).toEqual(tasks!.map((t) => t.taskArn).sort());
    const onInstance = await ecs.send(
      new ListTasksCommand({ cluster, containerInstance: instances[0] }),
    );
    expect(onInstance.taskArns).toEqual([]);
    const byFamily = await ecs.send(new ListTasksCommand({ cluster, family, maxResults: 1 }));
    expect(byFamily.taskArns).toHaveLength(1);
    expect(byFamily.nextToken).toBeTruthy();

    const { containerInstances } = await ecs.send(
      new DescribeContainerInstancesCommand({ cluster, containerInstances: [instances[1]!] }),
    );
    expect(containerInstances?.[0]?.runningTasksCount).toBe(2);
    expect(
      containerInstances?.[0]?.remainingResources?.find((r) => r.name === 'MEMORY')?.integerValue,
    ).toBe(3904 - 200);

    const taskId = tasks![0]!.taskArn!.split('/').at(-1)!;
    const { task } = await ecs.send(
      new StopTaskCommand({ cluster, task: taskId, reason: 'wire test' }),
    );
    expect(task).toMatchObject({
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'wire test',
    });
    await waitFor(
      'the stopped task to reach STOPPED',
      async () =>
        (await ecs.send(new DescribeTasksCommand({ cluster, tasks: [tasks![0]!.taskArn!] })))
          .tasks?.[0],
      (t) => t?.lastStatus === 'STOPPED',
      { timeoutMs: 40_000 },
    );
    const stopped = await ecs.send(new ListTasksCommand({ cluster, desiredStatus: 'STOPPED' }));
    expect(stopped.taskArns).toContain(tasks![0]!.taskArn);
    const described = await ecs.send(
      new DescribeTasksCommand({
        cluster,
        tasks: [tasks![0]!.taskArn!, '0123456789abcdef0123456789abcdef'],
      }),
    );
    expect(described.tasks?.[0]?.stoppedAt).toBeInstanceOf(Date);
    expect(described.failures).toEqual([
      {
        arn: `arn:aws:ecs:us-east-1:123456789012:task/${cluster}/0123456789abcdef0123456789abcdef`,
        reason: 'MISSING',
      },
    ]);
  });

  it('reports a placement failure when no instance satisfies the constraint', async () => {
    const { tasks, failures } = await ecs.send(
      new RunTaskCommand({
        cluster,
        taskDefinition: family,
        placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == nowhere' }],
      }),
    );
    expect(tasks).toEqual([]);
    expect(failures).toHaveLength(1);
  });

  it('starts a task on a chosen instance', async () => {
    const { tasks, failures } = await ecs.send(
      new StartTaskCommand({
        cluster,
        taskDefinition: family,
        containerInstances: [instances[0]!],
        group: 'batch',
      }),
    );
    expect(failures).toEqual([]);
    expect(tasks?.[0]).toMatchObject({
      containerInstanceArn: instances[0],
      group: 'batch',
      desiredStatus: 'RUNNING',
    });
  });

  it('rejects a bad task ARN and an unknown task', async () => {
    await expect(
      ecs.send(new StopTaskCommand({ cluster, task: 'ffffffffffffffffffffffffffffffff' })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(
      ecs.send(
        new DescribeTasksCommand({
          cluster,
          tasks: Array.from({ length: 101 }, (_, i) => String(i)),
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('tags', () => {
  it('tags, lists and untags a cluster, a service and a task definition', async () => {
    const { services } = await ecs.send(
      new DescribeServicesCommand({ cluster, services: ['web'] }),
    );
    const resources = [
      `arn:aws:ecs:us-east-1:123456789012:cluster/${cluster}`,
      services![0]!.serviceArn!,
      `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:1`,
      instances[0]!,
    ];
    for (const resourceArn of resources) {
      await ecs.send(
        new TagResourceCommand({
          resourceArn,
          tags: [
            { key: 'env', value: 'lab' },
            { key: 'owner', value: 'me' },
          ],
        }),
      );
      await ecs.send(new UntagResourceCommand({ resourceArn, tagKeys: ['owner'] }));
      const { tags } = await ecs.send(new ListTagsForResourceCommand({ resourceArn }));
      expect(tags).toEqual([{ key: 'env', value: 'lab' }]);
    }
    await expect(
      ecs.send(
        new ListTagsForResourceCommand({
          resourceArn: `arn:aws:ecs:us-east-1:123456789012:service/${cluster}/nope`,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});
