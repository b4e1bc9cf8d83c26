import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '@/server/config';

const token = { CONSOLE_TOKEN: 'config-test-token-0123456789' };

describe('parseConfig', () => {
  it('selects AWS with AWS_PROFILE alone, leaving the region to the profile', () => {
    expect(parseConfig({ ...token, AWS_PROFILE: 'ops' }).target).toEqual({
      kind: 'aws',
      region: null,
      profile: 'ops',
      endpoint: null,
    });
  });

  it('selects AWS with AWS_REGION, and names AWS_ENDPOINT_URL when set', () => {
    const config = parseConfig({
      ...token,
      AWS_REGION: 'eu-west-3',
      AWS_ENDPOINT_URL: 'http://127.0.0.1:4599/',
    });
    expect(config.target).toEqual({
      kind: 'aws',
      region: 'eu-west-3',
      profile: null,
      endpoint: 'http://127.0.0.1:4599',
    });
    expect(config.defaultCluster).toBeNull();
  });

  it('prefers the lab when LAB_ENDPOINT is set', () => {
    const config = parseConfig({
      ...token,
      LAB_ENDPOINT: 'http://127.0.0.1:4599',
      AWS_PROFILE: 'ops',
    });
    expect(config.target.kind).toBe('lab');
  });

  it('names the variables when no target or a bad value is given', () => {
    expect(() => parseConfig(token)).toThrow(/LAB_ENDPOINT, AWS_REGION or AWS_PROFILE: set one/);
    expect(() => parseConfig({ ...token, AWS_PROFILE: 'ops; rm -rf /' })).toThrow(
      /AWS_PROFILE: a profile name such as ops/,
    );
    expect(() =>
      parseConfig({ ...token, AWS_REGION: 'eu-west-3', AWS_ENDPOINT_URL: 'ftp://x' }),
    ).toThrow(ConfigError);
  });
});
