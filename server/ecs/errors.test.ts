import {
  AccessDeniedException,
  ClientException,
  ClusterContainsContainerInstancesException,
  ClusterNotFoundException,
  ServiceNotActiveException,
} from '@aws-sdk/client-ecs';
import { ExpiredTokenException } from '@aws-sdk/client-sts';
import { CredentialsProviderError, TokenProviderError } from '@smithy/core/config';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
    ).toBe(
      "The console's credentials may not call ecs:PutAttributes. Add it to their IAM policy (Settings shows the policy) (AccessDeniedException).",
    );
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

describe('describeEcsError for credential failures', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('names the refused action from an AccessDenied message, whatever the service calls it', () => {
    const message =
      'User: arn:aws:iam::210987654321:user/ops is not authorized to perform: ecs:ListTasks on resource: * because no identity-based policy allows the ecs:ListTasks action';
    for (const error of [
      new AccessDeniedException({ message, ...meta }),
      Object.assign(new Error(message), { name: 'UnauthorizedOperation' }),
      Object.assign(new Error(message.replace('ecs:ListTasks', 'ssm:CreateActivation')), {
        name: 'AccessDenied',
      }),
    ]) {
      expect(describeEcsError(error).message).toMatch(
        /^The console's credentials may not call (ecs:ListTasks|ssm:CreateActivation)\. Add it to their IAM policy \(Settings shows the policy\) \((AccessDeniedException|UnauthorizedOperation|AccessDenied)\)\.$/,
      );
    }
    expect(
      describeEcsError(new AccessDeniedException({ message: 'Access denied', ...meta })).message,
    ).toBe(
      'The AWS credentials in use are not allowed to do this: Access denied (AccessDeniedException).',
    );
  });

  it('tells an expired SSO session from missing credentials', () => {
    const sso = new CredentialsProviderError(
      "The SSO session associated with this profile has expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    );
    const token = new TokenProviderError(
      "Token is expired. To refresh this SSO session run 'aws sso login' with the corresponding profile.",
    );
    for (const error of [sso, token]) {
      expect(describeEcsError(error)).toEqual({
        code: error.name,
        message: `The AWS SSO session has expired. Run 'aws sso login' with the console's profile, then retry (${error.name}).`,
      });
    }
    const none = describeEcsError(
      new CredentialsProviderError('Could not load credentials from any providers'),
    );
    expect(none.code).toBe('CredentialsProviderError');
    expect(none.message).toBe(
      'No usable AWS credentials were found. Set AWS_PROFILE or access keys, or sign in with aws sso login: Could not load credentials from any providers (CredentialsProviderError).',
    );
  });

  it('says an expired session token or wrong keys in plain words', () => {
    expect(
      describeEcsError(
        new ExpiredTokenException({
          message: 'The security token included in the request is expired',
          ...meta,
        }),
      ).message,
    ).toBe(
      'The AWS session has expired. Sign in to AWS again (for example aws sso login) and retry (ExpiredTokenException).',
    );
    for (const name of ['UnrecognizedClientException', 'InvalidSignatureException']) {
      expect(describeEcsError(Object.assign(new Error('x'), { name })).message).toMatch(
        /^AWS did not accept the credentials\. Check the access key, secret and profile/,
      );
    }
  });

  it('maps the SDK\'s own "Region is missing" from a client with no region anywhere', async () => {
    const { ECSClient, ListClustersCommand } = await import('@aws-sdk/client-ecs');
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_DEFAULT_REGION', undefined);
    vi.stubEnv('AWS_PROFILE', undefined);
    vi.stubEnv('AWS_CONFIG_FILE', '/nonexistent/aws-config');
    const client = new ECSClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
    const error = await client.send(new ListClustersCommand({})).catch((e: unknown) => e);
    expect(describeEcsError(error)).toEqual({
      code: 'MissingRegion',
      message:
        'No AWS region is set. Set AWS_REGION, give the profile a region, or pick one on the Settings page (MissingRegion).',
    });
  });
});
