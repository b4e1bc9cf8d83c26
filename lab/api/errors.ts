// AWS JSON 1.1 errors: `{"__type", "message"}` with a status, and the ECS/SSM error names the lab throws.

export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }

  toBody(): { __type: string; message: string } {
    return { __type: this.type, message: this.message };
  }
}

export const invalidParameter = (message: string) =>
  new AwsError('InvalidParameterException', message);
export const clientException = (message: string) => new AwsError('ClientException', message);
export const clusterNotFound = () => new AwsError('ClusterNotFoundException', 'Cluster not found.');
export const serviceNotFound = () => new AwsError('ServiceNotFoundException', 'Service not found.');
export const serviceNotActive = () =>
  new AwsError('ServiceNotActiveException', 'Service was not ACTIVE.');
export const targetNotFound = (target: string) =>
  new AwsError('TargetNotFoundException', `Could not find ${target}.`);
export const attributeLimitExceeded = () =>
  new AwsError(
    'AttributeLimitExceededException',
    'You can apply up to 10 custom attributes for each resource.',
  );
export const unknownOperation = (target: string) =>
  new AwsError('UnknownOperationException', `Unknown operation ${target}`);
export const serializationError = (message: string) =>
  new AwsError('SerializationException', message);
