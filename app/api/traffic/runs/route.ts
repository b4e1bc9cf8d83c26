// POST: start this session's traffic run (validated parameters; the target is only a Host header or a path).
import { fieldErrors, trafficRunInput } from '@/lib/schemas/traffic';
import { getEcsContext } from '@/server/ecs/context';
import { guard, jsonError } from '@/server/traffic/request-guard';
import { startRun } from '@/server/traffic/runs';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function POST(request: Request) {
  const { key, denied } = await guard(request, { mutating: true });
  if (denied) return denied;
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = trafficRunInput.safeParse(body);
  if (!parsed.success) {
    const fields = fieldErrors(parsed.error);
    const [field, message] = Object.entries(fields)[0] ?? ['input', 'Invalid input.'];
    return Response.json(
      { error: { code: 'InvalidInput', field, message }, fields },
      { status: 400, headers: { 'cache-control': 'no-store' } },
    );
  }
  const started = await startRun(key, parsed.data, await getEcsContext());
  if (!started.ok) return jsonError(started.status, started.code, started.message);
  return Response.json(
    {
      runId: started.runId,
      entrypoint: { host: started.entrypoint.host, port: started.entrypoint.port },
    },
    { status: 201, headers: { 'cache-control': 'no-store' } },
  );
}
