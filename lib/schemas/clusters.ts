// The cluster switcher's wire shapes.
import { z } from 'zod';

export const clusterListSchema = z.object({ clusters: z.array(z.string()), current: z.string() });
export const clusterChoiceSchema = z.object({
  cluster: z.string().regex(/^[A-Za-z0-9_-]{1,255}$/, 'Not a cluster name.'),
});
