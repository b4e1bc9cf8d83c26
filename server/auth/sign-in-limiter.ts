// Sign-in attempts are rate-limited: after too many wrong tokens in a window, every attempt waits.
import 'server-only';

export const MAX_FAILURES = 10;
export const WINDOW_MS = 60_000;

export class SignInLimiter {
  private failures: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Milliseconds to wait before another attempt is considered, or 0 when one may go ahead. */
  retryAfterMs(): number {
    const now = this.now();
    this.failures = this.failures.filter((at) => now - at < WINDOW_MS);
    if (this.failures.length < MAX_FAILURES) return 0;
    return WINDOW_MS - (now - this.failures[0]!);
  }

  recordFailure(): void {
    this.failures.push(this.now());
  }
}

// One limiter per server process, shared by the sign-in form and the one-click link.
const globalKey = Symbol.for('anywhere-console.sign-in-limiter');
const store = globalThis as Record<symbol, unknown>;
export const signInLimiter = (store[globalKey] ??= new SignInLimiter()) as SignInLimiter;

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  return `Too many wrong tokens: try again in ${Math.ceil(retryAfterMs / 1000)} s.`;
}
