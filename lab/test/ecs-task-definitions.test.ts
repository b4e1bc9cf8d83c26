// Task definitions through the AWS SDK: revisions, defaults, describe by family/revision/ARN, listing, ECS's checks.
import {
  DeregisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListTaskDefinitionFamiliesCommand,
  ListTaskDefinitionsCommand,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
  paginateListTaskDefinitions,
} from '@aws-sdk/client-ecs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { labClients } from './support/clients';
import { readFixture } from './support/scenario';

let ecs: ECSClient;
beforeAll(() => {
  ({ ecs } = labClients(inject('labEndpoint')));
});

const simple = (family: string): RegisterTaskDefinitionCommandInput => ({
  family,
  requiresCompatibilities: ['EXTERNAL'],
  containerDefinitions: [{ name: 'app', image: 'traefik/whoami', memory: 64 }],
});

describe('task definitions', () => {
  it('registers the scenario Whoami definition with ECS defaults and a new revision each call', async () => {
    const family = `WhoamiTd${Date.now()}`;
    const first = await ecs.send(
      new RegisterTaskDefinitionCommand({ ...readFixture('Whoami'), family }),
    );
    const second = await ecs.send(
      new RegisterTaskDefinitionCommand({ ...readFixture('Whoami'), family }),
    );
    expect(first.taskDefinition).toMatchObject({
      taskDefinitionArn: `arn:aws:ecs:us-east-1:123456789012:task-definition/${family}:1`,
      family,
      revision: 1,
      status: 'ACTIVE',
      networkMode: 'bridge',
      compatibilities: expect.arrayContaining(['EXTERNAL']),
      requiresCompatibilities: ['EXTERNAL'],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:role == webserver' }],
    });
    expect(first.taskDefinition?.registeredAt).toBeInstanceOf(Date);
    const container = first.taskDefinition!.containerDefinitions![0]!;
    expect(container).toMatchObject({
      name: 'whoami',
      image: 'traefik/whoami',
      memory: 128,
      cpu: 0,
      essential: true,
      portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    });
    expect(container.dockerLabels?.['traefik.http.routers.whoami-host.rule']).toBe(
      'Host(`whoami.domain.com`)',
    );
    expect(second.taskDefinition?.revision).toBe(2);

    const latest = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: family }));
    expect(latest.taskDefinition?.revision).toBe(2);
    const byRevision = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: `${family}:1` }),
    );
    expect(byRevision.taskDefinition?.revision).toBe(1);
    const byArn = await ecs.send(
      new DescribeTaskDefinitionCommand({
        taskDefinition: first.taskDefinition!.taskDefinitionArn!,
      }),
    );
    expect(byArn.taskDefinition?.revision).toBe(1);

    const deregistered = await ecs.send(
      new DeregisterTaskDefinitionCommand({ taskDefinition: `${family}:2` }),
    );
    expect(deregistered.taskDefinition?.status).toBe('INACTIVE');
    const afterDeregister = await ecs.send(
      new DescribeTaskDefinitionCommand({ taskDefinition: family }),
    );
    expect(afterDeregister.taskDefinition?.revision).toBe(1);
    const inactive = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, status: 'INACTIVE' }),
    );
    expect(inactive.taskDefinitionArns).toEqual([deregistered.taskDefinition!.taskDefinitionArn]);
  });

  it('registers the LoadBalancer definition with its task role and static host ports', async () => {
    const { taskDefinition } = await ecs.send(
      new RegisterTaskDefinitionCommand(readFixture('LoadBalancer')),
    );
    expect(taskDefinition?.taskRoleArn).toMatch(/^arn:aws:iam::123456789012:role\//);
    expect(taskDefinition?.containerDefinitions?.[0]?.portMappings?.map((p) => p.hostPort)).toEqual(
      [80, 8080],
    );
    expect(taskDefinition?.requiresAttributes).toEqual(
      expect.arrayContaining([{ name: 'com.amazonaws.ecs.capability.task-iam-role' }]),
    );
  });

  it('lists revisions ASC and DESC with paging, and families by prefix and status', async () => {
    const family = `PageTd${Date.now()}`;
    for (let i = 0; i < 5; i++) await ecs.send(new RegisterTaskDefinitionCommand(simple(family)));
    const ascending: string[] = [];
    for await (const page of paginateListTaskDefinitions(
      { client: ecs, pageSize: 2 },
      { familyPrefix: family },
    )) {
      expect(page.taskDefinitionArns!.length).toBeLessThanOrEqual(2);
      ascending.push(...page.taskDefinitionArns!);
    }
    expect(ascending.map((arn) => Number(arn.split(':').at(-1)))).toEqual([1, 2, 3, 4, 5]);
    const descending = await ecs.send(
      new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', maxResults: 3 }),
    );
    expect(descending.taskDefinitionArns!.map((arn) => Number(arn.split(':').at(-1)))).toEqual([
      5, 4, 3,
    ]);
    expect(descending.nextToken).toBeTruthy();

    const families = await ecs.send(
      new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'PageTd' }),
    );
    expect(families.families).toContain(family);
    for (let i = 1; i <= 5; i++) {
      await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: `${family}:${i}` }));
    }
    const active = await ecs.send(new ListTaskDefinitionFamiliesCommand({ familyPrefix: family }));
    expect(active.families).toEqual([]);
    const inactive = await ecs.send(
      new ListTaskDefinitionFamiliesCommand({ familyPrefix: family, status: 'INACTIVE' }),
    );
    expect(inactive.families).toEqual([family]);
  });

  it.each([
    ['a bad family', { ...simple('bad family!') }, 'ClientException', /Family/],
    [
      'a bad container name',
      { ...simple('Ok'), containerDefinitions: [{ name: 'no spaces', image: 'x', memory: 64 }] },
      'ClientException',
      /name/,
    ],
    [
      'no memory for EXTERNAL',
      { ...simple('Ok'), containerDefinitions: [{ name: 'app', image: 'x' }] },
      'ClientException',
      /memory/,
    ],
    [
      'host mode with differing ports',
      {
        ...simple('Ok'),
        networkMode: 'host' as const,
        containerDefinitions: [
          {
            name: 'app',
            image: 'x',
            memory: 64,
            portMappings: [{ containerPort: 80, hostPort: 81 }],
          },
        ],
      },
      'ClientException',
      /host ports and container ports/,
    ],
    [
      'a port out of range',
      {
        ...simple('Ok'),
        containerDefinitions: [
          { name: 'app', image: 'x', memory: 64, portMappings: [{ containerPort: 70000 }] },
        ],
      },
      'InvalidParameterException',
      /containerPort/,
    ],
    [
      'a bad placement expression',
      {
        ...simple('Ok'),
        placementConstraints: [{ type: 'memberOf' as const, expression: 'attribute:role ==' }],
      },
      'InvalidParameterException',
      /expression/,
    ],
    [
      'eleven placement constraints',
      {
        ...simple('Ok'),
        placementConstraints: Array.from({ length: 11 }, () => ({
          type: 'memberOf' as const,
          expression: 'attribute:role == webserver',
        })),
      },
      'InvalidParameterException',
      /10/,
    ],
  ])('rejects %s', async (_what, input, name, message) => {
    const before = await ecs.send(
      new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'Ok', status: 'ALL' }),
    );
    const error = await ecs.send(new RegisterTaskDefinitionCommand(input)).catch((e: Error) => e);
    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: 400 } });
    expect((error as Error).message).toMatch(message);
    const after = await ecs.send(
      new ListTaskDefinitionFamiliesCommand({ familyPrefix: 'Ok', status: 'ALL' }),
    );
    expect(after.families).toEqual(before.families);
  });

  it('answers ClientException for a task definition that does not exist', async () => {
    await expect(
      ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'NoSuchFamily:9' })),
    ).rejects.toMatchObject({ name: 'ClientException' });
  });
});
