// Property-based fuzzing of every ECS and SSM operation the lab serves: never a 5xx, always AWS's error shape, state untouched on rejection.
import * as fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { services } from '../api/registry';
import { startLab, type RunningLab } from './lab-process';
import { signedHeaders } from './support/raw-aws';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

interface Reply {
  status: number;
  text: string;
}

const TIME_BUDGET_MS = Number(process.env.FUZZ_API_MS ?? 20_000);

const targets = Object.entries(services).flatMap(([prefix, service]) =>
  Object.entries(service.operations).map(([name, operation]) => ({
    target: `${prefix}.${name}`,
    schema: z.toJSONSchema(operation.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
  })),
);

let lab: RunningLab;
/** Identifiers that exist in the lab, so valid-ish inputs reach past "not found". */
let known: string[] = [];
let cases = 0;
const outcomes = new Map<string, number>();

async function send(target: string, body: string, headers?: Record<string, string>) {
  const signed = headers ?? (await signedHeaders(lab.endpoint, target, body));
  const rest = { ...signed };
  delete rest.host;
  const response = await fetch(`${lab.endpoint}/`, { method: 'POST', headers: rest, body });
  return { status: response.status, text: await response.text() };
}

async function admin(path: string): Promise<Reply> {
  const response = await fetch(`${lab.adminEndpoint}${path}`, {
    headers: { authorization: 'Bearer lab' },
  });
  return { status: response.status, text: await response.text() };
}

const state = async () => (await admin('/state')).text;

/** State reads equal 200 ms apart: the lab's own timers (scheduler, agents) have nothing left to do. */
async function settledState(): Promise<string> {
  let previous = await state();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const current = await state();
    if (current === previous) return current;
    previous = current;
  }
}

function expectWellFormed(reply: Reply, what: string) {
  expect(reply.status, `${what} → ${reply.text.slice(0, 300)}`).toBeLessThan(500);
  if (reply.status < 400) return;
  const body = JSON.parse(reply.text) as Record<string, unknown>;
  expect(Object.keys(body).sort(), what).toEqual(['__type', 'message']);
  expect(typeof body.__type).toBe('string');
  expect(typeof body.message).toBe('string');
}

/**
 * Sends a request and checks the lab's answer. A rejected request that seems to change the state is
 * sent again once the lab has settled, so a timer firing in between is not mistaken for a bug.
 */
async function check(what: string, request: () => Promise<Reply>): Promise<Reply> {
  cases += 1;
  const before = await state();
  const reply = await request();
  expectWellFormed(reply, what);
  const outcome =
    reply.status < 400 ? 'accepted' : (JSON.parse(reply.text) as { __type: string }).__type;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  if (reply.status < 400 || (await state()) === before) return reply;
  const settled = await settledState();
  const again = await request();
  expect(again.status, what).toBeGreaterThanOrEqual(400);
  expect(await state(), `${what} changed the state although rejected`).toBe(settled);
  return reply;
}

const junkLeaf = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -0),
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '\u0000', '../..', '`', '"\'', '\n\r', '%00', '${x}', '__proto__'),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
);
const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    junkLeaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

const plausibleString = () =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known, 'fuzz', 'fuzz:1') },
    { weight: 1, arbitrary: fc.constantFrom('default', 'traefik:v3.6', 'attribute == value') },
    { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/) },
  );

/** Values that follow the schema most of the time, and junk the rest, so requests get past the first check. */
function plausible(schema: JsonSchema, depth: number, mixJunk: boolean): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf?.length)
    return fc.oneof(...schema.anyOf.map((s) => plausible(s, depth, mixJunk)));
  switch (schema.type) {
    case 'string':
      return schema.pattern && !mixJunk
        ? fc.oneof(fc.stringMatching(new RegExp(schema.pattern, 'u')), plausibleString())
        : plausibleString();
    case 'integer':
      return mixJunk
        ? fc.integer({ min: -2, max: 120 })
        : fc.integer({
            min: schema.minimum ?? 0,
            max: Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 100, 10_000)),
          });
    case 'number':
      return fc.double({ noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = mixJunk ? 0 : (schema.minItems ?? 0);
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4) + (mixJunk ? 1 : 0));
      return fc.array(depth > 3 ? junk : field(schema.items ?? {}, depth + 1, mixJunk), {
        minLength,
        maxLength,
      });
    }
    case 'object':
      return objectOf(schema, depth + 1, mixJunk);
    default:
      return junk;
  }
}

function field(schema: JsonSchema, depth: number, mixJunk: boolean): fc.Arbitrary<unknown> {
  if (!mixJunk) return plausible(schema, depth, mixJunk);
  return fc.oneof(
    { weight: 4, arbitrary: plausible(schema, depth, mixJunk) },
    { weight: 1, arbitrary: junk },
  );
}

function objectOf(
  schema: JsonSchema,
  depth: number,
  mixJunk: boolean,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const record = fc.record(
    Object.fromEntries(properties.map(([key, s]) => [key, field(s, depth, mixJunk)])),
    { requiredKeys: mixJunk ? [] : (schema.required ?? []) },
  );
  if (!mixJunk) return record;
  const extra = fc.dictionary(fc.string({ maxLength: 10 }), junk, { maxKeys: 2 });
  return fc
    .tuple(record, fc.option(extra, { freq: 5 }))
    .map(([fields, more]) => ({ ...(more ?? {}), ...fields }));
}

const operationInput = fc
  .constantFrom(...targets)
  .chain(({ target, schema }) =>
    fc.tuple(
      fc.constant(target),
      fc.oneof(
        { weight: 3, arbitrary: objectOf(schema, 0, false) },
        { weight: 3, arbitrary: objectOf(schema, 0, true) },
        { weight: 1, arbitrary: junk },
      ),
    ),
  );

/** Ways to spoil a request that is otherwise signed correctly. */
const spoiled = fc.oneof(
  fc.record({ kind: fc.constant('unsigned' as const), target: fc.constantFrom(...targets) }),
  fc.record({
    kind: fc.constant('garbled-signature' as const),
    target: fc.constantFrom(...targets),
    at: fc.nat(),
    char: fc.constantFrom('0', 'f', 'Z', ' ', ',', '='),
  }),
  fc.record({
    kind: fc.constant('malformed-json' as const),
    target: fc.constantFrom(...targets),
    body: fc.oneof(
      fc.string(),
      fc.json().map((text) => text.slice(0, -1)),
      fc.constantFrom('[]', 'null', '1', '"{}"', '{"a":', '{,}', '\u0000'),
    ),
  }),
  fc.record({
    kind: fc.constant('wrong-target' as const),
    target: fc.oneof(
      fc.stringMatching(/^[\x21-\x7e]{0,60}$/),
      fc.constantFrom(...targets).map(({ target }) => `${target}X`),
      fc.constantFrom(...targets).map(({ target }) => target.toLowerCase()),
      fc.constantFrom(
        'AmazonSSM.',
        '.ListClusters',
        'AmazonSSM.constructor',
        'AmazonSSM.__proto__',
      ),
    ),
  }),
  fc.record({ kind: fc.constant('huge-body' as const), target: fc.constantFrom(...targets) }),
);

type SpoiledCase = typeof spoiled extends fc.Arbitrary<infer T> ? T : never;

async function sendSpoiled(request: SpoiledCase): Promise<Reply> {
  switch (request.kind) {
    case 'unsigned':
      return send(request.target.target, '{}', {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': request.target.target,
      });
    case 'garbled-signature': {
      const headers = await signedHeaders(lab.endpoint, request.target.target, '{}');
      const auth = headers.authorization!;
      const at = request.at % auth.length;
      const char = auth[at] === request.char ? '_' : request.char;
      headers.authorization = auth.slice(0, at) + char + auth.slice(at + 1);
      return send(request.target.target, '{}', headers);
    }
    case 'malformed-json':
      return send(request.target.target, request.body);
    case 'wrong-target':
      return send(request.target, '{}');
    case 'huge-body':
      return send(request.target.target, `{"x":"${'a'.repeat(1024 * 1024 + 1)}"}`);
  }
}

beforeAll(async () => {
  // No instances: nothing accepted by the fuzzer starts a real process.
  lab = await startLab({ instances: 0 });
  const setup = [
    ['AmazonEC2ContainerServiceV20141113.CreateCluster', { clusterName: 'fuzz' }],
    ['AmazonEC2ContainerServiceV20141113.RegisterContainerInstance', { cluster: 'fuzz' }],
    [
      'AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition',
      { family: 'fuzz', containerDefinitions: [{ name: 'web', image: 'nginx', memory: 64 }] },
    ],
  ] as const;
  for (const [target, input] of setup) {
    const reply = await send(target, JSON.stringify(input));
    expect(reply.status, reply.text).toBe(200);
    known.push(...(reply.text.match(/arn:aws:[a-z]+:[^"]+/g) ?? []));
  }
  known = [...new Set(known)];
});

afterAll(async () => {
  await lab?.stop();
  console.log(`fuzz-api: ${cases} requests`, Object.fromEntries(outcomes));
});

describe('the lab under fuzzing', () => {
  it('answers every generated operation input with a 2xx or a well-formed 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(operationInput, async ([target, input]) => {
        await check(`${target} ${JSON.stringify(input)?.slice(0, 300)}`, () =>
          send(target, JSON.stringify(input) ?? 'null'),
        );
      }),
      { numRuns: 100_000, interruptAfterTimeLimit: TIME_BUDGET_MS },
    );
    expect((await admin('/health')).status).toBe(200);
  }, 120_000);

  it('rejects unsigned, garbled, malformed, misdirected and oversized requests', async () => {
    await fc.assert(
      fc.asyncProperty(spoiled, async (request) => {
        const reply = await check(request.kind, () => sendSpoiled(request));
        if (request.kind !== 'malformed-json') expect(reply.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: 100_000, interruptAfterTimeLimit: TIME_BUDGET_MS / 2 },
    );
    expect((await admin('/health')).status).toBe(200);
  }, 120_000);
});
