// GET task definition families and their active revisions.
import { taskDefinitionFamiliesSchema } from '@/lib/schemas/task-definitions';
import { unauthorizedResponse } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { listTaskDefinitionFamilies } from '@/server/ecs/task-definitions';
import { upstreamError } from '@/server/http/responses';

export const dynamic = 'force-dynamic';

export async function GET() {
  const denied = await unauthorizedResponse();
  if (denied) return denied;
  try {
    const { ecs } = await getEcsContext();
    return Response.json(taskDefinitionFamiliesSchema.parse(await listTaskDefinitionFamilies(ecs)));
  } catch (error) {
    return upstreamError(error);
  }
}
