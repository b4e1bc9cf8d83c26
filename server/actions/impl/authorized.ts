// Every server action's door: the session check, then the request's ECS context, failures as results.
import 'server-only';
import type { ActionResult } from '@/lib/schemas/actions';
import { hasSession } from '@/server/auth/session';
import { getEcsContext, type EcsContext } from '@/server/ecs/context';
import { describeEcsError } from '@/server/ecs/errors';

export async function authorized<T>(
  action: (ctx: EcsContext) => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  if (!(await hasSession())) {
    return { ok: false, error: { code: 'Unauthorized', message: 'Sign in first.' } };
  }
  try {
    return await action(await getEcsContext());
  } catch (error) {
    // Actions return their own ECS failures; this catches the unexpected, still without a stack trace.
    console.error(error);
    return { ok: false, error: describeEcsError(error) };
  }
}
