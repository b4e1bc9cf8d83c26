'use client';
// A service's strip: name (linking to its page), status, steadiness, counts and the scale control.
import type { ServiceView } from '@/lib/schemas/snapshot';
import { ResourceLink } from '@/components/snapshot/resource-link';
import { StatusBadge } from '@/components/ui/status-badge';
import { ScaleControl } from '@/components/services/scale-control';

export function ServiceSummary({
  cluster,
  service,
  headingId,
  linked,
}: {
  cluster: string;
  service: ServiceView;
  headingId: string;
  /** Off on the service's own page. */
  linked: boolean;
}) {
  const steady =
    service.runningCount === service.desiredCount &&
    service.pendingCount === 0 &&
    service.deployments.length === 1;
  return (
    <div className="flex flex-wrap items-center gap-4 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <h2 id={headingId} className="text-base font-semibold">
        {linked ? <ResourceLink kind="service" id={service.name} /> : service.name}
      </h2>
      <StatusBadge status={service.status} />
      <StatusBadge status={steady ? 'steady' : 'converging'} tone={steady ? 'good' : 'warn'} />
      <dl className="flex gap-4 text-sm" data-testid="service-counts">
        <div>
          <dt className="label">Desired</dt>
          <dd className="tabular-nums" data-testid="desired-count">
            {service.desiredCount}
          </dd>
        </div>
        <div>
          <dt className="label">Running</dt>
          <dd className="tabular-nums" data-testid="running-count">
            {service.runningCount}
          </dd>
        </div>
        <div>
          <dt className="label">Pending</dt>
          <dd className="tabular-nums" data-testid="pending-count">
            {service.pendingCount}
          </dd>
        </div>
      </dl>
      <div className="ml-auto">
        <ScaleControl
          key={service.desiredCount}
          cluster={cluster}
          service={service.name}
          desired={service.desiredCount}
        />
      </div>
    </div>
  );
}
