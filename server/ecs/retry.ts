// How the console's AWS clients retry throttling, 5xx and network failures: quick exponential backoff, bounded in time.
import 'server-only';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';

/** Attempts per call, the first included: a 30% throttle share then fails a call with odds 0.3^7 ≈ 1 in 4,600. */
export const AWS_MAX_ATTEMPTS = 7;
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 1_000;
// A connection that never opens, or an answer that never comes, is a failed attempt, not a hung page.
const CONNECTION_TIMEOUT_MS = 2_000;
const REQUEST_TIMEOUT_MS = 5_000;

/**
 * Wait before retry n (1-based): 100, 200, 400, 800 ms, then 1 s, each between half and all of that ("equal jitter").
 * The SDK's default waits up to 1 s, 2 s, 4 s… after a throttle, too slow for a view polled every 2 s;
 * its retry quota still stops retries when most calls fail.
 */
export function retryDelayMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** The most a call can spend waiting between attempts when every attempt fails. */
export const MAX_TOTAL_RETRY_WAIT_MS = Array.from({ length: AWS_MAX_ATTEMPTS - 1 }, (_, i) =>
  retryDelayMs(i + 1, () => 1),
).reduce((a, b) => a + b, 0);

/** Client options: a fresh strategy per client, because its retry quota is per strategy. */
export function awsRetryOptions() {
  return {
    retryStrategy: new ConfiguredRetryStrategy(AWS_MAX_ATTEMPTS, retryDelayMs),
    requestHandler: {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      requestTimeout: REQUEST_TIMEOUT_MS,
    },
  };
}
