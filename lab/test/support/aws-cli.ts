// Runs the Debian AWS CLI v2 against a lab endpoint, with the lab's credentials and JSON output.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const AWS_CLI = process.env.AWS_CLI ?? '/usr/bin/aws';

export interface CliResult<T = unknown> {
  json: T;
  stdout: string;
}

/** The CLI's environment: the lab's keys only, no profile, config file or pager of the machine's. */
function cliEnv(secretAccessKey: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_PROFILE: undefined,
    AWS_SESSION_TOKEN: undefined,
    AWS_REGION: undefined,
    AWS_ACCESS_KEY_ID: 'lab',
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

export function awsCli(endpoint: string, secretAccessKey = 'lab') {
  return async function aws<T = unknown>(...args: string[]): Promise<CliResult<T>> {
    const { stdout } = await execFileAsync(
      AWS_CLI,
      ['--endpoint-url', endpoint, '--output', 'json', ...args],
      { env: cliEnv(secretAccessKey), maxBuffer: 16 * 1024 * 1024 },
    );
    return { json: (stdout.trim() ? JSON.parse(stdout) : {}) as T, stdout };
  };
}

/** Runs shell lines as the console shows them, with `aws` aimed at the lab; returns stdout. */
export async function runAwsScript(
  endpoint: string,
  lines: string,
  secretAccessKey = 'lab',
): Promise<string> {
  const script = `aws() { ${AWS_CLI} --endpoint-url "$LAB_ENDPOINT" --output json "$@"; }\n${lines}`;
  const { stdout } = await execFileAsync('/bin/bash', ['-e', '-c', script], {
    env: { ...cliEnv(secretAccessKey), LAB_ENDPOINT: endpoint },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}
