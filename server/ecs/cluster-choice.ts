// The viewer's choices kept in cookies: which cluster this browser looks at and, on AWS, which region and profile.
import 'server-only';
import { z } from 'zod';
import { profileNameSchema, regionSchema } from '@/lib/schemas/aws-target';

export const CLUSTER_COOKIE = 'console_cluster';
export const REGION_COOKIE = 'console_region';
export const PROFILE_COOKIE = 'console_profile';

export const clusterNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/);

function valid<T>(schema: z.ZodType<T>, value: string | undefined): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export const clusterCookieValue = (value: string | undefined) => valid(clusterNameSchema, value);
export const regionCookieValue = (value: string | undefined) => valid(regionSchema, value);
export const profileCookieValue = (value: string | undefined) => valid(profileNameSchema, value);

export const choiceCookieOptions = (secure: boolean) =>
  ({ httpOnly: true, sameSite: 'strict', path: '/', secure }) as const;
