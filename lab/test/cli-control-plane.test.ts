// The scenario's AWS CLI steps against a fresh lab's control plane: roles, task definitions, services, clean-up.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from './lab-process';
import { awsCli } from './support/aws-cli';
import { waitFor } from './support/wait';

const CLUSTER = 'anywhere-lab';
const fixtures = path.join(import.meta.dirname, 'fixtures');

let lab: RunningLab;
let aws: ReturnType<typeof awsCli>;
let instanceArns: string[];

interface CliService {
  serviceName: string;
  status: string;
  desiredCount: number;
  launchType: string;
  taskDefinition: string;
  deployments: { status: string; id: string }[];
}

beforeAll(async () => {
  lab = await startLab({ env: { LAB_ADDRESS_PREFIX: '127.0.12.' } });
  aws = awsCli(lab.endpoint);
});
afterAll(async () => lab?.stop());

describe('the scenario with the AWS CLI (control plane)', () => {
  it('lists three instances and assigns roles with put-attributes', async () => {
    const { json } = await aws<{ containerInstanceArns: string[] }>(
      'ecs',
      'list-container-instances',
      '--cluster',
      CLUSTER,
    );
    instanceArns = json.containerInstanceArns;
    expect(instanceArns).toHaveLength(3);
    const [lb, ...web] = instanceArns;
    const { json: put } = await aws<{
      attributes: { name: string; value: string; targetId: string }[];
    }>(
      'ecs',
      'put-attributes',
      '--cluster',
      CLUSTER,
      '--attributes',
      `name=role,value=loadbalancer,targetType=container-instance,targetId=${lb}`,
    );
    expect(put.attributes).toEqual([
      { name: 'role', value: 'loadbalancer', targetType: 'container-instance', targetId: lb },
    ]);
    for (const arn of web) {
      await aws(
        'ecs',
        'put-attributes',
        '--cluster',
        CLUSTER,
        '--attributes',
        `name=role,value=webserver,targetType=container-instance,targetId=${arn}`,
      );
    }
    const { json: listed } = await aws<{ attributes: { value: string; targetId: string }[] }>(
      'ecs',
      'list-attributes',
      '--cluster',
      CLUSTER,
      '--target-type',
      'container-instance',
      '--attribute-name',
      'role',
    );
    expect(listed.attributes.map((a) => a.value).sort()).toEqual([
      'loadbalancer',
      'webserver',
      'webserver',
    ]);
    const { json: filtered } = await aws<{ containerInstanceArns: string[] }>(
      'ecs',
      'list-container-instances',
      '--cluster',
      CLUSTER,
      '--filter',
      'attribute:role == webserver',
    );
    expect(filtered.containerInstanceArns.sort()).toEqual([...web].sort());
  });

  it('registers both task definitions from the scenario JSON', async () => {
    for (const family of ['LoadBalancer', 'Whoami']) {
      const { json } = await aws<{
        taskDefinition: {
          family: string;
          revision: number;
          status: string;
          placementConstraints: unknown[];
        };
      }>(
        'ecs',
        'register-task-definition',
        '--cli-input-json',
        `file://${path.join(fixtures, `task-definition-${family}.json`)}`,
      );
      expect(json.taskDefinition).toMatchObject({ family, revision: 1, status: 'ACTIVE' });
      expect(json.taskDefinition.placementConstraints).toHaveLength(1);
    }
    const { json } = await aws<{
      taskDefinition: { containerDefinitions: { dockerLabels: Record<string, string> }[] };
    }>('ecs', 'describe-task-definition', '--task-definition', 'Whoami');
    expect(
      json.taskDefinition.containerDefinitions[0]!.dockerLabels[
        'traefik.http.routers.whoami-path.rule'
      ],
    ).toBe('Path(`/whoami`)');
  });

  it('creates and describes both services', async () => {
    for (const [name, count] of [
      ['LoadBalancer', 1],
      ['Whoami', 4],
    ] as const) {
      const { json } = await aws<{ service: CliService }>(
        'ecs',
        'create-service',
        '--cluster',
        CLUSTER,
        '--service-name',
        name,
        '--task-definition',
        name,
        '--desired-count',
        String(count),
        '--launch-type',
        'EXTERNAL',
      );
      expect(json.service).toMatchObject({
        serviceName: name,
        status: 'ACTIVE',
        desiredCount: count,
        launchType: 'EXTERNAL',
      });
      expect(json.service.taskDefinition).toBe(
        `arn:aws:ecs:us-east-1:123456789012:task-definition/${name}:1`,
      );
      expect(json.service.deployments[0]!.status).toBe('PRIMARY');
    }
    const { json } = await aws<{ services: CliService[]; failures: unknown[] }>(
      'ecs',
      'describe-services',
      '--cluster',
      CLUSTER,
      '--services',
      'LoadBalancer',
      'Whoami',
    );
    expect(json.services.map((s) => [s.serviceName, s.desiredCount])).toEqual([
      ['LoadBalancer', 1],
      ['Whoami', 4],
    ]);
    expect(json.failures).toEqual([]);
  });

  it('cleans up: scale to 0, delete services, deregister definitions and instances, delete the cluster', async () => {
    const { json: blocked } = await aws<{ cluster: unknown }>(
      'ecs',
      'delete-cluster',
      '--cluster',
      CLUSTER,
    ).catch((error: Error) => ({ json: { error: error.message } }));
    expect(JSON.stringify(blocked)).toMatch(/ClusterContains/);
    for (const service of ['Whoami', 'LoadBalancer']) {
      const { json: updated } = await aws<{ service: CliService }>(
        'ecs',
        'update-service',
        '--cluster',
        CLUSTER,
        '--service',
        service,
        '--desired-count',
        '0',
      );
      expect(updated.service.desiredCount).toBe(0);
      const { json } = await aws<{ service: CliService }>(
        'ecs',
        'delete-service',
        '--cluster',
        CLUSTER,
        '--service',
        service,
      );
      expect(json.service.status).toBe('DRAINING');
    }
    for (const family of ['LoadBalancer', 'Whoami']) {
      const { json } = await aws<{ taskDefinition: { status: string } }>(
        'ecs',
        'deregister-task-definition',
        '--task-definition',
        `${family}:1`,
      );
      expect(json.taskDefinition.status).toBe('INACTIVE');
    }
    for (const arn of instanceArns) {
      const { json } = await aws<{ containerInstance: { status: string } }>(
        'ecs',
        'deregister-container-instance',
        '--cluster',
        CLUSTER,
        '--container-instance',
        arn,
        '--force',
      );
      expect(json.containerInstance.status).toBe('INACTIVE');
    }
    // The drained services turn INACTIVE shortly after (and stay describable); then the cluster can go.
    const drained = await waitFor(
      'both services INACTIVE',
      async () =>
        (
          await aws<{ services: CliService[] }>(
            'ecs',
            'describe-services',
            '--cluster',
            CLUSTER,
            '--services',
            'Whoami',
            'LoadBalancer',
          )
        ).json.services,
      (list) => list.length === 2 && list.every((s) => s.status === 'INACTIVE'),
      { timeoutMs: 10_000 },
    );
    expect(drained.map((s) => s.serviceName)).toEqual(['Whoami', 'LoadBalancer']);
    const { json } = await aws<{ cluster: { status: string } }>(
      'ecs',
      'delete-cluster',
      '--cluster',
      CLUSTER,
    );
    expect(json.cluster.status).toBe('INACTIVE');
    const { json: clusters } = await aws<{ clusterArns: string[] }>('ecs', 'list-clusters');
    expect(clusters.clusterArns).toEqual([]);
  });
});
