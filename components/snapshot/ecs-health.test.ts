// The health banner's wording for each way ECS can fail, and when a slow refresh is worth a word.
import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/queries/http';
import type { UpstreamError } from '@/lib/schemas/upstream-error';
import { ecsHealth, SLOW_REFRESH_MS } from './ecs-health';

function upstream(overrides: Partial<UpstreamError>): HttpError {
  const body: UpstreamError = {
    error: 'upstream',
    code: 'ThrottlingException',
    message: 'ECS is throttling requests (ThrottlingException).',
    kind: 'throttled',
    retryable: true,
    attempts: 7,
    lastSuccessAt: null,
    ...overrides,
  };
  return new HttpError(503, body.message, body);
}

describe('ecsHealth', () => {
  it('says nothing when refreshes work and are quick', () => {
    expect(ecsHealth(null, undefined)).toBeNull();
    expect(ecsHealth(null, SLOW_REFRESH_MS - 1)).toBeNull();
  });

  it('names throttling, with the attempts made and that it keeps retrying', () => {
    expect(ecsHealth(upstream({}), 40)).toEqual({
      tone: 'warn',
      kind: 'throttled',
      title: 'ECS is throttling requests',
      detail: 'Each call was tried 7 times; the console keeps retrying with backoff.',
    });
  });

  it('says ECS is unreachable or failing, in red, with the error name', () => {
    const down = ecsHealth(
      upstream({ kind: 'unreachable', code: 'NetworkError', message: 'ECS could not be reached.' }),
      undefined,
    );
    expect(down).toMatchObject({ tone: 'error', title: 'ECS is unreachable' });
    expect(down!.detail).toContain('ECS could not be reached.');
    expect(
      ecsHealth(upstream({ kind: 'failing', code: 'ServerException' }), undefined),
    ).toMatchObject({ tone: 'error', title: 'ECS is failing (ServerException)' });
  });

  it('gives a refusal its message and does not promise a retry', () => {
    const health = ecsHealth(
      upstream({ kind: 'refused', retryable: false, message: 'Cluster x was not found.' }),
      undefined,
    );
    expect(health).toMatchObject({ kind: 'refused', detail: 'Cluster x was not found.' });
  });

  it('reports a console that does not answer at all', () => {
    expect(ecsHealth(new TypeError('Failed to fetch'), undefined)).toMatchObject({
      kind: 'console',
      title: 'The console is not answering',
    });
  });

  it('calls a refresh slow from 1.5 s, with its duration', () => {
    expect(ecsHealth(null, 2_140)).toMatchObject({
      tone: 'warn',
      kind: 'slow',
      title: 'ECS answers slowly (2.1 s)',
    });
  });
});
