// GET one task definition revision (?taskDefinition=family:revision or ARN) as ECS describes it.
import { z } from 'zod';
import { unauthorizedResponse } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { describeTaskDefinition } from '@/server/ecs/task-definitions';
import { upstreamError } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

const query = z.string().regex(/^[A-Za-z0-9:/_.-]{1,1024}$/);

export async function GET(request: Request) {
  const denied = await unauthorizedResponse();
  if (denied) return denied;
  const parsed = query.safeParse(new URL(request.url).searchParams.get('taskDefinition'));
  if (!parsed.success) {
    return Response.json(
      { error: 'invalid', message: 'Name a task definition as family:revision or ARN.' },
      { status: 400 },
    );
  }
  try {
    const { ecs } = await getEcsContext();
    return Response.json(await describeTaskDefinition(ecs, parsed.data));
  } catch (error) {
    return upstreamError(error);
  }
}
