// JSON answers of the console's route handlers when AWS (or the lab) fails: what failed, whether to retry, since when.
import 'server-only';
import type { UpstreamError } from '@/lib/schemas/upstream-error';
import { describeEcsError } from '@/server/ecs/errors';

const THROTTLED = new Set([
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);
const FAILING = new Set([
  'ServerException',
  'InternalFailure',
  'InternalServerError',
  'ServiceUnavailable',
  'ServiceUnavailableException',
]);

function kindOf(code: string): UpstreamError['kind'] {
  if (THROTTLED.has(code)) return 'throttled';
  if (code === 'NetworkError') return 'unreachable';
  if (FAILING.has(code)) return 'failing';
  return 'refused';
}

function attemptsOf(error: unknown): number | null {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' ? attempts : null;
}

export function upstreamError(error: unknown, lastSuccessAt: string | null = null): Response {
  const { code, message } = describeEcsError(error);
  const kind = kindOf(code);
  const body: UpstreamError = {
    error: 'upstream',
    code,
    message,
    kind,
    retryable: kind !== 'refused',
    attempts: attemptsOf(error),
    lastSuccessAt,
  };
  // 503 says "try again later", as ECS's own throttling and outages do; a refusal is a bad gateway answer.
  return Response.json(body, { status: kind === 'refused' ? 502 : 503 });
}
