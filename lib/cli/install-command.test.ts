import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createActivationCli,
  installCommand,
  labInstanceAddCommand,
  verifiedInstallCommand,
  type InstallParams,
} from '@/lib/cli/install-command';

const params: InstallParams = {
  region: 'eu-west-1',
  cluster: 'anywhere-lab',
  activationId: '1f4a002a-87a8-4643-9fdf-27e8dea77f5f',
  activationCode: '5IUPxZlq9759V/Fkp9Ma',
};

// Runs a rendered command with each program replaced by a function that prints its argv, each word ended by NUL
// and each call by one more NUL (no word is empty, so NUL NUL only ends a call).
function argvOf(command: string, programs: string[]): string[][] {
  const fakes = programs.map((p) => `${p}() { printf '%s\\0' ${p} "$@"; printf '\\0'; }`);
  const out = execFileSync('/bin/bash', ['-c', `${fakes.join('\n')}\n${command}`], {
    encoding: 'utf8',
  });
  return out
    .split('\0\0')
    .filter(Boolean)
    .map((call) => call.split('\0'));
}

describe('installCommand', () => {
  it('is the ECS console line, every value double-quoted', () => {
    expect(installCommand(params)).toBe(
      'curl --proto "https" -o "/tmp/ecs-anywhere-install.sh" "https://amazon-ecs-agent.s3.amazonaws.com/ecs-anywhere-install-latest.sh"' +
        ' && bash /tmp/ecs-anywhere-install.sh --region "eu-west-1" --cluster "anywhere-lab"' +
        ' --activation-id "1f4a002a-87a8-4643-9fdf-27e8dea77f5f" --activation-code "5IUPxZlq9759V/Fkp9Ma"',
    );
  });

  it('passes any values to the script exactly, whatever characters they hold', () => {
    const value = fc
      .string({ unit: 'binary', minLength: 1 })
      .map((s) => s.replace(/\0/g, '') || 'x');
    for (const [cluster, activationCode] of fc.sample(fc.tuple(value, value), 40)) {
      const calls = argvOf(installCommand({ ...params, cluster, activationCode }), [
        'curl',
        'bash',
      ]);
      expect(calls[1]).toEqual([
        'bash',
        '/tmp/ecs-anywhere-install.sh',
        '--region',
        params.region,
        '--cluster',
        cluster,
        '--activation-id',
        params.activationId,
        '--activation-code',
        activationCode,
      ]);
    }
  });

  it('the verified form checks the published checksum before it runs the script', () => {
    const calls = argvOf(verifiedInstallCommand(params), ['cd', 'curl', 'sha256sum', 'sudo']);
    expect(calls.map((argv) => argv[0])).toEqual(['cd', 'curl', 'curl', 'sha256sum', 'sudo']);
    expect(calls[2]).toContain(
      'https://amazon-ecs-agent.s3.amazonaws.com/ecs-anywhere-install-latest.sh.sha256',
    );
    expect(calls[3]).toEqual(['sha256sum', '-c', 'ecs-anywhere-install.sh.sha256']);
    expect(calls[4]).toEqual([
      'sudo',
      'bash',
      'ecs-anywhere-install.sh',
      '--region',
      'eu-west-1',
      '--cluster',
      'anywhere-lab',
      '--activation-id',
      params.activationId,
      '--activation-code',
      params.activationCode,
    ]);
  });
});

describe('labInstanceAddCommand', () => {
  it('names LAB_PORT only when the lab is not on its default port', () => {
    const ids = { activationId: params.activationId, activationCode: params.activationCode };
    expect(labInstanceAddCommand({ ...ids, labPort: 4599 })).toBe(
      `npm run lab -- instance add --activation-id ${params.activationId} --activation-code 5IUPxZlq9759V/Fkp9Ma`,
    );
    expect(labInstanceAddCommand({ ...ids, labPort: 45123 })).toMatch(
      /^LAB_PORT=45123 npm run lab -- instance add /,
    );
    const env = execFileSync(
      '/bin/bash',
      [
        '-c',
        `npm() { printf '%s %s\\0' "$LAB_PORT" "$*"; }\n${labInstanceAddCommand({ ...ids, labPort: 45123 })}`,
      ],
      { encoding: 'utf8' },
    );
    expect(env).toBe(
      `45123 run lab -- instance add --activation-id ${params.activationId} --activation-code ${params.activationCode}\0`,
    );
  });
});

describe('createActivationCli', () => {
  it('renders the role, the limit and the region, and quotes a description with spaces', () => {
    expect(
      createActivationCli({
        iamRole: 'ECSAnywhereRole',
        registrationLimit: 3,
        region: 'us-east-1',
        description: 'for cluster x',
      }),
    ).toBe(
      "aws ssm create-activation --iam-role ECSAnywhereRole --registration-limit 3 --description 'for cluster x' --region us-east-1",
    );
  });
});
