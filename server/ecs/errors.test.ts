import {
  AccessDeniedException,
  ClientException,
  ClusterContainsContainerInstancesException,
  ClusterNotFoundException,
  ServiceNotActiveException,
} from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { describeEcsError } from '@/server/ecs/errors';

const meta = { $metadata: {} };

describe('describeEcsError', () => {
  it('names the ECS error and says what to do, in plain words', () => {
    expect(
      describeEcsError(new ClusterNotFoundException({ message: 'Cluster not found.', ...meta }), {
        cluster: 'prod',
      }),
    ).toEqual({
      code: 'ClusterNotFoundException',
      message:
        'Cluster prod was not found. Check its name or pick another cluster (ClusterNotFoundException).',
    });
    expect(
      describeEcsError(
        new ServiceNotActiveException({ message: 'Service was not ACTIVE.', ...meta }),
        {
          service: 'Whoami',
        },
      ).message,
    ).toBe(
      'Service Whoami is not active (it was deleted or is draining). Deploy it again to recreate it (ServiceNotActiveException).',
    );
    expect(
      describeEcsError(new ClusterContainsContainerInstancesException({ message: 'x', ...meta }), {
        cluster: 'lab',
      }).message,
    ).toMatch(/^Cluster lab still has registered instances\. Deregister them first/);
  });

  it('keeps ECS’s own detail for parameter and client errors, on one line', () => {
    const error = new ClientException({
      message: 'Unable to describe task definition.\n    at Foo (/app/x.js:1:1)',
      ...meta,
    });
    expect(describeEcsError(error)).toEqual({
      code: 'ClientException',
      message: 'ECS refused the request: Unable to describe task definition. (ClientException).',
    });
    expect(
      describeEcsError(
        new AccessDeniedException({
          message: 'not authorized to perform: ecs:PutAttributes',
          ...meta,
        }),
      ).message,
    ).toContain('not authorized to perform: ecs:PutAttributes');
  });

  it('reports network failures with the endpoint, including ones wrapped by Node', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    const aggregate = Object.assign(new AggregateError([refused], ''), { code: undefined });
    for (const error of [
      refused,
      aggregate,
      Object.assign(new Error('t'), { name: 'TimeoutError' }),
    ]) {
      const described = describeEcsError(error, { endpoint: 'http://127.0.0.1:1' });
      expect(described.code).toBe('NetworkError');
      expect(described.message).toMatch(/^ECS could not be reached at http:\/\/127\.0\.0\.1:1 \(/);
    }
  });

  it('never returns a stack trace or a bare object', () => {
    const error = new Error('boom');
    const described = describeEcsError(error);
    expect(described.code).toBe('UnknownError');
    expect(described.message).not.toMatch(/\bat .*:\d+:\d+/);
    expect(describeEcsError('weird').message).toMatch(/Something went wrong talking to ECS/);
  });
});
