// Dynamic route segments of the detail pages: decoded, trimmed and checked before anything looks them up.
import { z } from 'zod';

const segment = z.string().transform((raw, ctx) => {
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    ctx.addIssue({ code: 'custom', message: 'The address is not valid URL encoding.' });
    return z.NEVER;
  }
});

// Task and container instance ids are the last part of their ARN (32 hex characters on AWS).
export const resourceIdParam = segment.pipe(
  z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an ECS id: use the last part of the ARN.'),
);

export const serviceNameParam = segment.pipe(
  z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'Not a service name: 1–255 letters, digits, - or _.'),
);
