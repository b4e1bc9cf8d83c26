// Property tests: no input to the deploy forms can add a Traefik label, a rule matcher, a Traefik flag or a placement clause.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deployLoadBalancerInput, deployWhoamiInput } from '@/lib/schemas/actions';
import { loadBalancerTaskDefinition } from '@/lib/templates/load-balancer';
import { hostRule, labelKeySegment, pathRule } from '@/lib/templates/traefik-rules';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';

// Pieces an attacker would paste: rule and label syntax, quotes, whitespace, control and look-alike characters.
const FRAGMENTS = [
  '`',
  '"',
  "'",
  '\\',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u0000',
  '\u2028',
  '\u202e',
  ')',
  '(',
  '||',
  '&&',
  '=',
  '.',
  ',',
  '%0a',
  '%60',
  ') || Host(`evil.com`',
  '`) || PathPrefix(`/',
  'traefik.http.routers.x.rule=Host(`evil`)',
  'traefik.http.services.x.loadbalancer.server.port=1',
  '.rule',
  '--api.insecure=true',
  ' or attribute:role == loadbalancer',
];
const nasty = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.stringMatching(/^[a-z0-9/.-]{0,12}$/),
      fc.string({ unit: 'grapheme', maxLength: 4 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(''));
// Mostly absent or plain, so that inputs with one nasty field among valid ones are common.
const maybe = (arbitrary: fc.Arbitrary<string>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.stringMatching(/^\/?[a-z0-9]{1,12}$/) },
    { weight: 1, arbitrary },
  );

const SINGLE_MATCHER = /^(Host|Path)\(`[^`'"\\\s]+`\)$/u;

describe('rule and label builders', () => {
  it('either refuse a value or wrap it as exactly one matcher', () => {
    fc.assert(
      fc.property(nasty, fc.constantFrom(hostRule, pathRule), (value, build) => {
        let rule: string;
        try {
          rule = build(value);
        } catch {
          return;
        }
        expect(rule).toMatch(SINGLE_MATCHER);
        expect(rule.slice(rule.indexOf('`') + 1, -2)).toBe(value);
      }),
      { numRuns: 5000 },
    );
  });

  it('either refuse a name or return a single label-key segment', () => {
    fc.assert(
      fc.property(nasty, (name) => {
        let segment: string;
        try {
          segment = labelKeySegment(name);
        } catch {
          return;
        }
        expect(segment).toMatch(/^[A-Za-z0-9-]+$/);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('deploy inputs', () => {
  it('give Whoami exactly its eight labels and single-matcher rules, or are refused', () => {
    const whoamiFields = fc.record({
      family: maybe(nasty),
      serviceName: maybe(nasty),
      containerName: maybe(nasty),
      image: maybe(nasty),
      host: maybe(nasty),
      path: maybe(nasty),
      traefikService: maybe(nasty),
      roleName: maybe(nasty),
      roleValue: maybe(nasty),
    });
    let accepted = 0;
    fc.assert(
      fc.property(whoamiFields, (input) => {
        const parsed = deployWhoamiInput.safeParse(input);
        if (!parsed.success) {
          expect(parsed.error.issues[0]?.message.length).toBeGreaterThan(0);
          return;
        }
        accepted += 1;
        const params = parsed.data;
        const [container] = whoamiTaskDefinition(params).containerDefinitions!;
        const s = params.traefikService;
        const routers = [`${s}-host`, `${s}-path`];
        expect(Object.keys(container!.dockerLabels!).sort()).toEqual(
          [
            'traefik.enable',
            ...routers.flatMap((r) =>
              ['entrypoints', 'rule', 'service'].map((k) => `traefik.http.routers.${r}.${k}`),
            ),
            `traefik.http.services.${s}.loadbalancer.server.port`,
          ].sort(),
        );
        for (const router of routers) {
          expect(container!.dockerLabels![`traefik.http.routers.${router}.rule`]).toMatch(
            SINGLE_MATCHER,
          );
        }
        expect(container!.dockerLabels!['traefik.enable']).toBe('true');
      }),
      { numRuns: 5000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it('give Traefik only its own flags and one placement clause, or are refused', () => {
    const loadBalancerFields = fc.record({
      family: maybe(nasty),
      containerName: maybe(nasty),
      imageTag: maybe(nasty),
      region: maybe(nasty),
      taskRoleArn: maybe(nasty),
      roleName: maybe(nasty),
      roleValue: maybe(nasty),
    });
    let accepted = 0;
    fc.assert(
      fc.property(loadBalancerFields, (input) => {
        const parsed = deployLoadBalancerInput.safeParse(input);
        if (!parsed.success) return;
        accepted += 1;
        const params = { ...parsed.data, region: parsed.data.region || 'us-east-1' };
        const definition = loadBalancerTaskDefinition({ ...params, refreshSeconds: 2 });
        const command = definition.containerDefinitions![0]!.command!;
        for (const arg of command) expect(arg).toMatch(/^--[A-Za-z.]+=[^\s=]*$/);
        expect(command.filter((arg) => arg.startsWith('--providers.ecs.region='))).toEqual([
          `--providers.ecs.region=${params.region}`,
        ]);
        expect(definition.placementConstraints).toEqual([
          {
            type: 'memberOf',
            expression: `attribute:${params.roleName} == ${params.roleValue}`,
          },
        ]);
        expect(`${params.roleName}${params.roleValue}`).not.toMatch(/\s/);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(0);
  });
});
