'use client';
// Overview: the cluster at a glance (instances, services, tasks, Traefik) and recent service events.
import Link from 'next/link';
import type { ClusterSnapshot } from '@/lib/schemas/snapshot';
import { ResourceLink } from '@/components/snapshot/resource-link';
import { SnapshotView } from '@/components/snapshot/snapshot-view';
import { TraefikCard } from '@/components/overview/traefik-card';
import { StatusBadge } from '@/components/ui/status-badge';
import { EmptyState } from '@/components/ui/states';
import { TimeAgo } from '@/components/ui/time';

function Stat({
  label,
  value,
  detail,
  href,
}: {
  label: string;
  value: string;
  detail?: string;
  href?: string;
}) {
  const body = (
    <>
      <p className="text-xs font-medium text-muted">{label}</p>
      <p className="mt-1 text-2xl font-semibold tabular-nums">{value}</p>
      {detail ? <p className="mt-0.5 text-xs text-muted">{detail}</p> : null}
    </>
  );
  return (
    <div className="card p-4" data-testid={`stat-${label.toLowerCase().replace(/\s+/g, '-')}`}>
      {href ? (
        <Link href={href} className="block hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </div>
  );
}

function Overview({ snapshot, cluster }: { snapshot: ClusterSnapshot; cluster: string }) {
  const connected = snapshot.instances.filter((i) => i.agentConnected).length;
  const desired = snapshot.services.reduce((sum, s) => sum + s.desiredCount, 0);
  const running = snapshot.services.reduce((sum, s) => sum + s.runningCount, 0);
  const byStatus = new Map<string, number>();
  for (const task of snapshot.tasks)
    byStatus.set(task.lastStatus, (byStatus.get(task.lastStatus) ?? 0) + 1);
  const events = snapshot.services
    .flatMap((s) => s.events.map((e) => ({ ...e, service: s.name })))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
    .slice(0, 12);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label="Instances connected"
          value={`${connected} / ${snapshot.instances.length}`}
          detail={
            snapshot.instances.length === 0
              ? 'No external instances registered'
              : 'agent connected of registered'
          }
          href="/instances"
        />
        <Stat
          label="Services running"
          value={`${running} / ${desired}`}
          detail={`${snapshot.services.length} service${snapshot.services.length === 1 ? '' : 's'}; tasks running of desired`}
          href="/services"
        />
        <div className="card p-4" data-testid="stat-tasks">
          <p className="text-xs font-medium text-muted">Tasks by status</p>
          {byStatus.size === 0 ? (
            <p className="mt-1 text-sm">No tasks yet</p>
          ) : (
            <ul className="mt-1 space-y-0.5">
              {[...byStatus].sort().map(([status, count]) => (
                <li key={status} className="flex justify-between gap-2 text-sm">
                  <StatusBadge status={status} />
                  <span className="tabular-nums">{count}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <TraefikCard cluster={cluster} />
      </div>
      <section className="card" aria-labelledby="events-title">
        <h2 id="events-title" className="card-title">
          Recent service events
        </h2>
        {events.length === 0 ? (
          <EmptyState title="No service events yet">
            {snapshot.services.length > 0
              ? 'ECS records an event when a service reaches a steady state or cannot place a task. '
              : null}
            Deploy or scale a service on the{' '}
            <Link className="underline" href="/services">
              Services
            </Link>{' '}
            page.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
            {events.map((event) => (
              <li key={`${event.service}-${event.id}`} className="flex gap-3 px-4 py-2">
                <span className="w-20 shrink-0 text-xs text-muted tabular-nums">
                  <TimeAgo iso={event.createdAt} />
                </span>
                <span className="w-28 shrink-0 font-medium">
                  <ResourceLink kind="service" id={event.service} />
                </span>
                <span className="min-w-0">{event.message}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function OverviewClient({
  cluster,
  initial,
}: {
  cluster: string;
  initial: ClusterSnapshot | undefined;
}) {
  return (
    <SnapshotView cluster={cluster} initial={initial}>
      {(snapshot) => <Overview snapshot={snapshot} cluster={cluster} />}
    </SnapshotView>
  );
}
