// Task definition families and revisions as the Task definitions page shows them.
import { z } from 'zod';

export const taskDefinitionFamiliesSchema = z.object({
  families: z.array(
    z.object({
      family: z.string(),
      revisions: z.array(z.object({ arn: z.string(), revision: z.number() })),
    }),
  ),
});
export type TaskDefinitionFamilies = z.infer<typeof taskDefinitionFamiliesSchema>;

/** DescribeTaskDefinition's taskDefinition, shown as JSON; its shape is ECS's, not ours. */
export const taskDefinitionJsonSchema = z.object({
  taskDefinition: z.record(z.string(), z.unknown()),
});
