// The cluster switcher's cookie: which cluster this browser looks at.
import 'server-only';
import { z } from 'zod';

export const CLUSTER_COOKIE = 'console_cluster';

export const clusterNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,255}$/);

export function clusterCookieValue(value: string | undefined): string | null {
  const parsed = clusterNameSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
