// What a console route answers when ECS (or the lab) fails: the error, whether retrying can help, and when it last worked.
import { z } from 'zod';

export const upstreamErrorSchema = z.object({
  error: z.literal('upstream'),
  /** The ECS error name (ThrottlingException, ServerException…) or NetworkError. */
  code: z.string(),
  message: z.string(),
  /** throttled, unreachable and failing clear up by themselves; refused (credentials, a missing cluster…) does not. */
  kind: z.enum(['throttled', 'unreachable', 'failing', 'refused']),
  retryable: z.boolean(),
  /** How many attempts the console's SDK made before giving up. */
  attempts: z.number().int().nullable(),
  /** When this route last answered from ECS, if it has since the console started. */
  lastSuccessAt: z.string().nullable(),
});

export type UpstreamError = z.infer<typeof upstreamErrorSchema>;
