// What the console says about ECS's health from the snapshot query: throttled, unreachable, failing, refusing, or slow.
import type { UpstreamError } from '@/lib/schemas/upstream-error';
import { HttpError } from '@/lib/queries/http';

/** A refresh slower than this is worth telling: the views lag ECS by that much. */
export const SLOW_REFRESH_MS = 1_500;

export interface EcsHealth {
  tone: 'warn' | 'error';
  kind: UpstreamError['kind'] | 'console' | 'slow';
  title: string;
  detail: string;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** "Each call was tried 7 times; the console keeps retrying with backoff." */
function retrying(upstream: UpstreamError): string {
  const tried =
    upstream.attempts && upstream.attempts > 1
      ? `Each call was tried ${upstream.attempts} times`
      : 'The call was tried once (the SDK holds back retries while most calls fail)';
  return `${tried}; the console keeps retrying with backoff.`;
}

/**
 * failure: the query's last failure while it is still failing (react-query's failureReason), else null;
 * refreshMs: how long the last successful refresh took.
 */
export function ecsHealth(failure: unknown, refreshMs: number | undefined): EcsHealth | null {
  if (failure) {
    const upstream = failure instanceof HttpError ? failure.upstream : null;
    if (!upstream) {
      const message = failure instanceof Error ? failure.message : String(failure);
      return {
        tone: 'error',
        kind: 'console',
        title: 'The console is not answering',
        detail: `${message} Retrying with backoff.`,
      };
    }
    switch (upstream.kind) {
      case 'throttled':
        return {
          tone: 'warn',
          kind: 'throttled',
          title: 'ECS is throttling requests',
          detail: retrying(upstream),
        };
      case 'unreachable':
        return {
          tone: 'error',
          kind: 'unreachable',
          title: 'ECS is unreachable',
          detail: `${upstream.message} ${retrying(upstream)}`,
        };
      case 'failing':
        return {
          tone: 'error',
          kind: 'failing',
          title: `ECS is failing (${upstream.code})`,
          detail: retrying(upstream),
        };
      case 'refused':
        return {
          tone: 'error',
          kind: 'refused',
          title: 'ECS refused the request',
          detail: upstream.message,
        };
    }
  }
  if (refreshMs !== undefined && refreshMs >= SLOW_REFRESH_MS) {
    return {
      tone: 'warn',
      kind: 'slow',
      title: `ECS answers slowly (${seconds(refreshMs)})`,
      detail: `The last refresh took ${seconds(refreshMs)}; the views lag ECS by that much.`,
    };
  }
  return null;
}
