// Property-based fuzzing of every server action's input through the real action code against a lab: bad input is refused by field, ECS untouched.
import { DescribeTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { labState } from '@/lab/test/support/raw-aws';
import type { ActionResult } from '@/lib/schemas/actions';
import { assignRoleWith } from '@/server/actions/impl/assign-role';
import { cleanUpWith } from '@/server/actions/impl/clean-up';
import { deployLoadBalancerWith } from '@/server/actions/impl/deploy-load-balancer';
import { deployWhoamiWith } from '@/server/actions/impl/deploy-whoami';
import {
  activationStatusWith,
  registerInstancesWith,
} from '@/server/actions/impl/register-instances';
import { removeAttributeWith } from '@/server/actions/impl/remove-attribute';
import { scaleServiceWith } from '@/server/actions/impl/scale-service';
import { stopTaskWith } from '@/server/actions/impl/stop-task';
import type { EcsContext } from '@/server/ecs/context';
import { labContext } from '@/server/test/support/lab-context';
import { probeRoutingWith } from '@/server/walkthrough/probe';

type Kind = 'text' | 'free' | 'number' | 'boolean' | 'list' | 'confirm' | 'enum';

interface ActionUnderTest {
  name: string;
  run: (ctx: EcsContext, input: unknown) => Promise<ActionResult<unknown>>;
  /** A valid input: each case breaks exactly one of its fields. */
  base: Record<string, unknown>;
  fields: Record<string, Kind>;
}

const actions: ActionUnderTest[] = [
  {
    name: 'assignRole',
    run: assignRoleWith,
    base: { instanceArns: ['i-1'], value: 'webserver' },
    fields: { instanceArns: 'list', name: 'text', value: 'text' },
  },
  {
    name: 'removeAttribute',
    run: removeAttributeWith,
    base: { instanceArns: ['i-1'] },
    fields: { instanceArns: 'list', name: 'text' },
  },
  {
    name: 'deployLoadBalancer',
    run: deployLoadBalancerWith,
    base: {},
    fields: {
      ...Object.fromEntries(
        ['family', 'serviceName', 'containerName', 'imageTag', 'region', 'taskRoleArn'].map(
          (field) => [field, 'text' as const],
        ),
      ),
      ...Object.fromEntries(
        ['entrypointPort', 'apiPort', 'refreshSeconds', 'memory', 'desiredCount'].map((field) => [
          field,
          'number' as const,
        ]),
      ),
      dashboard: 'boolean',
      force: 'boolean',
      roleName: 'text',
      roleValue: 'text',
    },
  },
  {
    name: 'deployWhoami',
    run: deployWhoamiWith,
    base: {},
    fields: {
      ...Object.fromEntries(
        [
          'family',
          'serviceName',
          'containerName',
          'image',
          'host',
          'path',
          'traefikService',
          'roleName',
          'roleValue',
        ].map((field) => [field, 'text' as const]),
      ),
      memory: 'number',
      desiredCount: 'number',
      force: 'boolean',
    },
  },
  {
    name: 'scaleService',
    run: scaleServiceWith,
    base: { service: 'fuzz', desiredCount: 1 },
    fields: { service: 'text', desiredCount: 'number' },
  },
  {
    name: 'stopTask',
    run: stopTaskWith,
    base: { taskArn: 'fuzz' },
    fields: { taskArn: 'text', reason: 'free' },
  },
  {
    name: 'cleanUp',
    run: cleanUpWith,
    base: {},
    fields: {
      services: 'list',
      families: 'list',
      deregisterTaskDefinitions: 'boolean',
      deregisterInstances: 'confirm',
      deleteCluster: 'confirm',
    },
  },
  {
    name: 'registerInstances',
    run: registerInstancesWith,
    base: {},
    fields: {
      iamRole: 'text',
      defaultInstanceName: 'text',
      instanceCount: 'number',
      expiresInHours: 'number',
    },
  },
  {
    name: 'activationStatus',
    run: activationStatusWith,
    base: { activationId: '00000000-0000-4000-8000-000000000000' },
    fields: { activationId: 'text' },
  },
  {
    name: 'probeRouting',
    run: probeRoutingWith,
    base: { mode: 'host', count: 1 },
    fields: { mode: 'enum', host: 'text', path: 'text', count: 'number', service: 'text' },
  },
];

// Characters no name, id, host, path, image, region or role field accepts (quotes, backticks, spaces, control, non-ASCII).
const FORBIDDEN = ['`', '"', ' ', '\n', '\r', '\t', '<', '{', '\\', 'é', '\u0000', '\u202e'];
const notText = fc.constantFrom<unknown>({}, [], 42, true, null, ['a']);
const badText = fc.oneof(
  notText,
  fc
    .tuple(fc.stringMatching(/^[a-z0-9]{1,8}$/), fc.constantFrom(...FORBIDDEN), fc.string())
    .map(([head, bad, tail]) => `/${head}${bad}${head}${tail}`),
  fc.constantFrom(
    'traefik.http.routers.x.rule=Host(`evil`)',
    'a`) || Host(`evil',
    'x'.repeat(2000),
  ),
);
const bad: Record<Kind, fc.Arbitrary<unknown>> = {
  text: badText,
  free: fc.oneof(
    notText,
    fc.string({ minLength: 256 }).map((s) => s.padEnd(300, 'x')),
  ),
  number: fc.constantFrom<unknown>('abc', {}, [1, 2], 1.5, -5, 1e9, Infinity, NaN, '7 OR 1=1'),
  boolean: fc.constantFrom<unknown>('true', 1, 0, null, {}, []),
  list: fc.oneof(
    fc.constantFrom<unknown>(
      'Whoami',
      {},
      7,
      null,
      Array.from({ length: 10_001 }, () => 'x'),
    ),
    badText.map((item) => [item]),
  ),
  confirm: fc.constantFrom<unknown>('anywhere-lab', {}, { confirm: 5 }, null, []),
  enum: fc.constantFrom<unknown>('HOST', 'host ', '', 'both', 1, null),
};

const oneBadField = fc
  .constantFrom(...actions)
  .chain((action) =>
    fc
      .constantFrom(...Object.entries(action.fields))
      .chain(([field, kind]) =>
        bad[kind].map((value) => ({ action, field, input: { ...action.base, [field]: value } })),
      ),
  );
const notAnObject = fc.tuple(
  fc.constantFrom(...actions),
  fc.oneof(
    fc.constantFrom<unknown>(null, undefined, 0, '', []),
    fc.string(),
    fc.array(fc.anything()),
  ),
);

let endpoint: string;
let ctx: EcsContext;
let cases = 0;

/** What an action could change: the clusters (instances, services, tasks, definitions) and SSM activations. */
async function ecsState(): Promise<string> {
  const state = (await labState(endpoint)) as { clusters: unknown; activations: unknown };
  return JSON.stringify([state.clusters, state.activations]);
}

function expectRefused(result: ActionResult<unknown>, what: string) {
  expect(result.ok, what).toBe(false);
  if (result.ok) return;
  expect(result.error.code, what).toBe('InvalidInput');
  expect(result.error.message.length, what).toBeGreaterThan(0);
  expect(result.error.message.length, what).toBeLessThan(300);
  expect(result.error.message, what).not.toMatch(/\n\s+at |Error:/);
}

beforeAll(async () => {
  endpoint = inject('labEndpoint');
  ctx = labContext(endpoint);
});

afterAll(() => console.log(`fuzz-actions: ${cases} inputs`));

describe('server actions under fuzzing', () => {
  it('refuse one bad field with a message naming that field, and change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(oneBadField, async ({ action, field, input }) => {
        cases += 1;
        const what = `${action.name} ${field}=${String(JSON.stringify(input[field])).slice(0, 80)}`;
        const before = await ecsState();
        const result = await action.run(ctx, input);
        expectRefused(result, what);
        if (result.ok) return;
        expect(result.error.field?.split('.')[0], what).toBe(field);
        expect(result.error.message.startsWith(`${result.error.field}: `), what).toBe(true);
        expect(await ecsState(), what).toBe(before);
      }),
      { numRuns: 5000, interruptAfterTimeLimit: 10_000 },
    );
  }, 60_000);

  it('refuse an input that is not an object, and change nothing', async () => {
    const before = await ecsState();
    await fc.assert(
      fc.asyncProperty(notAnObject, async ([action, input]) => {
        cases += 1;
        expectRefused(await action.run(ctx, input), `${action.name} ${String(input)}`);
      }),
      { numRuns: 300 },
    );
    expect(await ecsState()).toBe(before);
  });
});

describe('deploying through the real action', () => {
  it('refuses rule and label injection in every Whoami field', async () => {
    const before = await ecsState();
    const attempts = {
      host: ['a.com`) || Host(`evil.com', 'a.com\ntraefik.http.routers.x.rule=Host(`e`)', "a.com'"],
      path: ['/x`) || PathPrefix(`/', '/x"', '/x y', '/x\ny'],
      traefikService: ['x.rule', 'x=Host(`e`)', 'routers.x'],
      containerName: ['web`', 'web name'],
      roleValue: ['webserver or attribute:role == loadbalancer'],
    };
    for (const [field, values] of Object.entries(attempts)) {
      for (const value of values) {
        const result = await deployWhoamiWith(ctx, {
          force: true,
          desiredCount: 0,
          [field]: value,
        });
        expectRefused(result, `${field}=${value}`);
        if (!result.ok) expect(result.error.field).toBe(field);
      }
    }
    expect(await ecsState()).toBe(before);
  });

  it('registers exactly the expected labels for unusual but valid values', async () => {
    const input = {
      family: 'FuzzInject',
      serviceName: 'FuzzInject',
      traefikService: 'inj-1',
      host: 'x--y.example',
      path: '/a(b)&c=$d;e,f*+!~@:',
      force: true,
      desiredCount: 0,
    };
    try {
      const result = await deployWhoamiWith(ctx, input);
      if (!result.ok) throw new Error(result.error.message);
      const { taskDefinition } = await ctx.ecs.send(
        new DescribeTaskDefinitionCommand({ taskDefinition: result.data.taskDefinitionArn }),
      );
      expect(taskDefinition!.containerDefinitions![0]!.dockerLabels).toEqual({
        'traefik.enable': 'true',
        'traefik.http.routers.inj-1-host.entrypoints': 'web',
        'traefik.http.routers.inj-1-host.rule': 'Host(`x--y.example`)',
        'traefik.http.routers.inj-1-host.service': 'inj-1',
        'traefik.http.routers.inj-1-path.entrypoints': 'web',
        'traefik.http.routers.inj-1-path.rule': `Path(\`${input.path}\`)`,
        'traefik.http.routers.inj-1-path.service': 'inj-1',
        'traefik.http.services.inj-1.loadbalancer.server.port': '80',
      });
    } finally {
      await cleanUpWith(ctx, { services: ['FuzzInject'], families: ['FuzzInject'] });
    }
  });
});
