// The console in AWS mode (AWS_PROFILE from a shared config file, AWS_ENDPOINT_URL) against a lab with
// non-default settings: another region, account and cluster name, 250 instances, several clusters, and an expired SSO session.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateClusterCommand, ECSClient } from '@aws-sdk/client-ecs';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { labAdmin } from '@/lab/test/support/lab-admin';
import type { ActionResult } from '@/lib/schemas/actions';
import { assignRoleWith } from '@/server/actions/impl/assign-role';
import { createSessionValue, SESSION_COOKIE } from '@/server/auth/session-token';
import { resetConfigForTests } from '@/server/config';
import { listClusterNames } from '@/server/ecs/clusters';
import { CLUSTER_COOKIE, PROFILE_COOKIE, REGION_COOKIE } from '@/server/ecs/cluster-choice';
import { getEcsContext } from '@/server/ecs/context';
import { describeEcsError } from '@/server/ecs/errors';
import { getClusterSnapshot, invalidateSnapshot } from '@/server/ecs/snapshot';
import { getConsoleInfo } from '@/server/settings/console-info';
import { switchAwsTarget } from '@/server/settings/switch-aws-target';

// Next's request cookies, outside a request: a plain jar the code under test reads and writes.
const jar = new Map<string, string>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers(),
}));

const REGION = 'eu-west-3';
const ACCOUNT = '210987654321';
const CLUSTER = 'edge-prod';
// Three pages of ListContainerInstances (100 a page), and more instances than one 127.x.y.0/24 holds.
const INSTANCES = 250;
const TOKEN = 'aws-target-test-token-0123456789';

let lab: RunningLab;
let home: string;

function writeAwsFiles(dir: string, endpointRegion: string) {
  mkdirSync(path.join(dir, '.aws', 'sso', 'cache'), { recursive: true });
  writeFileSync(
    path.join(dir, '.aws', 'config'),
    [
      '[profile edge]',
      `region = ${endpointRegion}`,
      '[profile elsewhere]',
      'region = ap-southeast-2',
      '[profile noregion]',
      '[sso-session corp]',
      'sso_start_url = https://corp.awsapps.com/start',
      'sso_region = us-east-1',
      '[profile sso-expired]',
      'sso_start_url = https://expired.awsapps.com/start',
      'sso_region = us-east-1',
      `sso_account_id = ${ACCOUNT}`,
      'sso_role_name = ConsoleAdmin',
      `region = ${REGION}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    path.join(dir, '.aws', 'credentials'),
    [
      '[edge]',
      'aws_access_key_id = lab',
      'aws_secret_access_key = lab',
      '[elsewhere]',
      'aws_access_key_id = lab',
      'aws_secret_access_key = lab',
      '[noregion]',
      'aws_access_key_id = lab',
      'aws_secret_access_key = lab',
      '',
    ].join('\n'),
  );
  // A legacy SSO profile's token lives under the SHA-1 of its start URL; this one expired an hour ago.
  const startUrl = 'https://expired.awsapps.com/start';
  writeFileSync(
    path.join(
      dir,
      '.aws',
      'sso',
      'cache',
      `${createHash('sha1').update(startUrl).digest('hex')}.json`,
    ),
    JSON.stringify({
      accessToken: 'expired-token',
      expiresAt: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      region: 'us-east-1',
      startUrl,
    }),
  );
}

// The console's environment in AWS mode: a profile (its region from the config file) and the lab as endpoint.
function awsMode(profile: string) {
  vi.stubEnv('LAB_ENDPOINT', undefined);
  vi.stubEnv('AWS_REGION', undefined);
  vi.stubEnv('AWS_DEFAULT_REGION', undefined);
  vi.stubEnv('AWS_ACCESS_KEY_ID', undefined);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', undefined);
  vi.stubEnv('AWS_SESSION_TOKEN', undefined);
  vi.stubEnv('ECS_CLUSTER', undefined);
  vi.stubEnv('TRAEFIK_API_URL', undefined);
  vi.stubEnv('HOME', home);
  vi.stubEnv('AWS_CONFIG_FILE', path.join(home, '.aws', 'config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(home, '.aws', 'credentials'));
  vi.stubEnv('AWS_PROFILE', profile);
  vi.stubEnv('AWS_ENDPOINT_URL', lab.endpoint);
  vi.stubEnv('CONSOLE_TOKEN', TOKEN);
  resetConfigForTests();
  invalidateSnapshot();
}

function ok<T>(result: ActionResult<T>): { data: T; cli: string } {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result;
}

beforeAll(async () => {
  const started = Date.now();
  lab = await startLab({
    instances: 200,
    env: { LAB_REGION: REGION, LAB_ACCOUNT_ID: ACCOUNT, LAB_CLUSTER: CLUSTER },
  });
  const admin = labAdmin(lab.adminEndpoint);
  for (let added = 200; added < INSTANCES; added += 50) {
    const { status, body } = await admin.call('POST', '/instances', {
      count: Math.min(50, INSTANCES - added),
    });
    expect(status, JSON.stringify(body)).toBe(201);
  }
  console.log(`lab with ${INSTANCES} instances ready in ${Date.now() - started} ms`);
  home = mkdtempSync(path.join(tmpdir(), 'console-aws-home-'));
  writeAwsFiles(home, REGION);
}, 180_000);

afterAll(async () => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  await lab?.stop();
  if (home) rmSync(home, { recursive: true, force: true });
});

beforeEach(() => {
  jar.clear();
  jar.set(SESSION_COOKIE, createSessionValue(TOKEN));
});

describe('the console in AWS mode against a lab in eu-west-3, account 210987654321', () => {
  it('takes the region from the profile and finds the only cluster', async () => {
    awsMode('edge');
    const ctx = await getEcsContext();
    expect(ctx).toMatchObject({ target: 'aws', region: REGION, cluster: CLUSTER });
    const info = await getConsoleInfo(ctx);
    expect(info).toMatchObject({
      target: 'aws',
      region: REGION,
      profile: 'edge',
      endpoint: lab.endpoint,
      identity: { account: ACCOUNT },
    });
    expect(info.profiles.map((p) => p.name)).toEqual([
      'edge',
      'elsewhere',
      'noregion',
      'sso-expired',
    ]);
  });

  it(`reads all ${INSTANCES} instances in as few pages as ECS allows, with the lab's region and account in every ARN`, async () => {
    awsMode('edge');
    const ctx = await getEcsContext();
    const started = Date.now();
    const snapshot = await getClusterSnapshot(ctx);
    console.log(
      `snapshot of ${INSTANCES} instances: ${Date.now() - started} ms, ${snapshot.apiCalls} calls`,
    );
    expect(snapshot.cluster.name).toBe(CLUSTER);
    expect(snapshot.cluster.arn).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`);
    expect(snapshot.instances).toHaveLength(INSTANCES);
    expect(new Set(snapshot.instances.map((i) => i.arn)).size).toBe(INSTANCES);
    for (const instance of snapshot.instances) {
      expect(instance.arn).toMatch(
        new RegExp(`^arn:aws:ecs:${REGION}:${ACCOUNT}:container-instance/${CLUSTER}/`),
      );
      expect(instance.ip).toMatch(/^127\./);
    }
    const pages = (n: number, size: number) => Math.ceil(n / size);
    // DescribeClusters + ListContainerInstances pages + DescribeContainerInstances batches of 100
    // + SSM DescribeInstanceInformation batches of 50 + ListServices + ListTasks (RUNNING, STOPPED).
    expect(snapshot.apiCalls).toBe(1 + pages(INSTANCES, 100) * 2 + pages(INSTANCES, 50) + 1 + 2);
  });

  it(`assigns a role to all ${INSTANCES} instances in PutAttributes batches of 10`, async () => {
    awsMode('edge');
    const ctx = await getEcsContext();
    const { instances } = await getClusterSnapshot(ctx);
    const result = ok(
      await assignRoleWith(ctx, { instanceArns: instances.map((i) => i.arn), value: 'webserver' }),
    );
    expect(result.data.attributes).toHaveLength(INSTANCES);
    expect(result.cli.split('\n')).toHaveLength(INSTANCES / 10);
    expect(result.cli).toContain(`--cluster ${CLUSTER}`);
    invalidateSnapshot();
    const after = await getClusterSnapshot(ctx);
    expect(after.instances.filter((i) => i.role === 'webserver')).toHaveLength(INSTANCES);
  });

  it('lists every cluster and switches between them by cookie', async () => {
    awsMode('edge');
    const ecs = new ECSClient({
      endpoint: lab.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'lab', secretAccessKey: 'lab' },
    });
    for (const name of ['edge-staging', 'edge-canary']) {
      await ecs.send(new CreateClusterCommand({ clusterName: name }));
    }
    const ctx = await getEcsContext();
    expect(await listClusterNames(ctx.ecs)).toEqual(['edge-canary', 'edge-prod', 'edge-staging']);
    jar.set(CLUSTER_COOKIE, 'edge-staging');
    const staging = await getEcsContext();
    expect(staging.cluster).toBe('edge-staging');
    const snapshot = await getClusterSnapshot(staging);
    expect(snapshot.cluster.arn).toBe(`arn:aws:ecs:${REGION}:${ACCOUNT}:cluster/edge-staging`);
    expect(snapshot.instances).toEqual([]);
  });

  it('switches region and profile for this browser, accepting only listed profiles', async () => {
    awsMode('edge');
    jar.set(CLUSTER_COOKIE, 'edge-staging');
    const switched = ok(await switchAwsTarget({ region: 'ap-southeast-2', profile: 'elsewhere' }));
    expect(switched.cli).toBe('export AWS_REGION=ap-southeast-2 AWS_PROFILE=elsewhere');
    expect(jar.get(REGION_COOKIE)).toBe('ap-southeast-2');
    expect(jar.get(PROFILE_COOKIE)).toBe('elsewhere');
    // Another region has other clusters: the choice starts again from the default.
    expect(jar.has(CLUSTER_COOKIE)).toBe(false);

    const ctx = await getEcsContext();
    expect(ctx.region).toBe('ap-southeast-2');
    // The lab serves eu-west-3 only, so a request signed for another region is refused, as AWS would.
    const error = await getClusterSnapshot(ctx).catch((e: unknown) => e);
    expect(describeEcsError(error).message).toMatch(/^AWS did not accept the credentials/);

    const unknown = await switchAwsTarget({ region: REGION, profile: 'not-there' });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'UnknownProfile', field: 'profile' },
    });
    const badRegion = await switchAwsTarget({ region: 'mars-1', profile: '' });
    expect(badRegion).toMatchObject({
      ok: false,
      error: { code: 'InvalidInput', field: 'region' },
    });

    // A stale profile cookie (removed from the files) falls back to the configured one.
    jar.set(PROFILE_COOKIE, 'gone');
    jar.set(REGION_COOKIE, REGION);
    const fallback = await getConsoleInfo(await getEcsContext());
    expect(fallback).toMatchObject({
      profile: 'edge',
      region: REGION,
      identity: { account: ACCOUNT },
    });
  });

  it('a profile with no region and no AWS_REGION fails with the missing-region message', async () => {
    awsMode('noregion');
    const ctx = await getEcsContext();
    const error = await getClusterSnapshot(ctx).catch((e: unknown) => e);
    expect(describeEcsError(error)).toEqual({
      code: 'MissingRegion',
      message:
        'No AWS region is set. Set AWS_REGION, give the profile a region, or pick one on the Settings page (MissingRegion).',
    });
  });

  it('an expired SSO session is named as such, by the real SDK reading the real token cache', async () => {
    awsMode('sso-expired');
    const ctx = await getEcsContext();
    const error = await getClusterSnapshot(ctx).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'CredentialsProviderError' });
    expect(describeEcsError(error)).toEqual({
      code: 'CredentialsProviderError',
      message:
        "The AWS SSO session has expired. Run 'aws sso login' with the console's profile, then retry (CredentialsProviderError).",
    });
  });
});
