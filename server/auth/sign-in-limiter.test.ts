import { describe, expect, it } from 'vitest';
import { MAX_FAILURES, SignInLimiter, WINDOW_MS } from './sign-in-limiter';

describe('sign-in limiter', () => {
  it('lets attempts through until too many fail in the window, then makes them wait', () => {
    let now = 1_000_000;
    const limiter = new SignInLimiter(() => now);
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      expect(limiter.retryAfterMs()).toBe(0);
      limiter.recordFailure();
      now += 100;
    }
    expect(limiter.retryAfterMs()).toBe(0);
    limiter.recordFailure();
    expect(limiter.retryAfterMs()).toBe(WINDOW_MS - (MAX_FAILURES - 1) * 100);
    now += WINDOW_MS;
    expect(limiter.retryAfterMs()).toBe(0);
  });
});
