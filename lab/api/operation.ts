// An API operation: the zod schema of its input and a function from validated input to output.
import type { z } from 'zod';
import type { LabStore } from '../store/lab-store';

export interface OperationContext {
  store: LabStore;
}

export interface Operation {
  input: z.ZodType;
  run(input: unknown, context: OperationContext): unknown;
}

export function defineOperation<S extends z.ZodType>(
  input: S,
  run: (input: z.infer<S>, context: OperationContext) => unknown,
): Operation {
  return { input, run: run as Operation['run'] };
}
