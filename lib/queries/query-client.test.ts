// Which failed queries the views retry, and how long they wait between tries.
import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/queries/http';
import { queryRetryDelay, shouldRetryQuery } from '@/lib/queries/query-client';
import type { UpstreamError } from '@/lib/schemas/upstream-error';

const upstream = (kind: UpstreamError['kind']): UpstreamError => ({
  error: 'upstream',
  code: 'X',
  message: 'x',
  kind,
  retryable: kind !== 'refused',
  attempts: 1,
  lastSuccessAt: null,
});

describe('query retries', () => {
  it('backs off exponentially: 1 s, 2 s, 4 s, capped at 8 s', () => {
    expect([0, 1, 2, 3, 4].map(queryRetryDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000]);
  });

  it('retries throttling, outages and network errors three times, never refusals or 4xx', () => {
    expect(shouldRetryQuery(0, new HttpError(503, 't', upstream('throttled')))).toBe(true);
    expect(shouldRetryQuery(2, new HttpError(503, 'u', upstream('unreachable')))).toBe(true);
    expect(shouldRetryQuery(3, new HttpError(503, 'u', upstream('failing')))).toBe(false);
    expect(shouldRetryQuery(0, new HttpError(502, 'r', upstream('refused')))).toBe(false);
    expect(shouldRetryQuery(0, new HttpError(401, 'signed out'))).toBe(false);
    expect(shouldRetryQuery(0, new HttpError(404, 'gone'))).toBe(false);
    expect(shouldRetryQuery(0, new TypeError('Failed to fetch'))).toBe(true);
  });
});
