import { describe, expect, it } from 'vitest';
import { fieldErrors, trafficRunInput } from './traffic';

const host = { kind: 'host', host: 'whoami.domain.com' };

describe('trafficRunInput', () => {
  it('fills the defaults and accepts the limits', () => {
    expect(trafficRunInput.parse({ target: host })).toEqual({
      target: host,
      rate: 20,
      durationSeconds: 60,
      concurrency: 16,
    });
    expect(
      trafficRunInput.parse({ target: host, rate: '500', durationSeconds: 600, concurrency: 64 }),
    ).toMatchObject({ rate: 500, durationSeconds: 600, concurrency: 64 });
  });

  it('rejects out-of-range numbers with a message per field', () => {
    const result = trafficRunInput.safeParse({
      target: host,
      rate: 10_000,
      durationSeconds: 601,
      concurrency: 0,
    });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      rate: 'Rate must be at most 500.',
      durationSeconds: 'Duration must be at most 600.',
      concurrency: 'Concurrency must be at least 1.',
    });
    expect(fieldErrors(trafficRunInput.safeParse({ target: host, rate: 2.5 }).error!)).toEqual({
      rate: 'Rate must be a whole number.',
    });
  });

  it.each([
    'http://evil.example',
    'evil.example:8080',
    'user@evil.example',
    '127.0.0.1/x',
    '-bad.example',
    '',
  ])('refuses %j as a Host header', (value) => {
    const result = trafficRunInput.safeParse({ target: { kind: 'host', host: value } });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!))).toEqual(['target.host']);
  });

  it.each([
    'whoami',
    '//evil.example/x',
    'http://evil.example/',
    '/a/../etc/passwd',
    '/..',
    '/a/%2e%2e/b',
    '/a%2fb',
    '/a%5Cb',
    '/a?x=1',
    '/a b',
    '/%zz',
  ])('refuses %j as a path', (value) => {
    const result = trafficRunInput.safeParse({ target: { kind: 'path', path: value } });
    expect(result.success).toBe(false);
    expect(Object.keys(fieldErrors(result.error!))).toEqual(['target.path']);
  });

  it('accepts ordinary paths and lowercases hosts', () => {
    expect(trafficRunInput.parse({ target: { kind: 'path', path: '/whoami' } }).target).toEqual({
      kind: 'path',
      path: '/whoami',
    });
    expect(
      trafficRunInput.parse({ target: { kind: 'host', host: 'WhoAmI.Domain.com' } }).target,
    ).toEqual({ kind: 'host', host: 'whoami.domain.com' });
  });
});
