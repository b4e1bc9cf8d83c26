// The commands that go with an SSM activation: the ECS console's install line, its checksum-verified form,
// the lab's `instance add`, and the AWS CLI's create-activation.
import { commandLine, shellQuote } from '@/lib/cli/shell-quote';

export const INSTALL_SCRIPT_URL =
  'https://amazon-ecs-agent.s3.amazonaws.com/ecs-anywhere-install-latest.sh';

// The lab CLI's port when LAB_PORT is unset (lab/config.ts).
export const LAB_DEFAULT_PORT = 4599;

export interface InstallParams {
  region: string;
  cluster: string;
  activationId: string;
  activationCode: string;
}

// Words that mean the same inside double quotes as bare; the ECS console double-quotes every value.
const DOUBLE_QUOTE_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

function consoleQuote(word: string): string {
  return DOUBLE_QUOTE_SAFE.test(word) ? `"${word}"` : shellQuote(word);
}

function installArguments(params: InstallParams): string {
  return [
    '--region',
    consoleQuote(params.region),
    '--cluster',
    consoleQuote(params.cluster),
    '--activation-id',
    consoleQuote(params.activationId),
    '--activation-code',
    consoleQuote(params.activationCode),
  ].join(' ');
}

/** The line the ECS console shows under "Register external instances" for Linux. */
export function installCommand(params: InstallParams): string {
  return [
    `curl --proto "https" -o "/tmp/ecs-anywhere-install.sh" "${INSTALL_SCRIPT_URL}"`,
    `bash /tmp/ecs-anywhere-install.sh ${installArguments(params)}`,
  ].join(' && ');
}

/** The ECS docs' form that checks the script against its published SHA-256 before running it. */
export function verifiedInstallCommand(params: InstallParams): string {
  return [
    'cd /tmp',
    `curl --proto "https" -o "ecs-anywhere-install.sh" "${INSTALL_SCRIPT_URL}"`,
    `curl --proto "https" -o "ecs-anywhere-install.sh.sha256" "${INSTALL_SCRIPT_URL}.sha256"`,
    'sha256sum -c ecs-anywhere-install.sh.sha256',
    `sudo bash ecs-anywhere-install.sh ${installArguments(params)}`,
  ].join(' \\\n  && ');
}

/** The lab's equivalent of running the install script on a new host. */
export function labInstanceAddCommand(params: {
  activationId: string;
  activationCode: string;
  labPort?: number;
}): string {
  const port =
    params.labPort === undefined || params.labPort === LAB_DEFAULT_PORT
      ? []
      : [`LAB_PORT=${params.labPort}`];
  return [
    ...port,
    commandLine([
      'npm',
      'run',
      'lab',
      '--',
      'instance',
      'add',
      '--activation-id',
      params.activationId,
      '--activation-code',
      params.activationCode,
    ]),
  ].join(' ');
}

export interface CreateActivationCliParams {
  iamRole: string;
  registrationLimit: number;
  region: string;
  expirationDate?: string;
  defaultInstanceName?: string;
  description?: string;
}

export function createActivationCli(params: CreateActivationCliParams): string {
  return commandLine([
    'aws',
    'ssm',
    'create-activation',
    '--iam-role',
    params.iamRole,
    '--registration-limit',
    String(params.registrationLimit),
    ...(params.defaultInstanceName ? ['--default-instance-name', params.defaultInstanceName] : []),
    ...(params.description ? ['--description', params.description] : []),
    ...(params.expirationDate ? ['--expiration-date', params.expirationDate] : []),
    '--region',
    params.region,
  ]);
}

export function describeActivationCli(activationId: string, region: string): string {
  return commandLine([
    'aws',
    'ssm',
    'describe-activations',
    '--filters',
    `FilterKey=ActivationIds,FilterValues=${activationId}`,
    '--region',
    region,
  ]);
}
