// Fault injection over the wire: the real SDK and AWS CLI see ECS's own throttling, 500s, delays and dropped connections.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  CreateClusterCommand,
  DescribeClustersCommand,
  ECSClient,
  ListClustersCommand,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { DescribeInstanceInformationCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { awsCli } from './support/aws-cli';
import { labAdmin } from './support/lab-admin';

const execFileAsync = promisify(execFile);
const endpoint = inject('labEndpoint');
const admin = labAdmin(`${endpoint}/_lab`);
const credentials = { accessKeyId: 'lab', secretAccessKey: 'lab' };
// One attempt, so the test sees exactly what the lab answered.
const ecs = new ECSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });
const ssm = new SSMClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 1 });

function setFaults(rules: unknown[]) {
  return admin.call<{ rules: unknown[]; message?: string }>('PUT', '/faults', { rules });
}

async function failureOf(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata?: { httpStatusCode?: number }; code?: string };
  }
  throw new Error('expected the call to fail');
}

afterEach(async () => {
  await admin.call('DELETE', '/faults');
});

describe('fault injection', () => {
  it('validates rules and needs the admin secret', async () => {
    expect(await setFaults([{ kind: 'throttle', share: 2 }])).toMatchObject({
      status: 400,
      body: { message: expect.stringMatching(/^rules\.0\.share: /) },
    });
    expect(await setFaults([{ kind: 'delay', share: 1 }])).toMatchObject({ status: 400 });
    const stranger = labAdmin(`${endpoint}/_lab`, 'wrong');
    expect((await stranger.call('PUT', '/faults', { rules: [] })).status).toBe(401);
    expect((await admin.call('GET', '/faults')).body).toEqual({ rules: [] });
  });

  it('throttles named operations with ThrottlingException "Rate exceeded" and leaves the others alone', async () => {
    await setFaults([{ kind: 'throttle', share: 1, operations: ['ecs:ListClusters'] }]);
    const error = await failureOf(ecs.send(new ListClustersCommand({})));
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Rate exceeded');
    expect(error.$metadata?.httpStatusCode).toBe(400);
    await expect(ecs.send(new ListTasksCommand({ cluster: 'anywhere-lab' }))).resolves.toBeTruthy();

    const cli = awsCli(endpoint);
    const cliError = await failureOf(cli('ecs', 'list-clusters', '--cli-read-timeout', '5'));
    expect(String((cliError as { stderr?: string }).stderr)).toMatch(
      /ThrottlingException.*Rate exceeded/,
    );
    const { body } = await admin.call<{ rules: { injected: number }[] }>('GET', '/faults');
    expect(body.rules[0]!.injected).toBeGreaterThanOrEqual(2);
  });

  it('answers 500 ServerException (InternalServerError for SSM), and a failed call changes nothing', async () => {
    await setFaults([{ kind: 'error', share: 1 }]);
    const name = `faulted-${Date.now()}`;
    const error = await failureOf(ecs.send(new CreateClusterCommand({ clusterName: name })));
    expect(error.name).toBe('ServerException');
    expect(error.$metadata?.httpStatusCode).toBe(500);
    const ssmError = await failureOf(ssm.send(new DescribeInstanceInformationCommand({})));
    expect(ssmError.name).toBe('InternalServerError');

    await admin.call('DELETE', '/faults');
    const { clusters, failures } = await ecs.send(
      new DescribeClustersCommand({ clusters: [name] }),
    );
    expect(clusters).toEqual([]);
    expect(failures?.[0]?.reason).toBe('MISSING');
  });

  it('delays answers by delayMs', async () => {
    await setFaults([{ kind: 'delay', share: 1, delayMs: 400, operations: ['ecs:ListClusters'] }]);
    const started = performance.now();
    await ecs.send(new ListClustersCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(395);
  });

  it('drops the connection for "unreachable", and never faults the admin routes', async () => {
    await setFaults([{ kind: 'unreachable', share: 1 }]);
    const error = await failureOf(ecs.send(new ListClustersCommand({})));
    expect(String(error.code ?? error.name)).toMatch(/ECONNRESET|socket hang up|EPIPE/i);
    expect((await admin.call('GET', '/health')).status).toBe(200);
  });

  it('lets the SDK retry through a 30% throttle share', async () => {
    await setFaults([{ kind: 'throttle', share: 0.3 }]);
    const retrying = new ECSClient({ endpoint, region: 'us-east-1', credentials, maxAttempts: 10 });
    for (let i = 0; i < 20; i += 1) await retrying.send(new ListClustersCommand({}));
    const { body } = await admin.call<{ rules: { injected: number }[] }>('GET', '/faults');
    expect(body.rules[0]!.injected).toBeGreaterThan(0);
  });

  it('is driven by `npm run lab -- faults set|show|clear`', async () => {
    const lab = (...args: string[]) =>
      execFileAsync(process.execPath, ['--import', 'tsx', path.join('lab', 'main.ts'), ...args], {
        env: { ...process.env, LAB_PORT: new URL(endpoint).port },
      });
    const set = await lab(
      'faults',
      'set',
      '--kind',
      'delay',
      '--share',
      '0.5',
      '--delay-ms',
      '250',
      '--operations',
      'ecs:ListTasks,ecs:DescribeTasks',
    );
    expect(set.stdout).toContain('delay 250 ms for 50% of ecs:ListTasks,ecs:DescribeTasks');
    expect((await admin.call('GET', '/faults')).body).toEqual({
      rules: [
        {
          kind: 'delay',
          share: 0.5,
          delayMs: 250,
          operations: ['ecs:ListTasks', 'ecs:DescribeTasks'],
          injected: 0,
        },
      ],
    });
    expect((await lab('faults', 'show')).stdout).toContain('injected 0 time(s)');
    expect((await lab('faults', 'clear')).stdout).toContain('no faults');
    const bad = await lab('faults', 'set', '--kind', 'throttle', '--share', '7').catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('share') });
  });
});
