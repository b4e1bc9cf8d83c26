'use client';
// One service on the Services page: counts and scaling, task definition, placement, Traefik, deployments, events.
import { taskDefinitionName } from '@/lib/format/arn';
import type { ServiceView } from '@/lib/schemas/snapshot';
import { ServiceTraefikStatus } from '@/components/traefik/service-traefik-status';
import { ServiceDeployments } from '@/components/services/service-deployments';
import { ServiceEvents } from '@/components/services/service-events';
import { ServicePlacement } from '@/components/services/service-placement';
import { ServiceSummary } from '@/components/services/service-summary';

export function ServiceCard({ cluster, service }: { cluster: string; service: ServiceView }) {
  return (
    <section
      className="card"
      aria-labelledby={`service-${service.name}`}
      data-testid={`service-${service.name}`}
    >
      <ServiceSummary
        cluster={cluster}
        service={service}
        linked
        headingId={`service-${service.name}`}
      />
      <div className="grid gap-4 p-4 text-sm lg:grid-cols-2">
        <div className="space-y-3">
          <div>
            <p className="label">Task definition</p>
            <p className="font-mono text-xs">{taskDefinitionName(service.taskDefinition)}</p>
          </div>
          <ServicePlacement cluster={cluster} service={service} />
          <ServiceTraefikStatus cluster={cluster} serviceName={service.name} />
          <ServiceDeployments deployments={service.deployments} />
        </div>
        <ServiceEvents events={service.events} limit={30} />
      </div>
    </section>
  );
}
