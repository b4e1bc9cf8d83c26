// Turns ECS/SDK/network failures into admin-readable messages that name the ECS error, never a stack trace.
import 'server-only';

export interface EcsErrorContext {
  cluster?: string;
  service?: string;
  // Where ECS was expected to answer, for network failures.
  endpoint?: string;
}

export interface DescribedError {
  code: string;
  message: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);
const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'AbortError']);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

// Node reports a refused connection to a dual-stack host as an AggregateError whose code is on the inner errors.
function networkCode(error: unknown, depth = 0): string | undefined {
  if (depth > 3 || typeof error !== 'object' || error === null) return undefined;
  const code = field(error, 'code');
  if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  const name = field(error, 'name');
  if (typeof name === 'string' && NETWORK_NAMES.has(name)) return name;
  const inner = field(error, 'errors');
  if (Array.isArray(inner)) {
    for (const item of inner) {
      const found = networkCode(item, depth + 1);
      if (found) return found;
    }
  }
  return networkCode(field(error, 'cause'), depth + 1);
}

// ECS messages are one line of text; keep them short and free of anything that looks like a trace.
function ecsMessage(error: unknown): string {
  const message = field(error, 'message');
  if (typeof message !== 'string' || !message.trim()) return '';
  const firstLine = message.trim().split('\n')[0]!.trim();
  return firstLine.length > 300 ? `${firstLine.slice(0, 297)}…` : firstLine;
}

// IAM names the refused action in its message: "… is not authorized to perform: ecs:ListTasks on resource: …".
function deniedAction(detail: string): string | null {
  return /perform: ([a-z0-9-]+:[A-Za-z0-9]+)/.exec(detail)?.[1] ?? null;
}

// The SDK raises these as plain errors or provider errors; their text is what tells them apart.
const SSO_EXPIRED =
  /SSO session associated with this profile (has expired|is invalid)|Token is expired/;
const REGION_MISSING = /^Region is missing/;

// How many times the SDK sent the request before giving up, as " 7 times".
function times(error: unknown): string {
  const attempts = field(field(error, '$metadata'), 'attempts');
  return typeof attempts === 'number' && attempts > 1 ? ` ${attempts} times` : '';
}

function withDetail(text: string, detail: string): string {
  return detail ? `${text}: ${detail}` : text;
}

export function describeEcsError(error: unknown, context: EcsErrorContext = {}): DescribedError {
  const network = networkCode(error);
  if (network) {
    const where = context.endpoint ?? 'its endpoint';
    return {
      code: 'NetworkError',
      message: `ECS could not be reached at ${where} (${network}). Check the network (or that the lab is running) and retry.`,
    };
  }
  const rawName = field(error, 'name');
  const detail = ecsMessage(error);
  const sdkName = typeof rawName === 'string' && rawName !== 'Error' ? rawName : 'UnknownError';
  const kind = REGION_MISSING.test(detail)
    ? 'MissingRegion'
    : SSO_EXPIRED.test(detail)
      ? 'ExpiredSsoSession'
      : sdkName;
  // The SDK's own name where it has one, so the message can be searched for.
  const name = sdkName === 'UnknownError' ? kind : sdkName;
  const cluster = context.cluster ? `Cluster ${context.cluster}` : 'The cluster';
  const service = context.service ? `Service ${context.service}` : 'The service';
  const plain = ((): string => {
    switch (kind) {
      case 'ClusterNotFoundException':
        return `${cluster} was not found. Check its name or pick another cluster`;
      case 'ServiceNotFoundException':
        return `${service} was not found${context.cluster ? ` in cluster ${context.cluster}` : ''}. Deploy it first`;
      case 'ServiceNotActiveException':
        return `${service} is not active (it was deleted or is draining). Deploy it again to recreate it`;
      case 'InvalidParameterException':
        return withDetail('ECS rejected a parameter', detail);
      case 'ClientException':
        return withDetail('ECS refused the request', detail);
      case 'AttributeLimitExceededException':
        return 'That instance already has the most custom attributes ECS allows (10). Remove one first';
      case 'TargetNotFoundException':
        return withDetail(
          `The instance was not found${context.cluster ? ` in cluster ${context.cluster}` : ''}; it may have been deregistered`,
          detail,
        );
      case 'ClusterContainsContainerInstancesException':
        return `${cluster} still has registered instances. Deregister them first`;
      case 'ClusterContainsServicesException':
        return `${cluster} still has active or draining services. Scale them to 0 and delete them first`;
      case 'ClusterContainsTasksException':
        return `${cluster} still has tasks running. Stop them or wait until they have stopped`;
      case 'AccessDeniedException':
      case 'AccessDenied':
      case 'UnauthorizedOperation': {
        const action = deniedAction(detail);
        return action
          ? `The console's credentials may not call ${action}. Add it to their IAM policy (Settings shows the policy)`
          : withDetail('The AWS credentials in use are not allowed to do this', detail);
      }
      case 'ExpiredSsoSession':
        return "The AWS SSO session has expired. Run 'aws sso login' with the console's profile, then retry";
      case 'ExpiredTokenException':
      case 'ExpiredToken':
        return 'The AWS session has expired. Sign in to AWS again (for example aws sso login) and retry';
      case 'MissingRegion':
        return 'No AWS region is set. Set AWS_REGION, give the profile a region, or pick one on the Settings page';
      case 'UnrecognizedClientException':
      case 'InvalidSignatureException':
      case 'IncompleteSignature':
        return 'AWS did not accept the credentials. Check the access key, secret and profile the console runs with';
      case 'ThrottlingException':
      case 'TooManyRequestsException':
        // ECS rejects a throttled request before acting on it.
        return `ECS throttled this request${times(error)}; nothing was changed. Wait a few seconds and try again`;
      case 'ServerException':
      case 'InternalFailure':
      case 'ServiceUnavailable':
        // A 5xx can come after ECS acted, so a change may have been applied.
        return `ECS failed this request with an internal error${times(error)}. A change may or may not have been applied: check the view, then retry`;
      case 'UpdateInProgressException':
        return 'An agent update is already in progress on that instance. Wait until it finishes';
      case 'ResourceInUseException':
        return withDetail('The resource is still in use', detail);
      case 'ResourceNotFoundException':
        return withDetail('The resource was not found', detail);
      case 'CredentialsProviderError':
      case 'TokenProviderError':
        return withDetail(
          'No usable AWS credentials were found. Set AWS_PROFILE or access keys, or sign in with aws sso login',
          detail,
        );
      case 'UnknownError':
        return withDetail('Something went wrong talking to ECS', detail);
      default:
        return withDetail('ECS returned an error', detail);
    }
  })();
  return { code: name, message: `${plain} (${name}).` };
}
