// QueryClient defaults for a live ops view.
import { QueryCache, QueryClient } from '@tanstack/react-query';
import { HttpError } from '@/lib/queries/http';

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
        // A 4xx (signed out, bad cluster name) will not fix itself by asking again; 5xx and network errors may.
        retry: (failures, error) =>
          !(error instanceof HttpError && error.status >= 400 && error.status < 500) &&
          failures < 1,
        // One quick retry, then say what failed; the next poll tries again anyway.
        retryDelay: 1_000,
      },
    },
  });
}
