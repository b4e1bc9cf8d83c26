// Walkthrough page: the reference scenario step by step, resumed from the cluster's real state.
import { PageTitle } from '@/components/ui/page-title';
import { WalkthroughClient } from '@/components/walkthrough/walkthrough-client';
import { requirePageSession } from '@/server/auth/session';
import { getEcsContext } from '@/server/ecs/context';
import { loadWalkthroughEvidence } from '@/server/walkthrough/evidence';

export default async function WalkthroughPage() {
  await requirePageSession();
  const ctx = await getEcsContext();
  // A failed first read renders the client's error state (with retry) instead of an error page.
  const initial = await loadWalkthroughEvidence(ctx).catch(() => undefined);
  return (
    <>
      <PageTitle title="Walkthrough">
        Load balance a web app across ECS Anywhere instances with Traefik, in {ctx.cluster}: seven
        steps, each checked live against ECS and Traefik.
      </PageTitle>
      <WalkthroughClient
        cluster={ctx.cluster}
        target={ctx.target}
        region={ctx.region}
        initial={initial}
      />
    </>
  );
}
