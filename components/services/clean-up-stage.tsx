'use client';
// While a clean-up runs: which stage it has reached, read from the live snapshot (the action itself reports only at the end).
import { useClusterSnapshot } from '@/lib/queries/snapshot';

export function CleanUpStage({ cluster, services }: { cluster: string; services: string[] }) {
  const { data } = useClusterSnapshot(cluster);
  if (!data) return null;
  const remaining = data.services.filter((s) => services.includes(s.name));
  const live = data.tasks.filter(
    (t) => t.serviceName && services.includes(t.serviceName) && t.lastStatus !== 'STOPPED',
  );
  let stage = 'Deregistering task definitions and the rest';
  if (live.length > 0) {
    const names = [...new Set(live.map((t) => t.serviceName))].join(', ');
    stage = `Waiting for ${names} to drain: ${live.length} task${live.length === 1 ? '' : 's'} still stopping`;
  } else if (remaining.length > 0) {
    stage = `Deleting ${remaining.map((s) => s.name).join(', ')}`;
  }
  return (
    <p className="text-sm text-muted" data-testid="clean-up-stage" aria-live="polite">
      {stage}…
    </p>
  );
}
