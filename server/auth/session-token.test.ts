// Token and session checks compare fixed-length digests with timingSafeEqual, so timing says nothing about the token.
import * as crypto from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionValue, tokenMatches, verifySessionValue } from '@/server/auth/session-token';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);
const token = 'the-configured-console-token-0123456789';

afterEach(() => timingSafeEqual.mockClear());

describe('constant-time comparison', () => {
  it.each(['', 'x', 'the-configured', `${token}-and-more`, token])(
    'compares a pasted %j through equal-length digests',
    (candidate) => {
      expect(tokenMatches(candidate, token)).toBe(candidate === token);
      expect(timingSafeEqual).toHaveBeenCalledTimes(1);
      const [a, b] = timingSafeEqual.mock.calls[0]!;
      expect(a.byteLength).toBe(32);
      expect(b.byteLength).toBe(32);
    },
  );

  it('checks a session signature with timingSafeEqual, never with string equality', () => {
    const value = createSessionValue(token);
    expect(verifySessionValue(value, token)).toBe(true);
    expect(timingSafeEqual).toHaveBeenCalledTimes(1);
    const forged = `${value.slice(0, -1)}${value.endsWith('A') ? 'B' : 'A'}`;
    expect(verifySessionValue(forged, token)).toBe(false);
    expect(timingSafeEqual).toHaveBeenCalledTimes(2);
  });
});
