import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignRoleInput,
  cleanUpInput,
  deployLoadBalancerInput,
  deployWhoamiInput,
  invalid,
  scaleServiceInput,
} from '@/lib/schemas/actions';
import { whoamiTaskDefinition } from '@/lib/templates/whoami';

function errorFor(
  schema: { safeParse(input: unknown): { success: boolean; error?: unknown } },
  input: unknown,
) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  return invalid(result.error as Parameters<typeof invalid>[0]).error;
}

describe('deployWhoamiInput rejects injection with field-level messages', () => {
  it.each([
    ['host', 'whoami.domain.com`) || Host(`evil.com'],
    ['host', "whoami'.domain.com"],
    ['host', 'whoami".domain.com'],
    ['host', 'whoami\n.domain.com'],
    ['host', 'Whoami.Domain.com'],
    ['host', 'a..b'],
    ['host', `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`],
    ['host', `${'a'.repeat(64)}.com`],
    ['path', '/whoami`) || Path(`/x'],
    ['path', "/who'ami"],
    ['path', '/who"ami'],
    ['path', '/who\nami'],
    ['path', '/who ami'],
    ['path', 'whoami'],
    ['traefikService', 'whoami.rule'],
    ['traefikService', 'who`ami'],
    ['traefikService', 'who"ami'],
    ['traefikService', 'who\nami'],
    ['traefikService', 'a'.repeat(60)],
    ['containerName', 'whoami.x'],
    ['roleValue', 'webserver || attribute:x'],
    ['roleName', 'role == x'],
    ['image', 'traefik/whoami; rm -rf /'],
  ])('%s = %j', (field, value) => {
    const error = errorFor(deployWhoamiInput, { [field]: value });
    expect(error.code).toBe('InvalidInput');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  });

  it('accepts the boundary cases of a DNS name and of a path', () => {
    const host = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    expect(host).toHaveLength(253);
    expect(deployWhoamiInput.safeParse({ host, path: '/a-b_c.d~e!$&()*+,;=:@/' }).success).toBe(
      true,
    );
  });

  it('only ever produces fixed label keys and one backtick pair per rule', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (host, path, traefikService) => {
        const parsed = deployWhoamiInput.safeParse({ host, path, traefikService });
        if (!parsed.success) return;
        const labels = whoamiTaskDefinition(parsed.data).containerDefinitions![0]!.dockerLabels!;
        const name = parsed.data.traefikService;
        expect(Object.keys(labels).sort()).toEqual(
          [
            'traefik.enable',
            `traefik.http.routers.${name}-host.entrypoints`,
            `traefik.http.routers.${name}-host.rule`,
            `traefik.http.routers.${name}-host.service`,
            `traefik.http.routers.${name}-path.entrypoints`,
            `traefik.http.routers.${name}-path.rule`,
            `traefik.http.routers.${name}-path.service`,
            `traefik.http.services.${name}.loadbalancer.server.port`,
          ].sort(),
        );
        for (const [key, value] of Object.entries(labels)) {
          expect(key.split('.').length).toBeLessThanOrEqual(6);
          if (key.endsWith('.rule')) expect(value.split('`')).toHaveLength(3);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('deployLoadBalancerInput', () => {
  it('has the scenario defaults and leaves region and refresh interval to the target', () => {
    expect(deployLoadBalancerInput.parse({})).toMatchObject({
      family: 'LoadBalancer',
      serviceName: 'LoadBalancer',
      imageTag: 'v3.6',
      region: '',
      taskRoleArn: '',
      entrypointPort: 80,
      apiPort: 8080,
      dashboard: true,
      roleName: 'role',
      roleValue: 'loadbalancer',
      desiredCount: 1,
      force: false,
    });
    expect(deployLoadBalancerInput.parse({}).refreshSeconds).toBeUndefined();
  });

  it.each([
    ['imageTag', 'v3.6 --evil'],
    ['region', 'us east 1'],
    ['taskRoleArn', 'arn:aws:iam::123:role/x'],
    ['refreshSeconds', 0],
    ['entrypointPort', 70000],
  ])('rejects %s = %j on that field', (field, value) => {
    expect(errorFor(deployLoadBalancerInput, { [field]: value }).field).toBe(field);
  });

  it('refuses the same port for the entrypoint and the API', () => {
    const error = errorFor(deployLoadBalancerInput, { entrypointPort: 8080 });
    expect(error.field).toBe('apiPort');
    expect(error.message).toMatch(/different ports/);
  });
});

describe('other inputs', () => {
  it('assignRole defaults the attribute name to role and limits the instance list', () => {
    expect(assignRoleInput.parse({ instanceArns: ['a'], value: 'webserver' }).name).toBe('role');
    expect(errorFor(assignRoleInput, { instanceArns: [], value: 'x' }).field).toBe('instanceArns');
    expect(
      errorFor(assignRoleInput, { instanceArns: Array(1001).fill('a'), value: 'x' }).field,
    ).toBe('instanceArns');
    expect(errorFor(assignRoleInput, { instanceArns: ['a'], value: 'web server' }).field).toBe(
      'value',
    );
  });

  it('scaleService bounds the desired count', () => {
    expect(scaleServiceInput.parse({ service: 'Whoami', desiredCount: '6' }).desiredCount).toBe(6);
    expect(errorFor(scaleServiceInput, { service: 'Whoami', desiredCount: 1001 }).field).toBe(
      'desiredCount',
    );
    expect(errorFor(scaleServiceInput, { service: 'Whoami', desiredCount: 1.5 }).field).toBe(
      'desiredCount',
    );
  });

  it('cleanUp defaults to both services and families, nothing destructive beyond them', () => {
    expect(cleanUpInput.parse({})).toEqual({
      services: ['Whoami', 'LoadBalancer'],
      families: ['Whoami', 'LoadBalancer'],
      deregisterTaskDefinitions: true,
    });
  });
});
