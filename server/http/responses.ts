// JSON answers of the console's route handlers when AWS (or the lab) fails: what failed, with the ECS error name.
import 'server-only';
import { describeEcsError } from '@/server/ecs/errors';

export function upstreamError(error: unknown): Response {
  const { code, message } = describeEcsError(error);
  return Response.json({ error: 'upstream', name: code, message }, { status: 502 });
}
