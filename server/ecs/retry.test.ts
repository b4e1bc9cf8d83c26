// The console's AWS retry policy: exponential waits with jitter, bounded in total.
import { describe, expect, it } from 'vitest';
import { AWS_MAX_ATTEMPTS, MAX_TOTAL_RETRY_WAIT_MS, retryDelayMs } from './retry';

describe('retry policy', () => {
  it('doubles from 100 ms up to 1 s, with between half and all of that as jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, () => 1))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
  });

  it('waits at most 3.5 s in all between 7 attempts', () => {
    expect(AWS_MAX_ATTEMPTS).toBe(7);
    expect(MAX_TOTAL_RETRY_WAIT_MS).toBe(3_500);
  });
});
