// DELETE: stop this session's traffic run.
import { guard, jsonError } from '@/server/traffic/request-guard';
import { stopRun } from '@/server/traffic/runs';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

export async function DELETE(request: Request) {
  const { key, denied } = await guard(request, { mutating: true });
  if (denied) return denied;
  if (!stopRun(key)) return jsonError(404, 'NoRun', 'No run in progress.');
  return new Response(null, { status: 204 });
}
