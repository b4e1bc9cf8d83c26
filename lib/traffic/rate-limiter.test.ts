import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

function fired(rate: number, ticks: number[], burst?: number): number {
  const limiter = new RateLimiter(rate, 0, burst);
  return ticks.reduce((sum, t) => sum + limiter.take(t), 0);
}

describe('RateLimiter', () => {
  it('fires the configured rate on a steady 10 ms tick', () => {
    const ticks = Array.from({ length: 1000 }, (_, i) => (i + 1) * 10);
    expect(fired(50, ticks)).toBe(500);
    expect(fired(500, ticks)).toBe(5000);
    expect(fired(1, ticks)).toBe(10);
  });

  it('catches up only a bounded burst after a stall', () => {
    const limiter = new RateLimiter(100, 0);
    expect(limiter.take(5_000)).toBe(10);
    expect(limiter.take(5_010)).toBe(1);
  });

  it('never exceeds rate × time + burst, whatever the tick pattern', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 300 }),
        (rate, gaps) => {
          let t = 0;
          const ticks = gaps.map((gap) => (t += gap));
          const burst = Math.max(1, Math.ceil(rate / 10));
          expect(fired(rate, ticks)).toBeLessThanOrEqual(Math.floor((rate * t) / 1000) + burst);
        },
      ),
    );
  });

  it('ignores clocks that go backwards', () => {
    const limiter = new RateLimiter(100, 1_000);
    expect(limiter.take(500)).toBe(0);
    expect(limiter.take(1_100)).toBe(10);
  });

  it('refuses a non-positive rate', () => {
    expect(() => new RateLimiter(0, 0)).toThrow();
  });
});
