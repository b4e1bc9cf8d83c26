'use client';
// One service's page: counts and scaling, identity, placement, Traefik, deployments, its tasks and its events, live.
import { taskDefinitionName } from '@/lib/format/arn';
import type { ClusterSnapshot, ServiceView } from '@/lib/schemas/snapshot';
import { SnapshotDetail } from '@/components/snapshot/snapshot-detail';
import { CopyableId } from '@/components/ui/copy-button';
import { TimeAgo } from '@/components/ui/time';
import { TaskSections } from '@/components/tasks/task-sections';
import { ServiceTraefikStatus } from '@/components/traefik/service-traefik-status';
import { ServiceDeployments } from '@/components/services/service-deployments';
import { ServiceEvents } from '@/components/services/service-events';
import { ServicePlacement } from '@/components/services/service-placement';
import { ServiceSummary } from '@/components/services/service-summary';

function Service({
  cluster,
  service,
  snapshot,
}: {
  cluster: string;
  service: ServiceView;
  snapshot: ClusterSnapshot;
}) {
  const tasks = snapshot.tasks.filter((t) => t.serviceName === service.name);
  return (
    <div className="space-y-4" data-testid={`service-${service.name}`}>
      <section className="card" aria-labelledby="service-detail-title">
        <ServiceSummary
          cluster={cluster}
          service={service}
          linked={false}
          headingId="service-detail-title"
        />
        <div className="grid gap-4 p-4 text-sm lg:grid-cols-2">
          <div className="space-y-3">
            <div>
              <p className="label">ARN</p>
              <CopyableId value={service.arn} what="service ARN" testId="service-arn" />
            </div>
            <div>
              <p className="label">Task definition</p>
              <p className="font-mono text-xs">{taskDefinitionName(service.taskDefinition)}</p>
            </div>
            <div className="flex gap-8">
              <div>
                <p className="label">Launch type</p>
                <p>{service.launchType ?? '—'}</p>
              </div>
              <div>
                <p className="label">Created</p>
                <p>
                  <TimeAgo iso={service.createdAt} />
                </p>
              </div>
            </div>
          </div>
          <div className="space-y-3">
            <ServicePlacement cluster={cluster} service={service} />
            {service.placementStrategy.length > 0 ? (
              <div>
                <p className="label">Placement strategy</p>
                <p className="font-mono text-xs">
                  {service.placementStrategy
                    .map((s) => (s.field ? `${s.type}(${s.field})` : s.type))
                    .join(', ')}
                </p>
              </div>
            ) : null}
            <ServiceTraefikStatus cluster={cluster} serviceName={service.name} />
          </div>
        </div>
      </section>
      <section className="card p-4 text-sm">
        <ServiceDeployments deployments={service.deployments} />
      </section>
      <TaskSections
        cluster={cluster}
        tasks={tasks}
        title={`Tasks of ${service.name}`}
        headingId="service-tasks-title"
        empty="Scale it above 0; tasks stay pending until an instance matches its placement."
      />
      <section className="card p-4 text-sm">
        <ServiceEvents events={service.events} limit={100} />
      </section>
    </div>
  );
}

export function ServiceDetail({
  cluster,
  name,
  initial,
}: {
  cluster: string;
  name: string;
  initial: ClusterSnapshot | undefined;
}) {
  return (
    <SnapshotDetail
      cluster={cluster}
      initial={initial}
      find={(snapshot) => snapshot.services.find((s) => s.name === name)}
      missing={{
        title: `Service ${name} is not in cluster ${cluster}`,
        why: 'It may have been deleted, or it lives in another cluster (pick it in the switcher above).',
        back: { href: '/services', label: 'services' },
      }}
    >
      {(service, snapshot) => <Service cluster={cluster} service={service} snapshot={snapshot} />}
    </SnapshotDetail>
  );
}
