// SSM through the AWS SDK: DescribeInstanceInformation filters and paging, activations.
import {
  CreateActivationCommand,
  DeleteActivationCommand,
  DescribeActivationsCommand,
  DescribeInstanceInformationCommand,
  SSMClient,
  paginateDescribeInstanceInformation,
} from '@aws-sdk/client-ssm';
import {
  CreateClusterCommand,
  ECSClient,
  RegisterContainerInstanceCommand,
} from '@aws-sdk/client-ecs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { labClients } from './support/clients';

let ssm: SSMClient;
let ecs: ECSClient;
beforeAll(() => {
  ({ ssm, ecs } = labClients(inject('labEndpoint')));
});

describe('DescribeInstanceInformation', () => {
  it('describes managed instances with the fields Traefik and the console read', async () => {
    const { InstanceInformationList = [] } = await ssm.send(
      new DescribeInstanceInformationCommand({}),
    );
    expect(InstanceInformationList.length).toBeGreaterThanOrEqual(3);
    const first = InstanceInformationList.find((i) => i.IPAddress === '127.0.0.11');
    expect(first).toMatchObject({
      InstanceId: expect.stringMatching(/^mi-[0-9a-f]{17}$/),
      PingStatus: 'Online',
      ResourceType: 'ManagedInstance',
      PlatformType: 'Linux',
      ComputerName: expect.any(String),
      AgentVersion: expect.any(String),
      ActivationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      IamRole: expect.any(String),
    });
    expect(first?.LastPingDateTime).toBeInstanceOf(Date);
    expect(first?.RegistrationDate).toBeInstanceOf(Date);
  });

  it('filters by InstanceIds, PingStatus and ResourceType, old and new filter styles', async () => {
    const { InstanceInformationList: all = [] } = await ssm.send(
      new DescribeInstanceInformationCommand({}),
    );
    const id = all[1]!.InstanceId!;
    const byId = await ssm.send(
      new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [id] }] }),
    );
    expect(byId.InstanceInformationList?.map((i) => i.InstanceId)).toEqual([id]);
    const old = await ssm.send(
      new DescribeInstanceInformationCommand({
        InstanceInformationFilterList: [{ key: 'InstanceIds', valueSet: [id] }],
      }),
    );
    expect(old.InstanceInformationList?.map((i) => i.InstanceId)).toEqual([id]);
    const lost = await ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'PingStatus', Values: ['ConnectionLost'] }],
      }),
    );
    expect(lost.InstanceInformationList).toEqual([]);
    const managed = await ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [
          { Key: 'ResourceType', Values: ['ManagedInstance'] },
          { Key: 'PingStatus', Values: ['Online'] },
        ],
      }),
    );
    expect(managed.InstanceInformationList).toHaveLength(all.length);
    await expect(
      ssm.send(
        new DescribeInstanceInformationCommand({ Filters: [{ Key: 'Bogus', Values: ['x'] }] }),
      ),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  it('pages with MaxResults 5..50 and rejects values outside it and bad tokens', async () => {
    const cluster = `ssm-${Date.now()}`;
    await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
    for (let i = 0; i < 4; i++) await ecs.send(new RegisterContainerInstanceCommand({ cluster }));
    const ids: string[] = [];
    for await (const page of paginateDescribeInstanceInformation(
      { client: ssm, pageSize: 5 },
      {},
    )) {
      expect(page.InstanceInformationList!.length).toBeLessThanOrEqual(5);
      ids.push(...page.InstanceInformationList!.map((i) => i.InstanceId!));
    }
    expect(ids.length).toBeGreaterThanOrEqual(7);
    expect(new Set(ids).size).toBe(ids.length);
    await expect(
      ssm.send(new DescribeInstanceInformationCommand({ MaxResults: 4 })),
    ).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(
      ssm.send(new DescribeInstanceInformationCommand({ NextToken: 'garbage' })),
    ).rejects.toMatchObject({
      name: 'InvalidNextToken',
    });
  });
});

describe('activations', () => {
  it('creates, describes and deletes an activation', async () => {
    const created = await ssm.send(
      new CreateActivationCommand({
        IamRole: 'ECSAnywhereRole',
        RegistrationLimit: 5,
        DefaultInstanceName: 'edge',
      }),
    );
    expect(created.ActivationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(created.ActivationCode).toMatch(/^[A-Za-z0-9]{20}$/);
    const { ActivationList = [] } = await ssm.send(
      new DescribeActivationsCommand({
        Filters: [{ FilterKey: 'ActivationIds', FilterValues: [created.ActivationId!] }],
      }),
    );
    expect(ActivationList).toHaveLength(1);
    const activation = ActivationList[0]!;
    expect(activation).toMatchObject({
      IamRole: 'ECSAnywhereRole',
      RegistrationLimit: 5,
      RegistrationsCount: 0,
      DefaultInstanceName: 'edge',
      Expired: false,
    });
    const hours =
      (activation.ExpirationDate!.getTime() - activation.CreatedDate!.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 1);
    await ssm.send(new DeleteActivationCommand({ ActivationId: created.ActivationId }));
    await expect(
      ssm.send(new DeleteActivationCommand({ ActivationId: created.ActivationId })),
    ).rejects.toMatchObject({
      name: 'InvalidActivationId',
    });
  });
});
