// Turns a task definition's container (command, ports, environment) into the argv and env of a lab process.
import type { ImageKind } from '@/lab/images/catalog';
import type { ContainerLaunch, PortBinding } from './container';
import { effectiveHostPort } from './ports';

export type TranslationInput = Pick<
  ContainerLaunch,
  | 'command'
  | 'entryPoint'
  | 'environment'
  | 'hostAddress'
  | 'portBindings'
  | 'hostname'
  | 'labEndpoint'
  | 'region'
  | 'credentials'
> & {
  kind: ImageKind;
  /** The process gets its own UTS namespace, so its kernel hostname is the container id. */
  ownHostname: boolean;
  root: boolean;
};

export interface ProcessSpec {
  args: string[];
  env: Record<string, string>;
  /** What the translation dropped or changed, for the container's log. */
  notes: string[];
}

const basePath = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export function translateContainer(input: TranslationInput): ProcessSpec {
  return input.kind === 'traefik' ? translateTraefik(input) : translateWhoami(input);
}

// Like Docker, a container sees only its own environment, never the lab's (which may hold AWS settings).
function baseEnv(input: TranslationInput): Record<string, string> {
  return { PATH: basePath, HOME: '/root', HOSTNAME: input.hostname };
}

function taskEnv(input: TranslationInput): Record<string, string> {
  return Object.fromEntries(input.environment.map(({ name, value }) => [name, value]));
}

function hostPortFor(
  input: TranslationInput,
  containerPort: number,
  protocol: PortBinding['protocol'],
) {
  const binding = input.portBindings.find(
    (b) => b.containerPort === containerPort && b.protocol === protocol,
  );
  // effectiveHostPort is idempotent: bindings the scheduler already remapped stay as they are.
  return effectiveHostPort(binding?.hostPort ?? containerPort, input.root);
}

interface Flag {
  prefix: string;
  name: string;
  value: string | undefined;
}

function parseFlag(arg: string): Flag | undefined {
  const match = /^(--?)([^-=][^=]*)(?:=(.*))?$/s.exec(arg);
  if (!match) return undefined;
  return { prefix: match[1] ?? '--', name: match[2] ?? '', value: match[3] };
}

// Docker images start the program from an entry point; the lab runs the binary directly, so its name is dropped.
function programArgs(input: TranslationInput, programNames: string[]): string[] {
  const args = [...(input.entryPoint ?? []), ...(input.command ?? [])];
  while (args.length > 0 && !args[0]?.startsWith('-')) {
    const base = args[0]?.split('/').pop() ?? '';
    if (!programNames.includes(base)) break;
    args.shift();
  }
  return args;
}

const whoamiValueFlags = new Set(['port', 'name', 'cert', 'key', 'cacert']);

// whoami listens on ":" + port on every interface, so it must get the host port itself.
function translateWhoami(input: TranslationInput): ProcessSpec {
  const source = programArgs(input, ['whoami']);
  const args: string[] = [];
  const notes: string[] = [];
  const env = taskEnv(input);
  let containerPort = Number(env.WHOAMI_PORT_NUMBER) || 80;
  for (let i = 0; i < source.length; i++) {
    const arg = source[i] ?? '';
    const flag = parseFlag(arg);
    if (!flag) {
      notes.push(`ignored argument ${JSON.stringify(arg)}`);
      continue;
    }
    const name = flag.name.toLowerCase();
    let value = flag.value;
    if (value === undefined && whoamiValueFlags.has(name)) value = source[++i];
    if (name === 'port') containerPort = Number(value) || containerPort;
    else if (name === 'name' && value !== undefined) args.push(`-name=${value}`);
    else if (name === 'verbose') args.push(value === undefined ? '-verbose' : `-verbose=${value}`);
    else notes.push(`ignored whoami flag ${JSON.stringify(arg)}`);
  }
  const tcp = input.portBindings.filter((b) => b.protocol === 'tcp');
  const binding =
    tcp.find((b) => b.containerPort === containerPort) ?? (tcp.length === 1 ? tcp[0] : undefined);
  // An unpublished container port is private to the container under Docker; here it must not take
  // a real host port (whoami binds every interface), so the OS picks an unused one.
  const hostPort = binding ? effectiveHostPort(binding.hostPort, input.root) : 0;
  if (!binding)
    notes.push(`container port ${containerPort} is not published: listening on a free port`);
  args.push(`-port=${hostPort}`);
  const fallbackName: Record<string, string> = input.ownHostname
    ? {}
    : { WHOAMI_NAME: input.hostname };
  return { args, env: { ...baseEnv(input), ...fallbackName, ...env }, notes };
}

const entryPointAddress = /^entrypoints\.([^.]+)\.address$/i;

function rewriteAddress(input: TranslationInput, address: string): string {
  const match = /^(.*):(\d+)(?:\/(tcp|udp))?$/i.exec(address);
  if (!match) return address;
  const protocol = (match[3]?.toLowerCase() ?? 'tcp') as PortBinding['protocol'];
  const hostPort = hostPortFor(input, Number(match[2]), protocol);
  return `${input.hostAddress}:${hostPort}${match[3] ? `/${match[3]}` : ''}`;
}

function isTrue(value: string | undefined): boolean {
  return value === undefined || value.toLowerCase() === 'true';
}

// Mirrors Traefik's SetEffectiveConfiguration: these options create the internal "traefik" entry point on :8080.
function needsInternalEntryPoint(flags: Map<string, string | undefined>): boolean {
  const routedInternally = (section: string) =>
    [...flags.keys()].some((key) => key === section || key.startsWith(`${section}.`)) &&
    !isTrue(flags.get(`${section}.manualrouting`) ?? 'false') &&
    (flags.get(`${section}.entrypoint`) ?? 'traefik') === 'traefik';
  return (
    (flags.has('api.insecure') && isTrue(flags.get('api.insecure'))) ||
    (flags.has('providers.rest.insecure') && isTrue(flags.get('providers.rest.insecure'))) ||
    routedInternally('ping') ||
    routedInternally('metrics.prometheus')
  );
}

// Traefik binds what its entry points say; the lab moves each one to the instance's address and host port.
function translateTraefik(input: TranslationInput): ProcessSpec {
  const source = programArgs(input, ['traefik', 'entrypoint.sh']);
  const args: string[] = [];
  const notes: string[] = [];
  const flags = new Map<string, string | undefined>();
  let definesEntryPoints = false;
  for (let i = 0; i < source.length; i++) {
    const arg = source[i] ?? '';
    const flag = parseFlag(arg);
    if (!flag) {
      args.push(arg);
      continue;
    }
    const key = flag.name.toLowerCase();
    if (key.startsWith('entrypoints.')) definesEntryPoints = true;
    if (!entryPointAddress.test(key)) {
      // Only to read options like the region: a value in the next argument stays where it is.
      const next = source[i + 1];
      flags.set(
        key,
        flag.value ?? (next !== undefined && !next.startsWith('-') ? next : undefined),
      );
      args.push(arg);
      continue;
    }
    const address = flag.value ?? source[++i] ?? '';
    const rewritten = rewriteAddress(input, address);
    flags.set(key, rewritten);
    args.push(`${flag.prefix}${flag.name}=${rewritten}`);
    if (rewritten !== address) notes.push(`entry point address ${address} bound as ${rewritten}`);
  }
  if (!definesEntryPoints) {
    const address = rewriteAddress(input, ':80');
    args.push(`--entrypoints.http.address=${address}`);
    notes.push(`Traefik's default entry point http bound as ${address}`);
  }
  if (needsInternalEntryPoint(flags) && !flags.has('entrypoints.traefik.address')) {
    const address = rewriteAddress(input, ':8080');
    args.push(`--entrypoints.traefik.address=${address}`);
    notes.push(`Traefik's API entry point traefik bound as ${address}`);
  }
  // The lab has no route to the internet: keep Traefik from phoning home for version checks and stats.
  if (!flags.has('global.checknewversion')) args.push('--global.checkNewVersion=false');
  if (!flags.has('global.sendanonymoususage')) args.push('--global.sendAnonymousUsage=false');
  const region = flags.get('providers.ecs.region') || input.region;
  const credentials: Record<string, string> =
    'accessKeyId' in input.credentials
      ? {
          AWS_ACCESS_KEY_ID: input.credentials.accessKeyId,
          AWS_SECRET_ACCESS_KEY: input.credentials.secretAccessKey,
        }
      : {
          AWS_CONTAINER_CREDENTIALS_FULL_URI: input.credentials.fullUri,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: input.credentials.authorizationToken,
        };
  const env = {
    ...baseEnv(input),
    AWS_REGION: region,
    ...taskEnv(input),
    // Traefik's ECS provider has no endpoint option; AWS SDK for Go v2 takes it from here (traefik-and-whoami.md).
    AWS_ENDPOINT_URL: input.labEndpoint,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...credentials,
  };
  return { args, env, notes };
}
