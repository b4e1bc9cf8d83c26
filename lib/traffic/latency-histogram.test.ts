import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency-histogram';

function exactPercentile(sorted: number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('LatencyHistogram', () => {
  it('has no percentiles before the first sample', () => {
    expect(new LatencyHistogram().percentile(0.5)).toBeNull();
  });

  it('reports p50, p95 and p99 of a known spread', () => {
    const h = new LatencyHistogram();
    for (let i = 1; i <= 100; i++) h.record(i);
    expect(h.count).toBe(100);
    expect(h.percentile(0.5)).toBeCloseTo(50, -0.5);
    expect(h.percentile(0.95)! / 95).toBeGreaterThan(0.94);
    expect(h.percentile(0.95)! / 95).toBeLessThan(1.07);
    expect(h.percentile(0.99)! / 99).toBeGreaterThan(0.94);
    expect(h.percentile(0.99)! / 99).toBeLessThan(1.07);
  });

  it('stays within 7 % of the exact percentile for any samples from 0.1 ms to 10 s', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 10_000, noNaN: true }), {
          minLength: 1,
          maxLength: 500,
        }),
        fc.constantFrom(0.5, 0.95, 0.99),
        (samples, q) => {
          const h = new LatencyHistogram();
          samples.forEach((s) => h.record(s));
          const exact = exactPercentile(
            [...samples].sort((a, b) => a - b),
            q,
          );
          const got = h.percentile(q)!;
          expect(Math.abs(got - exact) / exact).toBeLessThan(0.07);
        },
      ),
    );
  });

  it('keeps absurd values in the last bucket instead of growing', () => {
    const h = new LatencyHistogram();
    h.record(10 ** 9);
    h.record(-5);
    expect(h.percentile(1)).toBeGreaterThan(60_000);
    expect(h.percentile(0.5)).toBe(0);
  });
});
