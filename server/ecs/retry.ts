// How the console's AWS clients retry throttling and 5xx answers: the SDK's standard mode (exponential backoff with jitter).
import 'server-only';

export const awsRetryOptions = { maxAttempts: 4, retryMode: 'standard' as const };
