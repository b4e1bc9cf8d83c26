'use client';
// The Traefik page: where Traefik is, how ECS and Traefik agree, entrypoints, routers, services with servers, middlewares.
import type { ReactNode } from 'react';
import { ErrorState, EmptyState, Skeleton } from '@/components/ui/states';
import { TimeAgo } from '@/components/ui/time';
import { ReconcileFlags } from '@/components/traefik/reconcile-flags';
import { RoutersTable } from '@/components/traefik/routers-table';
import { ServicesList } from '@/components/traefik/services-list';
import { EntrypointsTable, MiddlewaresTable } from '@/components/traefik/simple-tables';
import { TraefikHeader } from '@/components/traefik/traefik-header';
import { useTraefik } from '@/components/traefik/use-traefik';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function TraefikClient({ cluster }: { cluster: string }) {
  const query = useTraefik(cluster);
  if (query.isPending) return <Skeleton rows={8} label="Reading Traefik" />;
  if (query.isError && !query.data) {
    return (
      <ErrorState
        title="Could not load the Traefik view"
        error={query.error}
        onRetry={() => query.refetch()}
      />
    );
  }
  const view = query.data;
  const stale = query.isError ? (
    <ErrorState
      title="The last refresh failed; showing older data"
      error={query.error}
      onRetry={() => query.refetch()}
    />
  ) : null;

  if (view.state === 'not-found') {
    return (
      <div className="space-y-4" data-testid="traefik-not-found">
        {stale}
        <TraefikHeader source={view.source} url={null} />
        <div className="card">
          <EmptyState title="Traefik is not running in this cluster">
            {view.source.kind === 'not-found' ? view.source.reason : null} Deploy the LoadBalancer
            on the Services page, or set TRAEFIK_API_URL.
          </EmptyState>
        </div>
      </div>
    );
  }
  if (view.state === 'unreachable') {
    return (
      <div className="space-y-4" data-testid="traefik-unreachable">
        {stale}
        <TraefikHeader source={view.source} url={view.url} />
        <div role="alert" className="card border-red-300 p-4 text-sm dark:border-red-800">
          <p className="font-semibold text-red-800 dark:text-red-300">
            <span aria-hidden>✕ </span>Traefik is unreachable
          </p>
          <p className="mt-1">
            Tried{' '}
            <span className="font-mono" data-testid="traefik-tried-url">
              {view.url}
            </span>
            : <span data-testid="traefik-error">{view.error}</span>
          </p>
          <p className="mt-1 text-xs text-muted">
            Checked <TimeAgo iso={view.fetchedAt} />; the rest of the console keeps working.
          </p>
        </div>
      </div>
    );
  }
  return (
    <div className="space-y-6" data-testid="traefik-view">
      {stale}
      <TraefikHeader source={view.source} url={view.url} version={view.version.Version} />
      <ReconcileFlags reconciliation={view.reconciliation} />
      <Section title="Entrypoints">
        <div className="card overflow-hidden">
          <EntrypointsTable entrypoints={view.entrypoints} />
        </div>
      </Section>
      <Section title="HTTP routers">
        <div className="card overflow-hidden">
          {view.routers.length === 0 ? (
            <EmptyState title="No HTTP routers">
              Traefik routes tasks whose task definitions carry traefik.* labels.
            </EmptyState>
          ) : (
            <RoutersTable routers={view.routers} />
          )}
        </div>
      </Section>
      <Section title="HTTP services and servers">
        <ServicesList services={view.services} servers={view.reconciliation.servers} />
      </Section>
      <Section title="Middlewares">
        <div className="card overflow-hidden">
          {view.middlewares.length === 0 ? (
            <EmptyState title="No middlewares" />
          ) : (
            <MiddlewaresTable middlewares={view.middlewares} />
          )}
        </div>
      </Section>
    </div>
  );
}
