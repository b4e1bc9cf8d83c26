'use client';
// For the Services page: how Traefik sees one ECS service's tasks (routed, not yet routed, stale servers).
import Link from 'next/link';
import { flagText } from '@/lib/traefik/view-text';
import { useTraefik } from '@/components/traefik/use-traefik';

export function ServiceTraefikStatus({
  cluster,
  serviceName,
}: {
  cluster: string;
  serviceName: string;
}) {
  const { data } = useTraefik(cluster);
  if (!data || data.state === 'not-found') return null;
  if (data.state === 'unreachable') {
    return (
      <p className="text-xs text-red-700 dark:text-red-400" data-testid="service-traefik-status">
        <span aria-hidden>✕ </span>Traefik unreachable ({data.url})
      </p>
    );
  }
  const { tasks, servers, flags, refreshSeconds } = data.reconciliation;
  const mine = tasks.filter((t) => t.serviceName === serviceName);
  if (mine.length === 0) return null;
  const traefikServices = new Set(mine.flatMap((t) => t.traefikServices.map((s) => `${s}@ecs`)));
  const relevant = flags.filter((f) =>
    f.kind === 'task-not-routed'
      ? f.serviceName === serviceName
      : traefikServices.has(f.traefikService),
  );
  const routed = mine.filter((t) => t.servers.length > 0).length;
  return (
    <div className="text-xs" data-testid="service-traefik-status">
      <p>
        <span className="label">Traefik</span>{' '}
        <Link href="/traefik" className="underline">
          {routed} of {mine.length} tasks routed
        </Link>
        {' · '}
        {servers.filter((s) => traefikServices.has(s.traefikService)).length} servers
      </p>
      {relevant.length > 0 ? (
        <ul className="mt-1 text-amber-700 dark:text-amber-400">
          {relevant.map((f) => (
            <li key={f.kind === 'task-not-routed' ? f.taskArn : f.url}>
              {flagText(f, refreshSeconds)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
