// Runs an action on its zod-validated input, or answers InvalidInput naming the field.
import 'server-only';
import type { z } from 'zod';
import { invalid, type ActionResult } from '@/lib/schemas/actions';

export async function validated<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? run(parsed.data) : invalid(parsed.error);
}
