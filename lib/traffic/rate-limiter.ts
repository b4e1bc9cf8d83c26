// Open-loop pacing: how many requests are due at a moment, at a fixed rate, with a bounded catch-up after a stall.

export class RateLimiter {
  private tokens = 0;
  private last: number;
  private readonly burst: number;

  /** `burst` caps how far a late tick may catch up (default: a tenth of a second's worth, at least 1). */
  constructor(
    readonly ratePerSecond: number,
    startMs: number,
    burst?: number,
  ) {
    if (!(ratePerSecond > 0)) throw new Error('rate must be positive');
    this.last = startMs;
    this.burst = Math.max(1, burst ?? Math.ceil(ratePerSecond / 10));
  }

  /** The number of requests to fire now; never more than the burst, never more than the rate allows. */
  take(nowMs: number): number {
    const elapsed = Math.max(0, nowMs - this.last);
    this.last = Math.max(this.last, nowMs);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    const due = Math.floor(this.tokens);
    this.tokens -= due;
    return due;
  }
}
