// Clusters, container instances and attributes through the AWS SDK for JavaScript v3, against the shared lab.
import {
  ClusterContainsContainerInstancesException,
  CreateClusterCommand,
  DeleteAttributesCommand,
  DeleteClusterCommand,
  DeregisterContainerInstanceCommand,
  DescribeClustersCommand,
  DescribeContainerInstancesCommand,
  ECSClient,
  ListAttributesCommand,
  ListClustersCommand,
  ListContainerInstancesCommand,
  PutAttributesCommand,
  RegisterContainerInstanceCommand,
  paginateListAttributes,
  paginateListClusters,
} from '@aws-sdk/client-ecs';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { labClients } from './support/clients';

let ecs: ECSClient;
let ssm: SSMClient;
const ACCOUNT = '123456789012';

beforeAll(() => {
  ({ ecs, ssm } = labClients(inject('labEndpoint')));
});

async function newCluster(instances: number) {
  const clusterName = `ci-${Math.random().toString(36).slice(2, 10)}`;
  await ecs.send(new CreateClusterCommand({ clusterName }));
  const arns: string[] = [];
  for (let i = 0; i < instances; i++) {
    const { containerInstance } = await ecs.send(
      new RegisterContainerInstanceCommand({ cluster: clusterName }),
    );
    arns.push(containerInstance!.containerInstanceArn!);
  }
  return { clusterName, arns };
}

describe('the seeded cluster', () => {
  it('holds anywhere-lab with three external instances that look like ECS Anywhere ones', async () => {
    const { clusters } = await ecs.send(
      new DescribeClustersCommand({ clusters: ['anywhere-lab'], include: ['STATISTICS', 'TAGS'] }),
    );
    expect(clusters?.[0]).toMatchObject({
      clusterArn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/anywhere-lab`,
      clusterName: 'anywhere-lab',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 3,
      activeServicesCount: expect.any(Number),
    });
    const { containerInstanceArns = [] } = await ecs.send(
      new ListContainerInstancesCommand({ cluster: 'anywhere-lab' }),
    );
    expect(containerInstanceArns).toHaveLength(3);
    for (const arn of containerInstanceArns) {
      expect(arn).toMatch(
        new RegExp(
          `^arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/anywhere-lab/[0-9a-f]{32}$`,
        ),
      );
    }
    const { containerInstances = [] } = await ecs.send(
      new DescribeContainerInstancesCommand({
        cluster: 'anywhere-lab',
        containerInstances: containerInstanceArns,
      }),
    );
    for (const instance of containerInstances) {
      expect(instance.ec2InstanceId).toMatch(/^mi-[0-9a-f]{17}$/);
      expect(instance.agentConnected).toBe(true);
      expect(instance.status).toBe('ACTIVE');
      expect(instance.registeredAt).toBeInstanceOf(Date);
      expect(instance.versionInfo?.agentVersion).toBeTruthy();
      const names = instance.attributes!.map((a) => a.name);
      expect(names).toEqual(
        expect.arrayContaining(['ecs.capability.external', 'ecs.os-type', 'ecs.cpu-architecture']),
      );
      expect(instance.attributes!.find((a) => a.name === 'ecs.os-type')?.value).toBe('linux');
      const cpu = instance.registeredResources!.find((r) => r.name === 'CPU');
      expect(cpu?.integerValue).toBe(2048);
      expect(instance.registeredResources!.find((r) => r.name === 'PORTS')?.stringSetValue).toEqual(
        expect.arrayContaining(['22', '2375', '2376', '51678', '51679']),
      );
      expect(
        instance.remainingResources!.find((r) => r.name === 'MEMORY')?.integerValue,
      ).toBeGreaterThan(0);
    }
    const ids = containerInstances.map((i) => i.ec2InstanceId!);
    const { InstanceInformationList = [] } = await ssm.send(
      new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: ids }] }),
    );
    expect(InstanceInformationList.map((i) => i.IPAddress).sort()).toEqual([
      '127.0.0.11',
      '127.0.0.12',
      '127.0.0.13',
    ]);
    expect(InstanceInformationList.every((i) => i.PingStatus === 'Online')).toBe(true);
  });
});

describe('clusters', () => {
  it('creates, lists, describes by name and ARN, and deletes a cluster', async () => {
    const { cluster } = await ecs.send(
      new CreateClusterCommand({
        clusterName: 'wire-clusters',
        tags: [{ key: 'team', value: 'lab' }],
      }),
    );
    expect(cluster).toMatchObject({
      clusterName: 'wire-clusters',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
    });
    const again = await ecs.send(new CreateClusterCommand({ clusterName: 'wire-clusters' }));
    expect(again.cluster?.clusterArn).toBe(cluster?.clusterArn);

    const described = await ecs.send(
      new DescribeClustersCommand({
        clusters: [cluster!.clusterArn!, 'no-such-cluster'],
        include: ['TAGS'],
      }),
    );
    expect(described.clusters?.[0]?.tags).toEqual([{ key: 'team', value: 'lab' }]);
    expect(described.failures).toEqual([
      { arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:cluster/no-such-cluster`, reason: 'MISSING' },
    ]);

    const { clusterArns } = await ecs.send(new ListClustersCommand({}));
    expect(clusterArns).toContain(cluster!.clusterArn);

    const deleted = await ecs.send(new DeleteClusterCommand({ cluster: 'wire-clusters' }));
    expect(deleted.cluster?.status).toBe('INACTIVE');
    const { clusterArns: after } = await ecs.send(new ListClustersCommand({}));
    expect(after).not.toContain(cluster!.clusterArn);
    await expect(
      ecs.send(new DeleteClusterCommand({ cluster: 'wire-clusters' })),
    ).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('pages ListClusters with maxResults and nextToken', async () => {
    for (let i = 0; i < 5; i++)
      await ecs.send(new CreateClusterCommand({ clusterName: `wire-page-${i}` }));
    const pages: string[][] = [];
    for await (const page of paginateListClusters({ client: ecs, pageSize: 2 }, {})) {
      pages.push(page.clusterArns ?? []);
    }
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    const all = pages.flat();
    expect(new Set(all).size).toBe(all.length);
    for (let i = 0; i < 5; i++)
      expect(all.some((arn) => arn.endsWith(`cluster/wire-page-${i}`))).toBe(true);
  });

  it('refuses to delete a cluster with instances, then deletes it after force-deregistering them', async () => {
    const { clusterName, arns } = await newCluster(1);
    await expect(
      ecs.send(new DeleteClusterCommand({ cluster: clusterName })),
    ).rejects.toBeInstanceOf(ClusterContainsContainerInstancesException);
    const { containerInstance } = await ecs.send(
      new DeregisterContainerInstanceCommand({
        cluster: clusterName,
        containerInstance: arns[0]!,
        force: true,
      }),
    );
    expect(containerInstance?.status).toBe('INACTIVE');
    const { cluster } = await ecs.send(new DeleteClusterCommand({ cluster: clusterName }));
    expect(cluster?.status).toBe('INACTIVE');
  });
});

describe('container instances', () => {
  it('registers, describes by id and ARN with failures for unknown ids, lists with status and filter', async () => {
    const { clusterName, arns } = await newCluster(3);
    const ids = arns.map((arn) => arn.split('/').at(-1)!);
    const { containerInstances, failures } = await ecs.send(
      new DescribeContainerInstancesCommand({
        cluster: clusterName,
        containerInstances: [ids[0]!, arns[1]!, '0123456789abcdef0123456789abcdef'],
      }),
    );
    expect(containerInstances?.map((i) => i.containerInstanceArn)).toEqual([arns[0], arns[1]]);
    expect(failures).toEqual([
      {
        arn: `arn:aws:ecs:us-east-1:${ACCOUNT}:container-instance/${clusterName}/0123456789abcdef0123456789abcdef`,
        reason: 'MISSING',
      },
    ]);

    await ecs.send(
      new PutAttributesCommand({
        cluster: clusterName,
        attributes: [
          {
            name: 'role',
            value: 'webserver',
            targetType: 'container-instance',
            targetId: arns[2]!,
          },
        ],
      }),
    );
    const filtered = await ecs.send(
      new ListContainerInstancesCommand({
        cluster: clusterName,
        filter: 'attribute:role == webserver',
      }),
    );
    expect(filtered.containerInstanceArns).toEqual([arns[2]]);
    const notFiltered = await ecs.send(
      new ListContainerInstancesCommand({
        cluster: clusterName,
        filter: 'attribute:ecs.os-type == linux',
      }),
    );
    expect(notFiltered.containerInstanceArns).toHaveLength(3);

    await ecs.send(
      new DeregisterContainerInstanceCommand({ cluster: clusterName, containerInstance: ids[0]! }),
    );
    const active = await ecs.send(
      new ListContainerInstancesCommand({ cluster: clusterName, status: 'ACTIVE' }),
    );
    expect(active.containerInstanceArns).toEqual([arns[1], arns[2]]);
    const paged = await ecs.send(
      new ListContainerInstancesCommand({ cluster: clusterName, maxResults: 1 }),
    );
    expect(paged.containerInstanceArns).toEqual([arns[1]]);
    const next = await ecs.send(
      new ListContainerInstancesCommand({
        cluster: clusterName,
        maxResults: 1,
        nextToken: paged.nextToken,
      }),
    );
    expect(next.containerInstanceArns).toEqual([arns[2]]);
    expect(next.nextToken).toBeUndefined();
  });

  it('rejects an unknown cluster with ClusterNotFoundException', async () => {
    await expect(
      ecs.send(new ListContainerInstancesCommand({ cluster: 'nope' })),
    ).rejects.toMatchObject({
      name: 'ClusterNotFoundException',
    });
  });
});

describe('attributes', () => {
  it('puts, lists with name/value filters, pages, and deletes custom attributes', async () => {
    const { clusterName, arns } = await newCluster(2);
    for (const [index, arn] of arns.entries()) {
      const { attributes } = await ecs.send(
        new PutAttributesCommand({
          cluster: clusterName,
          attributes: [
            {
              name: 'role',
              value: index === 0 ? 'loadbalancer' : 'webserver',
              targetType: 'container-instance',
              targetId: arn,
            },
            { name: 'zone', value: 'rack-1', targetId: arn },
          ],
        }),
      );
      expect(attributes).toHaveLength(2);
    }
    const roles = await ecs.send(
      new ListAttributesCommand({
        cluster: clusterName,
        targetType: 'container-instance',
        attributeName: 'role',
      }),
    );
    expect(roles.attributes?.map((a) => [a.value, a.targetId])).toEqual([
      ['loadbalancer', arns[0]],
      ['webserver', arns[1]],
    ]);
    const webservers = await ecs.send(
      new ListAttributesCommand({
        cluster: clusterName,
        targetType: 'container-instance',
        attributeName: 'role',
        attributeValue: 'webserver',
      }),
    );
    expect(webservers.attributes?.map((a) => a.targetId)).toEqual([arns[1]]);

    const all = [];
    for await (const page of paginateListAttributes(
      { client: ecs, pageSize: 7 },
      { cluster: clusterName, targetType: 'container-instance' },
    )) {
      expect(page.attributes!.length).toBeLessThanOrEqual(7);
      all.push(...page.attributes!);
    }
    expect(all.filter((a) => a.name === 'zone')).toHaveLength(2);
    expect(all.filter((a) => a.name === 'ecs.os-type')).toHaveLength(2);

    await ecs.send(
      new DeleteAttributesCommand({
        cluster: clusterName,
        attributes: [{ name: 'role', targetId: arns[0]! }],
      }),
    );
    const after = await ecs.send(
      new ListAttributesCommand({
        cluster: clusterName,
        targetType: 'container-instance',
        attributeName: 'role',
      }),
    );
    expect(after.attributes?.map((a) => a.targetId)).toEqual([arns[1]]);
  });

  it('rejects an unknown target with TargetNotFoundException', async () => {
    const { clusterName } = await newCluster(0);
    await expect(
      ecs.send(
        new PutAttributesCommand({
          cluster: clusterName,
          attributes: [{ name: 'role', value: 'x', targetId: 'ffffffffffffffffffffffffffffffff' }],
        }),
      ),
    ).rejects.toMatchObject({ name: 'TargetNotFoundException' });
  });
});
