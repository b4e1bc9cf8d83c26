// The last routing probe of each mode, per cluster, in memory: live evidence for steps 4 and 5, with its time.
import 'server-only';
import type { ProbeMode, ProbeResult } from '@/lib/walkthrough/schema';
import type { EcsContext } from '@/server/ecs/context';

type ClusterProbes = Partial<Record<ProbeMode, ProbeResult>>;

// Keyed by the ECS client (one per target, process-wide) so two labs in one process never mix;
// on globalThis because route handlers and server actions can load separate module instances.
const store = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('anywhere-console.walkthrough.probes')
] ??= new WeakMap()) as WeakMap<object, Map<string, ClusterProbes>>;

function forCluster(ctx: EcsContext): ClusterProbes {
  let clusters = store.get(ctx.ecs);
  if (!clusters) store.set(ctx.ecs, (clusters = new Map()));
  let probes = clusters.get(ctx.cluster);
  if (!probes) clusters.set(ctx.cluster, (probes = {}));
  return probes;
}

export function saveProbe(ctx: EcsContext, result: ProbeResult): void {
  forCluster(ctx)[result.mode] = result;
}

export function lastProbes(ctx: EcsContext): {
  host: ProbeResult | null;
  path: ProbeResult | null;
} {
  const probes = forCluster(ctx);
  return { host: probes.host ?? null, path: probes.path ?? null };
}
