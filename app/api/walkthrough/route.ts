// GET /api/walkthrough: the live evidence the walkthrough's steps are judged by, polled by the page.
import { walkthroughEvidenceSchema } from '@/lib/walkthrough/schema';
import { unauthorizedResponse } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { upstreamError } from '@/server/http/responses';
import { loadWalkthroughEvidence } from '@/server/walkthrough/evidence';

export const dynamic = 'force-dynamic';

export async function GET() {
  const denied = await unauthorizedResponse();
  if (denied) return denied;
  try {
    const evidence = walkthroughEvidenceSchema.parse(
      await loadWalkthroughEvidence(await getEcsContext()),
    );
    return Response.json(evidence, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return upstreamError(error);
  }
}
