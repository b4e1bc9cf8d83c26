// State survives a restart (and a SIGKILL shortly after a change); --reset starts from a fresh seeded cluster.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateClusterCommand,
  DescribeClustersCommand,
  ListAttributesCommand,
  ListContainerInstancesCommand,
  PutAttributesCommand,
  RegisterTaskDefinitionCommand,
  DescribeTaskDefinitionCommand,
} from '@aws-sdk/client-ecs';
import { afterAll, describe, expect, it } from 'vitest';
import { startLab } from './lab-process';
import { labClients } from './support/clients';

const dataDir = mkdtempSync(path.join(tmpdir(), 'anywhere-lab-persist-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const env = { LAB_ADDRESS_PREFIX: '127.0.13.' };

async function roles(endpoint: string) {
  const { ecs } = labClients(endpoint);
  const { attributes = [] } = await ecs.send(
    new ListAttributesCommand({
      cluster: 'anywhere-lab',
      targetType: 'container-instance',
      attributeName: 'role',
    }),
  );
  return attributes.map((a) => [a.targetId, a.value]);
}

describe('persistence', () => {
  it('keeps clusters, attributes and task definitions across a restart and a kill, and --reset empties it', async () => {
    const first = await startLab({ dataDir, env });
    const { ecs } = labClients(first.endpoint);
    const { containerInstanceArns = [] } = await ecs.send(
      new ListContainerInstancesCommand({ cluster: 'anywhere-lab' }),
    );
    await ecs.send(
      new PutAttributesCommand({
        cluster: 'anywhere-lab',
        attributes: [{ name: 'role', value: 'loadbalancer', targetId: containerInstanceArns[0]! }],
      }),
    );
    await ecs.send(new CreateClusterCommand({ clusterName: 'kept' }));
    await ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'Kept',
        containerDefinitions: [{ name: 'app', image: 'traefik/whoami', memory: 64 }],
      }),
    );
    const rolesBefore = await roles(first.endpoint);
    await first.stop();

    const second = await startLab({ dataDir, env });
    const again = labClients(second.endpoint).ecs;
    expect(await roles(second.endpoint)).toEqual(rolesBefore);
    expect(
      (await again.send(new ListContainerInstancesCommand({ cluster: 'anywhere-lab' })))
        .containerInstanceArns,
    ).toEqual(containerInstanceArns);
    expect(
      (await again.send(new DescribeClustersCommand({ clusters: ['kept'] }))).clusters?.[0]?.status,
    ).toBe('ACTIVE');
    // A change, then SIGKILL once the debounced snapshot (≤100 ms) is written: it is there on the next start.
    await again.send(new CreateClusterCommand({ clusterName: 'after-kill' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    second.process.kill('SIGKILL');
    await new Promise((resolve) => second.process.once('exit', resolve));
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const third = await startLab({ dataDir, env });
    const thirdEcs = labClients(third.endpoint).ecs;
    expect(
      (await thirdEcs.send(new DescribeClustersCommand({ clusters: ['after-kill'] }))).clusters,
    ).toHaveLength(1);
    expect(
      (await thirdEcs.send(new DescribeTaskDefinitionCommand({ taskDefinition: 'Kept' })))
        .taskDefinition?.revision,
    ).toBe(1);
    await third.stop();

    const reset = await startLab({ dataDir, env, args: ['--reset'] });
    const fresh = labClients(reset.endpoint).ecs;
    expect(await roles(reset.endpoint)).toEqual([]);
    const { clusters, failures } = await fresh.send(
      new DescribeClustersCommand({ clusters: ['anywhere-lab', 'kept'] }),
    );
    expect(clusters?.map((c) => [c.clusterName, c.registeredContainerInstancesCount])).toEqual([
      ['anywhere-lab', 3],
    ]);
    expect(failures?.map((f) => f.reason)).toEqual(['MISSING']);
    const newArns = (
      await fresh.send(new ListContainerInstancesCommand({ cluster: 'anywhere-lab' }))
    ).containerInstanceArns;
    expect(newArns).not.toEqual(containerInstanceArns);
    await reset.stop();
  });

  it('stops with a message naming a bad environment variable', async () => {
    await expect(startLab({ env: { LAB_INSTANCES: 'many' } })).rejects.toThrow(/LAB_INSTANCES/);
    await expect(startLab({ env: { LAB_REGION: 'mars' } })).rejects.toThrow(/LAB_REGION/);
  });
});
