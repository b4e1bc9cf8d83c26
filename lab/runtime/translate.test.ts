import { describe, expect, it } from 'vitest';
import { translateContainer, type TranslationInput } from './translate';

const scenarioTraefikCommand = [
  '--api.dashboard=true',
  '--api.insecure=true',
  '--entrypoints.web.address=:80',
  '--providers.ecs.ecsAnywhere=true',
  '--providers.ecs.region=eu-west-3',
  '--providers.ecs.autoDiscoverClusters=true',
  '--providers.ecs.exposedByDefault=false',
];

function input(overrides: Partial<TranslationInput>): TranslationInput {
  return {
    kind: 'whoami',
    environment: [],
    hostAddress: '127.0.0.12',
    portBindings: [],
    hostname: '0123456789ab',
    labEndpoint: 'http://127.0.0.1:4599',
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDLAB', secretAccessKey: 'secret' },
    ownHostname: true,
    root: true,
    ...overrides,
  };
}

describe('whoami', () => {
  it('never takes host port 80 for an unpublished container port', () => {
    const spec = translateContainer(input({ kind: 'whoami', portBindings: [] }));
    expect(spec.args).toEqual(['-port=0']);
  });

  it('listens on the host port bound to container port 80', () => {
    const spec = translateContainer(
      input({ portBindings: [{ containerPort: 80, hostPort: 32768, protocol: 'tcp' }] }),
    );
    expect(spec.args).toEqual(['-port=32768']);
  });

  it('keeps the flags whoami understands and overrides -port with the bound one', () => {
    const spec = translateContainer(
      input({
        entryPoint: ['/whoami'],
        command: ['-name', 'blue', '--verbose', '-port', '8000', '-cert', '/certs/a.pem', '-bogus'],
        portBindings: [
          { containerPort: 80, hostPort: 32768, protocol: 'tcp' },
          { containerPort: 8000, hostPort: 32769, protocol: 'tcp' },
        ],
      }),
    );
    expect(spec.args).toEqual(['-name=blue', '-verbose', '-port=32769']);
    expect(spec.notes).toEqual(['ignored whoami flag "-cert"', 'ignored whoami flag "-bogus"']);
  });

  it('takes its container port from WHOAMI_PORT_NUMBER and passes the environment through', () => {
    const spec = translateContainer(
      input({
        environment: [
          { name: 'WHOAMI_PORT_NUMBER', value: '9000' },
          { name: 'WHOAMI_NAME', value: 'green' },
        ],
        portBindings: [
          { containerPort: 9000, hostPort: 40001, protocol: 'tcp' },
          { containerPort: 80, hostPort: 40002, protocol: 'tcp' },
        ],
      }),
    );
    expect(spec.args).toEqual(['-port=40001']);
    expect(spec.env).toMatchObject({ WHOAMI_NAME: 'green', WHOAMI_PORT_NUMBER: '9000' });
  });

  it('uses the single port mapping whatever its container port', () => {
    const spec = translateContainer(
      input({ portBindings: [{ containerPort: 8080, hostPort: 33000, protocol: 'tcp' }] }),
    );
    expect(spec.args).toEqual(['-port=33000']);
  });

  it('names itself after the container id when it cannot have its own hostname', () => {
    const shared = translateContainer(
      input({
        ownHostname: false,
        root: false,
        portBindings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
      }),
    );
    expect(shared.env.WHOAMI_NAME).toBe('0123456789ab');
    expect(shared.args).toEqual(['-port=10080']);
    const own = translateContainer(input({ ownHostname: true }));
    expect(own.env.WHOAMI_NAME).toBeUndefined();
    expect(own.env.HOSTNAME).toBe('0123456789ab');
  });

  it('never hands the lab environment to the container', () => {
    const spec = translateContainer(input({}));
    expect(Object.keys(spec.env).sort()).toEqual(['HOME', 'HOSTNAME', 'PATH']);
  });
});

describe('traefik', () => {
  const withoutPhoneHome = (args: string[]) => args.filter((arg) => !arg.startsWith('--global.'));

  it('turns off version checks and usage reports, which cannot leave the lab', () => {
    const spec = translateContainer(input({ kind: 'traefik', command: ['--api.insecure=true'] }));
    expect(spec.args).toEqual(
      expect.arrayContaining([
        '--global.checkNewVersion=false',
        '--global.sendAnonymousUsage=false',
      ]),
    );
  });

  const bindings = [
    { containerPort: 80, hostPort: 80, protocol: 'tcp' as const },
    { containerPort: 8080, hostPort: 8080, protocol: 'tcp' as const },
  ];

  it("binds the scenario's entry points to the instance address and adds the API's", () => {
    const spec = translateContainer(
      input({ kind: 'traefik', command: scenarioTraefikCommand, portBindings: bindings }),
    );
    expect(withoutPhoneHome(spec.args)).toEqual([
      '--api.dashboard=true',
      '--api.insecure=true',
      '--entrypoints.web.address=127.0.0.12:80',
      '--providers.ecs.ecsAnywhere=true',
      '--providers.ecs.region=eu-west-3',
      '--providers.ecs.autoDiscoverClusters=true',
      '--providers.ecs.exposedByDefault=false',
      '--entrypoints.traefik.address=127.0.0.12:8080',
    ]);
  });

  it('maps container ports to their host ports, keeping the protocol', () => {
    const spec = translateContainer(
      input({
        kind: 'traefik',
        entryPoint: ['traefik'],
        command: [
          '--entryPoints.web.address=0.0.0.0:80',
          '--entrypoints.dns.address=:53/udp',
          '--entrypoints.admin.address',
          '[::]:9000',
          '--api.insecure',
        ],
        portBindings: [
          { containerPort: 80, hostPort: 18081, protocol: 'tcp' },
          { containerPort: 53, hostPort: 18053, protocol: 'udp' },
          { containerPort: 53, hostPort: 18054, protocol: 'tcp' },
          { containerPort: 8080, hostPort: 18082, protocol: 'tcp' },
        ],
      }),
    );
    expect(withoutPhoneHome(spec.args)).toEqual([
      '--entryPoints.web.address=127.0.0.12:18081',
      '--entrypoints.dns.address=127.0.0.12:18053/udp',
      '--entrypoints.admin.address=127.0.0.12:9000',
      '--api.insecure',
      '--entrypoints.traefik.address=127.0.0.12:18082',
    ]);
  });

  it('leaves an explicit traefik entry point and a secure API alone', () => {
    const explicit = translateContainer(
      input({
        kind: 'traefik',
        command: ['--api.insecure=true', '--entrypoints.traefik.address=:9090'],
      }),
    );
    expect(withoutPhoneHome(explicit.args)).toEqual([
      '--api.insecure=true',
      '--entrypoints.traefik.address=127.0.0.12:9090',
    ]);
    const secure = translateContainer(
      input({
        kind: 'traefik',
        command: ['--api.insecure=false', '--entrypoints.web.address=:80'],
      }),
    );
    expect(withoutPhoneHome(secure.args)).toEqual([
      '--api.insecure=false',
      '--entrypoints.web.address=127.0.0.12:80',
    ]);
  });

  it("binds Traefik's default http entry point when the command defines none", () => {
    const spec = translateContainer(input({ kind: 'traefik', command: ['--ping'], root: false }));
    expect(withoutPhoneHome(spec.args)).toEqual([
      '--ping',
      '--entrypoints.http.address=127.0.0.12:10080',
      '--entrypoints.traefik.address=127.0.0.12:8080',
    ]);
  });

  it('points the AWS SDK at the lab with static keys and the region from the command', () => {
    const spec = translateContainer(
      input({
        kind: 'traefik',
        command: scenarioTraefikCommand,
        environment: [
          { name: 'TZ', value: 'UTC' },
          { name: 'AWS_ENDPOINT_URL', value: 'https://ecs.amazonaws.com' },
        ],
      }),
    );
    expect(spec.env).toEqual({
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      HOME: '/root',
      HOSTNAME: '0123456789ab',
      TZ: 'UTC',
      AWS_REGION: 'eu-west-3',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4599',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'AKIDLAB',
      AWS_SECRET_ACCESS_KEY: 'secret',
    });
  });

  it('hands over container credentials and the lab region when the command names none', () => {
    const spec = translateContainer(
      input({
        kind: 'traefik',
        command: ['--providers.ecs.region', 'ap-south-1', '--providers.ecs=true'],
        credentials: {
          fullUri: 'http://127.0.0.1:4599/_lab/task-credentials/abc',
          authorizationToken: 'token',
        },
      }),
    );
    expect(spec.env).toMatchObject({
      AWS_REGION: 'ap-south-1',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1:4599/_lab/task-credentials/abc',
      AWS_CONTAINER_AUTHORIZATION_TOKEN: 'token',
    });
    expect(spec.env.AWS_ACCESS_KEY_ID).toBeUndefined();
    const noRegion = translateContainer(
      input({ kind: 'traefik', command: ['--providers.ecs=true'] }),
    );
    expect(noRegion.env.AWS_REGION).toBe('us-east-1');
  });
});
