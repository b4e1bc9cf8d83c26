// QueryClient defaults for a live ops view.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { HttpError } from '@/lib/queries/http';

const MAX_RETRIES = 3;

/** Exponential backoff between a failed query's retries: 1 s, 2 s, 4 s (capped at 8 s). */
export function queryRetryDelay(failures: number): number {
  return Math.min(8_000, 1_000 * 2 ** failures);
}

/** A 4xx (signed out, bad cluster name) or an ECS refusal will not fix itself; throttling, 5xx and network errors may. */
export function shouldRetryQuery(failures: number, error: unknown): boolean {
  if (failures >= MAX_RETRIES) return false;
  if (!(error instanceof HttpError)) return true;
  if (error.upstream) return error.upstream.retryable;
  return error.status >= 500;
}

export function makeQueryClient(onSignedOut: () => void) {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof HttpError && error.status === 401) onSignedOut();
      },
    }),
    defaultOptions: {
      queries: {
        // Data is polled every few seconds; a short staleTime only dedupes mounts within one refresh.
        staleTime: 1_000,
        retry: shouldRetryQuery,
        // The server's SDK already retried each call; the view waits longer between its own tries.
        retryDelay: queryRetryDelay,
      },
    },
  });
}
