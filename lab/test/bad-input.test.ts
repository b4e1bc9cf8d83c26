// Bad requests get AWS's error names and statuses, never a 500, and leave the lab's state as it was.
import {
  CreateClusterCommand,
  ECSClient,
  RegisterContainerInstanceCommand,
} from '@aws-sdk/client-ecs';
import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { labClients } from './support/clients';
import { ECS_PREFIX, labState, rawPost, signedHeaders, signedPost } from './support/raw-aws';

let endpoint: string;
let ecs: ECSClient;
let cluster: string;
let instanceArn: string;

beforeAll(async () => {
  endpoint = inject('labEndpoint');
  ({ ecs } = labClients(endpoint));
  cluster = `bad-${Date.now()}`;
  await ecs.send(new CreateClusterCommand({ clusterName: cluster }));
  const { containerInstance } = await ecs.send(new RegisterContainerInstanceCommand({ cluster }));
  instanceArn = containerInstance!.containerInstanceArn!;
});

/** The parts of the state these requests could touch: the test's cluster and its resources' tags. */
async function relevantState(): Promise<string> {
  const state = (await labState(endpoint)) as {
    clusters: Record<string, unknown>;
    tags: Record<string, unknown>;
  };
  const tags = Object.entries(state.tags).filter(([arn]) => arn.includes(`/${cluster}`));
  return JSON.stringify([state.clusters[cluster], state.clusters['should-not-exist'], tags]);
}

let before: string;
beforeEach(async () => {
  before = await relevantState();
});
afterEach(async () => {
  expect(await relevantState()).toBe(before);
});

const ecsCall = (op: string, input: unknown, options = {}) =>
  signedPost(endpoint, `${ECS_PREFIX}.${op}`, JSON.stringify(input), options);

describe('signatures', () => {
  const body = JSON.stringify({ clusterName: 'should-not-exist' });
  const target = `${ECS_PREFIX}.CreateCluster`;

  it('rejects an unsigned request with MissingAuthenticationToken', async () => {
    const reply = await rawPost(
      endpoint,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body,
    );
    expect(reply).toMatchObject({ status: 403, body: { __type: 'MissingAuthenticationToken' } });
  });

  it('rejects a wrong secret with InvalidSignatureException', async () => {
    const reply = await signedPost(endpoint, target, body, { secretAccessKey: 'not-the-secret' });
    expect(reply).toMatchObject({ status: 400, body: { __type: 'InvalidSignatureException' } });
  });

  it('rejects an unknown access key with UnrecognizedClientException', async () => {
    const reply = await signedPost(endpoint, target, body, { accessKeyId: 'AKIDUNKNOWN' });
    expect(reply).toMatchObject({ status: 400, body: { __type: 'UnrecognizedClientException' } });
  });

  it('rejects an unknown session token with UnrecognizedClientException', async () => {
    const reply = await signedPost(endpoint, target, body, { sessionToken: 'made-up' });
    expect(reply.body.__type).toBe('UnrecognizedClientException');
  });

  it('rejects a truncated Authorization header with IncompleteSignature', async () => {
    const headers = await signedHeaders(endpoint, target, body);
    headers.authorization = headers.authorization!.slice(0, 60);
    const reply = await rawPost(endpoint, headers, body);
    expect(reply).toMatchObject({ status: 400, body: { __type: 'IncompleteSignature' } });
  });

  it('rejects a body changed after signing', async () => {
    const headers = await signedHeaders(endpoint, target, body);
    const reply = await rawPost(endpoint, headers, JSON.stringify({ clusterName: 'tampered' }));
    expect(reply.body.__type).toBe('InvalidSignatureException');
  });

  it('rejects the wrong signing name and region', async () => {
    expect((await signedPost(endpoint, target, body, { service: 'ssm' })).body.__type).toBe(
      'InvalidSignatureException',
    );
    expect((await signedPost(endpoint, target, body, { region: 'eu-west-1' })).body.__type).toBe(
      'InvalidSignatureException',
    );
  });

  it('allows 15 minutes of clock skew and no more', async () => {
    const ok = await signedPost(endpoint, `${ECS_PREFIX}.ListClusters`, '{}', {
      signingDate: new Date(Date.now() - 10 * 60_000),
    });
    expect(ok.status).toBe(200);
    const late = await signedPost(endpoint, target, body, {
      signingDate: new Date(Date.now() - 20 * 60_000),
    });
    expect(late.body.__type).toBe('InvalidSignatureException');
    expect(late.body.message).toMatch(/Signature expired/);
  });
});

describe('the wire format', () => {
  it('answers UnknownOperationException for an unknown target', async () => {
    const reply = await ecsCall('LaunchRockets', {});
    expect(reply).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
    const foreign = await signedPost(endpoint, 'DynamoDB_20120810.ListTables', '{}');
    expect(foreign).toMatchObject({ status: 400, body: { __type: 'UnknownOperationException' } });
  });

  it('answers SerializationException for malformed JSON and non-object bodies', async () => {
    for (const text of ['{"clusterName":', '[1,2]', '"x"']) {
      const reply = await signedPost(endpoint, `${ECS_PREFIX}.CreateCluster`, text);
      expect(reply).toMatchObject({ status: 400, body: { __type: 'SerializationException' } });
    }
  });

  it('answers 413 for a body over 1 MiB', async () => {
    const reply = await ecsCall('CreateCluster', { clusterName: 'x'.repeat(1024 * 1024 + 10) });
    expect(reply.status).toBe(413);
  });

  it.each([
    ['a wrong type', 'CreateCluster', { clusterName: 5 }],
    ['a missing required member', 'PutAttributes', { cluster: 'x' }],
    ['a negative desired count', 'UpdateService', { service: 'x', desiredCount: -1 }],
    [
      'too many services',
      'DescribeServices',
      { services: Array.from({ length: 11 }, (_, i) => `s${i}`) },
    ],
    [
      'too many instances',
      'DescribeContainerInstances',
      { containerInstances: Array.from({ length: 101 }, String) },
    ],
    ['maxResults over 100', 'ListClusters', { maxResults: 101 }],
    ['a bad nextToken', 'ListClusters', { nextToken: 'not-a-token' }],
    ['an unknown enum value', 'ListTasks', { cluster: 'default', desiredStatus: 'SLEEPING' }],
  ])('answers InvalidParameterException for %s', async (_what, op, input) => {
    const reply = await ecsCall(op, input);
    expect(reply).toMatchObject({ status: 400, body: { __type: 'InvalidParameterException' } });
  });
});

describe('ECS validation', () => {
  const put = (name: string, value?: string) =>
    ecsCall('PutAttributes', {
      cluster,
      attributes: [{ name, value, targetType: 'container-instance', targetId: instanceArn }],
    });

  it.each([
    ['a name with a space', 'has space', 'x'],
    ['a name over 128 characters', 'n'.repeat(129), 'x'],
    ['a value with a leading space', 'role', ' web'],
    ['a value with a trailing space', 'role', 'web '],
    ['a value with a bad character', 'role', 'web*'],
    ['a reserved ecs. name', 'ecs.os-type', 'windows'],
  ])('rejects %s', async (_what, name, value) => {
    const reply = await put(name, value);
    expect(reply).toMatchObject({ status: 400, body: { __type: 'InvalidParameterException' } });
  });

  it('accepts the value characters ECS allows', async () => {
    const reply = await put('path', 'a/b\\c:d@e.f_g-h i');
    expect(reply.status).toBe(200);
    const cleanup = await ecsCall('DeleteAttributes', {
      cluster,
      attributes: [{ name: 'path', targetId: instanceArn }],
    });
    expect(cleanup.status).toBe(200);
  });

  it('refuses an 11th custom attribute with AttributeLimitExceededException, all or nothing', async () => {
    const attributes = Array.from({ length: 10 }, (_, i) => ({
      name: `custom${i}`,
      value: 'v',
      targetId: instanceArn,
    }));
    const ten = await ecsCall('PutAttributes', { cluster, attributes });
    expect(ten.status).toBe(200);
    const stateWithTen = await relevantState();
    const eleventh = await put('custom10', 'v');
    expect(eleventh).toMatchObject({
      status: 400,
      body: { __type: 'AttributeLimitExceededException' },
    });
    expect(await relevantState()).toBe(stateWithTen);
    const removed = await ecsCall('DeleteAttributes', {
      cluster,
      attributes: attributes.map(({ name, targetId }) => ({ name, targetId })),
    });
    expect(removed.status).toBe(200);
  });

  it('rejects bad placement constraints in CreateService', async () => {
    const family = `BadTd${Date.now()}`;
    const definition = {
      family,
      containerDefinitions: [{ name: 'app', image: 'x', memory: 64 }],
    };
    // Registering is itself a change; compare against the state after it.
    expect((await ecsCall('RegisterTaskDefinition', definition)).status).toBe(200);
    before = await relevantState();
    for (const placementConstraints of [
      [{ type: 'memberOf', expression: 'attribute:role === x' }],
      [{ type: 'memberOf' }],
      [{ type: 'distinctInstance', expression: 'attribute:role == x' }],
      Array.from({ length: 11 }, () => ({ type: 'memberOf', expression: 'attribute:role == x' })),
    ]) {
      const reply = await ecsCall('CreateService', {
        cluster,
        serviceName: 'svc',
        taskDefinition: family,
        desiredCount: 1,
        placementConstraints,
      });
      expect(reply).toMatchObject({ status: 400, body: { __type: 'InvalidParameterException' } });
    }
    const filter = await ecsCall('ListContainerInstances', {
      cluster,
      filter: 'attribute:role in',
    });
    expect(filter.body.__type).toBe('InvalidParameterException');
  });

  it('names ClusterNotFoundException for operations on a missing cluster', async () => {
    for (const [op, input] of [
      ['ListServices', { cluster: 'missing-cluster' }],
      ['DescribeTasks', { cluster: 'missing-cluster', tasks: ['x'] }],
      ['DeleteCluster', { cluster: 'missing-cluster' }],
    ] as const) {
      expect((await ecsCall(op, input)).body.__type).toBe('ClusterNotFoundException');
    }
  });
});
