// Register instances against its own lab: the activation SSM keeps, the commands shown, and the lab CLI that uses them.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  DescribeContainerInstancesCommand,
  ECSClient,
  ListContainerInstancesCommand,
} from '@aws-sdk/client-ecs';
import {
  DescribeActivationsCommand,
  DescribeInstanceInformationCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type RunningLab } from '@/lab/test/lab-process';
import { runAwsScript } from '@/lab/test/support/aws-cli';
import type { ActionResult } from '@/lib/schemas/actions';
import type { RegisterInstancesData } from '@/lib/schemas/activation';
import {
  activationStatusWith,
  registerInstancesWith,
} from '@/server/actions/impl/register-instances';
import type { EcsContext } from '@/server/ecs/context';

const execFileAsync = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..', '..');
const CLUSTER = 'anywhere-lab';
const REGION = 'us-east-1';
// Not the default secret, so the CLI only gets through by being given the lab's.
const SECRET = 'register-instances-secret';

let lab: RunningLab;
let ctx: EcsContext;
let labPort: string;

beforeAll(async () => {
  lab = await startLab({ env: { LAB_SECRET_ACCESS_KEY: SECRET } });
  labPort = new URL(lab.endpoint).port;
  const config = {
    endpoint: lab.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'lab', secretAccessKey: SECRET },
    maxAttempts: 1,
  };
  ctx = {
    ecs: new ECSClient(config),
    ssm: new SSMClient(config),
    cluster: CLUSTER,
    region: REGION,
    target: 'lab',
  };
});

afterAll(async () => {
  await lab?.stop();
});

function ok<T>(result: ActionResult<T>): { data: T; cli: string } {
  if (!result.ok) throw new Error(`action failed: ${result.error.code}: ${result.error.message}`);
  return result;
}

// Runs a command line exactly as the console shows it, from the repo root, in a shell that knows the lab's secret.
function runShown(command: string) {
  return execFileAsync('/bin/bash', ['-e', '-c', command], {
    cwd: root,
    env: { ...process.env, LAB_SECRET_ACCESS_KEY: SECRET },
  });
}

function labCli(args: string[]) {
  return execFileAsync(process.execPath, ['--import', 'tsx', 'lab/main.ts', 'instance', ...args], {
    cwd: root,
    env: { ...process.env, LAB_PORT: labPort, LAB_SECRET_ACCESS_KEY: SECRET },
  });
}

async function activationCount(): Promise<number> {
  const out = await ctx.ssm.send(new DescribeActivationsCommand({}));
  return out.ActivationList?.length ?? 0;
}

describe('registerInstances', () => {
  let created: RegisterInstancesData;

  it('creates an SSM activation with the role, the count and the lifetime asked for', async () => {
    const before = Date.now();
    created = ok(
      await registerInstancesWith(ctx, {
        iamRole: 'ECSAnywhereRole',
        instanceCount: 1,
        expiresInHours: 2,
      }),
    ).data;
    const { ActivationList = [] } = await ctx.ssm.send(
      new DescribeActivationsCommand({
        Filters: [{ FilterKey: 'ActivationIds', FilterValues: [created.activationId] }],
      }),
    );
    expect(ActivationList).toHaveLength(1);
    const activation = ActivationList[0]!;
    expect(activation.IamRole).toBe('ECSAnywhereRole');
    expect(activation.RegistrationLimit).toBe(1);
    expect(activation.RegistrationsCount).toBe(0);
    const expires = activation.ExpirationDate!.getTime();
    // Two hours from the request, to the second the wire carries.
    expect(expires).toBeGreaterThanOrEqual(before + 2 * 3_600_000 - 1_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000 + 1_000);
    expect(Date.parse(created.expirationDate)).toBeCloseTo(expires, -4);
  });

  it('its AWS CLI equivalent, run as shown, creates the same activation', async () => {
    const { cli } = ok(
      await registerInstancesWith(ctx, { iamRole: 'Other.Role@x', instanceCount: 7 }),
    );
    const stdout = await runAwsScript(lab.endpoint, cli, SECRET);
    const { ActivationId } = JSON.parse(stdout) as { ActivationId: string };
    const { ActivationList = [] } = await ctx.ssm.send(
      new DescribeActivationsCommand({
        Filters: [{ FilterKey: 'ActivationIds', FilterValues: [ActivationId] }],
      }),
    );
    expect(ActivationList[0]).toMatchObject({
      IamRole: 'Other.Role@x',
      RegistrationLimit: 7,
      Description: `ECS Anywhere instances for cluster ${CLUSTER}`,
    });
  });

  it('shows the install command with the exact region, cluster, activation id and code', () => {
    expect(created.activationCode).toMatch(/^\S{20,}$/);
    expect(created.installCommand).toBe(
      'curl --proto "https" -o "/tmp/ecs-anywhere-install.sh" "https://amazon-ecs-agent.s3.amazonaws.com/ecs-anywhere-install-latest.sh"' +
        ` && bash /tmp/ecs-anywhere-install.sh --region "${REGION}" --cluster "${CLUSTER}"` +
        ` --activation-id "${created.activationId}" --activation-code "${created.activationCode}"`,
    );
    expect(created.verifiedInstallCommand).toContain('sha256sum -c ecs-anywhere-install.sh.sha256');
    expect(created.labCommand).toBe(
      `LAB_PORT=${labPort} npm run lab -- instance add --activation-id ${created.activationId} --activation-code ${created.activationCode}`,
    );
  });

  it('refuses a wrong activation code in the lab CLI, saying why, and registers nothing', async () => {
    const failed = await labCli([
      'add',
      '--activation-id',
      created.activationId,
      '--activation-code',
      'not-the-code',
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(
      'The activation ID or activation code is not valid.',
    );
    const status = ok(await activationStatusWith(ctx, { activationId: created.activationId }));
    expect(status.data.registrationsCount).toBe(0);
  });

  it('registers a new external instance when the shown lab command runs', async () => {
    const before = await ctx.ecs.send(new ListContainerInstancesCommand({ cluster: CLUSTER }));
    const { stdout } = await runShown(created.labCommand!);
    const instanceId = /registered (mi-[0-9a-f]+) /.exec(stdout)?.[1];
    expect(instanceId, stdout).toBeDefined();
    expect(stdout).toContain(`(activation ${created.activationId})`);

    const after = await ctx.ecs.send(new ListContainerInstancesCommand({ cluster: CLUSTER }));
    expect(after.containerInstanceArns).toHaveLength(
      (before.containerInstanceArns?.length ?? 0) + 1,
    );
    const added = after.containerInstanceArns!.filter(
      (arn) => !before.containerInstanceArns?.includes(arn),
    );
    const { containerInstances = [] } = await ctx.ecs.send(
      new DescribeContainerInstancesCommand({ cluster: CLUSTER, containerInstances: added }),
    );
    expect(containerInstances.map((i) => i.ec2InstanceId)).toEqual([instanceId]);
    expect(containerInstances[0]?.status).toBe('ACTIVE');

    const { InstanceInformationList = [] } = await ctx.ssm.send(
      new DescribeInstanceInformationCommand({
        Filters: [{ Key: 'InstanceIds', Values: [instanceId!] }],
      }),
    );
    expect(InstanceInformationList).toHaveLength(1);
    expect(InstanceInformationList[0]).toMatchObject({
      InstanceId: instanceId,
      ActivationId: created.activationId,
      IamRole: 'ECSAnywhereRole',
      PingStatus: 'Online',
    });

    const status = ok(await activationStatusWith(ctx, { activationId: created.activationId }));
    expect(status.data).toMatchObject({
      registrationsCount: 1,
      registrationLimit: 1,
      expired: false,
    });
    expect(status.cli).toContain(`FilterValues=${created.activationId}`);
  });

  it('refuses a registration beyond the activation limit', async () => {
    const failed = await labCli([
      'add',
      '--activation-id',
      created.activationId,
      '--activation-code',
      created.activationCode,
    ]).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('allows 1 registrations and has 1');
  });

  it('rejects bad input naming the field, and creates no activation', async () => {
    const count = await activationCount();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ iamRole: 'arn:aws:iam::123456789012:role/ECSAnywhereRole' }, 'iamRole', /role name/],
      [{ iamRole: 'x'.repeat(65) }, 'iamRole', /1–64/],
      [{ instanceCount: 0 }, 'instanceCount', /At least 1/],
      [{ instanceCount: 1001 }, 'instanceCount', /At most 1000/],
      [{ instanceCount: 1.5 }, 'instanceCount', /whole number/],
      [{ expiresInHours: 0 }, 'expiresInHours', /At least 1 hour/],
      [{ expiresInHours: 721 }, 'expiresInHours', /720/],
      [{ defaultInstanceName: 'a b' }, 'defaultInstanceName', /letters/],
    ];
    for (const [input, field, message] of cases) {
      const result = await registerInstancesWith(ctx, input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (result.ok) continue;
      expect(result.error).toMatchObject({ code: 'InvalidInput', field });
      expect(result.error.message).toMatch(message);
    }
    expect(await activationCount()).toBe(count);
  });

  it('answers an unknown activation id in plain words', async () => {
    const result = await activationStatusWith(ctx, {
      activationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'ActivationNotFound' } });
  });
});
