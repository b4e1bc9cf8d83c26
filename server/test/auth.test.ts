// Sign-in helpers and configuration parsing: signed sessions, constant-time token checks, env validation.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/server/config';
import { createSessionValue, tokenMatches, verifySessionValue } from '@/server/auth/session-token';

const token = 'a-console-token-of-32-characters';

describe('session values', () => {
  it('verifies a fresh session and never contains the token', () => {
    const value = createSessionValue(token);
    expect(value).not.toContain(token);
    expect(verifySessionValue(value, token)).toBe(true);
  });

  it('refuses a session signed with another token, tampered, expired, from the future or malformed', () => {
    const now = Date.now();
    const value = createSessionValue(token, now);
    expect(verifySessionValue(value, 'another-token-0123456789', now)).toBe(false);
    const [version, issued, mac] = value.split('.');
    expect(verifySessionValue(`${version}.${Number(issued) + 1}.${mac}`, token, now)).toBe(false);
    expect(
      verifySessionValue(`${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`, token, now),
    ).toBe(false);
    expect(verifySessionValue(value, token, now + 8 * 24 * 3600 * 1000)).toBe(false);
    expect(verifySessionValue(createSessionValue(token, now + 3_600_000), token, now)).toBe(false);
    expect(verifySessionValue(undefined, token)).toBe(false);
    expect(verifySessionValue('', token)).toBe(false);
    expect(verifySessionValue(token, token)).toBe(false);
  });

  it('matches tokens exactly, whatever their length', () => {
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token} `, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
    expect(tokenMatches(token.slice(0, 10), token)).toBe(false);
  });
});

describe('configuration', () => {
  const base = { CONSOLE_TOKEN: token, LAB_ENDPOINT: 'http://127.0.0.1:4599' };

  it('targets the lab when LAB_ENDPOINT is set, with its defaults', () => {
    expect(parseConfig(base)).toMatchObject({
      target: {
        kind: 'lab',
        endpoint: 'http://127.0.0.1:4599',
        region: 'us-east-1',
        accessKeyId: 'lab',
      },
      defaultCluster: 'anywhere-lab',
      traefikApiUrl: null,
      port: 3000,
    });
  });

  it('targets AWS when only AWS_REGION is set, with no default cluster unless ECS_CLUSTER', () => {
    const aws = { CONSOLE_TOKEN: token, AWS_REGION: 'eu-west-1', AWS_PROFILE: 'ops' };
    expect(parseConfig(aws)).toMatchObject({
      target: { kind: 'aws', region: 'eu-west-1', profile: 'ops' },
      defaultCluster: null,
    });
    expect(parseConfig({ ...aws, ECS_CLUSTER: 'prod' }).defaultCluster).toBe('prod');
  });

  it('names the variable that is wrong', () => {
    expect(() => parseConfig({ LAB_ENDPOINT: base.LAB_ENDPOINT })).toThrow(/CONSOLE_TOKEN/);
    expect(() => parseConfig({ ...base, CONSOLE_TOKEN: 'short' })).toThrow(
      /CONSOLE_TOKEN: must be at least 16/,
    );
    expect(() => parseConfig({ ...base, PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseConfig({ ...base, ECS_CLUSTER: 'bad name!' })).toThrow(/ECS_CLUSTER/);
    expect(() => parseConfig({ ...base, TRAEFIK_API_URL: 'not a url' })).toThrow(/TRAEFIK_API_URL/);
    expect(() => parseConfig({ ...base, LAB_ENDPOINT: 'ftp://x' })).toThrow(/LAB_ENDPOINT/);
    expect(() => parseConfig({ CONSOLE_TOKEN: token })).toThrow(
      /LAB_ENDPOINT, AWS_REGION or AWS_PROFILE/,
    );
  });

  it('treats empty variables as unset', () => {
    expect(parseConfig({ ...base, TRAEFIK_API_URL: '', ECS_CLUSTER: '' })).toMatchObject({
      traefikApiUrl: null,
      defaultCluster: 'anywhere-lab',
    });
  });
});
