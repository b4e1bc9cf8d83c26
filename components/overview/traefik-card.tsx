'use client';
// Overview's Traefik card: reachable or not, from the same live view as the Traefik page.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useTraefik } from '@/components/traefik/use-traefik';
import { StatusBadge } from '@/components/ui/status-badge';

export function TraefikCard({ cluster }: { cluster: string }) {
  const { data, error } = useTraefik(cluster);
  let badge = <StatusBadge status="checking" tone="neutral" />;
  let detail: ReactNode = 'Looking for Traefik…';
  if (error) {
    badge = <StatusBadge status="unknown" tone="warn" />;
    detail = error.message;
  } else if (data?.state === 'ok') {
    const servers = data.reconciliation.servers.length;
    badge = <StatusBadge status="reachable" tone="good" />;
    detail = `${data.version.Version} at ${data.url}; ${data.routers.length} routers, ${servers} servers`;
  } else if (data?.state === 'unreachable') {
    badge = <StatusBadge status="unreachable" tone="bad" />;
    detail = `${data.url}: ${data.error}`;
  } else if (data?.state === 'not-found') {
    badge = <StatusBadge status="not running" tone="neutral" />;
    detail = 'No running task runs a Traefik image. Deploy the LoadBalancer on the Services page.';
  }
  return (
    <div className="card p-4" data-testid="stat-traefik">
      <p className="text-xs font-medium text-muted">
        <Link href="/traefik" className="hover:underline">
          Traefik
        </Link>
      </p>
      <p className="mt-1 text-sm">{badge}</p>
      <p className="mt-0.5 text-xs break-all text-muted">{detail}</p>
    </div>
  );
}
