// Fault injection for the lab's AWS API: a share of calls throttled, failed, delayed or cut off, as ECS can be.
import { z } from 'zod';
import { AwsError } from './errors';

const MAX_DELAY_MS = 120_000;

export const faultRuleSchema = z
  .object({
    operations: z
      .array(
        z
          .string()
          .regex(/^(ecs|ssm):[A-Za-z]+$/, 'an operation such as ecs:ListTasks or ssm:GetParameter'),
      )
      .min(1)
      .max(100)
      .optional(),
    kind: z.enum(['throttle', 'error', 'delay', 'unreachable']),
    share: z.number().min(0).max(1),
    delayMs: z.number().int().min(1).max(MAX_DELAY_MS).optional(),
  })
  .strict()
  .refine((rule) => (rule.kind === 'delay') === (rule.delayMs !== undefined), {
    message: 'delayMs goes with kind "delay", and only with it',
    path: ['delayMs'],
  });

export const faultRulesSchema = z.object({ rules: z.array(faultRuleSchema).max(50) }).strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;

/** What one call meets: a delay before it is answered, then possibly a failure instead of the answer. */
export interface Fault {
  delayMs: number;
  failure?: 'throttle' | 'error' | 'unreachable';
}

interface ActiveRule {
  rule: FaultRule;
  injected: number;
}

type Reply = { status: number; body: unknown };

export class LabFaults {
  private rules: ActiveRule[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  /** `PUT /_lab/faults`: replaces every rule. */
  replaceFromBody(body: string | undefined): Reply {
    let json: unknown;
    try {
      json = JSON.parse(body ?? '');
    } catch {
      return { status: 400, body: { message: 'the body must be JSON: {"rules": [...]}' } };
    }
    const parsed = faultRulesSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
      return { status: 400, body: { message: `${where}${issue.message}` } };
    }
    this.rules = parsed.data.rules.map((rule) => ({ rule, injected: 0 }));
    return this.show();
  }

  clear(): Reply {
    this.rules = [];
    return this.show();
  }

  /** The rules with how many calls each has hit so far. */
  show(): Reply {
    return {
      status: 200,
      body: { rules: this.rules.map(({ rule, injected }) => ({ ...rule, injected })) },
    };
  }

  /** Rolls every rule naming the action (`ecs:ListTasks`); delays add up, the first failure wins. */
  pick(action: string): Fault {
    const fault: Fault = { delayMs: 0 };
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.operations && !rule.operations.includes(action)) continue;
      if (rule.kind !== 'delay' && fault.failure) continue;
      if (this.random() >= rule.share) continue;
      active.injected += 1;
      if (rule.kind === 'delay') fault.delayMs += rule.delayMs!;
      else fault.failure = rule.kind;
    }
    return fault;
  }
}

/** The error ECS (or SSM) answers for a throttled or failed call; `unreachable` has no answer at all. */
export function faultError(failure: 'throttle' | 'error', serverError: string): AwsError {
  return failure === 'throttle'
    ? new AwsError('ThrottlingException', 'Rate exceeded', 400)
    : new AwsError(serverError, 'Service Unavailable. Please try again later.', 500);
}

/** Thrown for `unreachable`: the server drops the connection without answering. */
export class ConnectionCut extends Error {}

/** Applies the fault a call meets: waits out its delay, then throws its failure, if any. */
export async function meetFault(faults: LabFaults, action: string, serverError: string) {
  const { delayMs, failure } = faults.pick(action);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  if (failure === 'unreachable') throw new ConnectionCut();
  if (failure) throw faultError(failure, serverError);
}
