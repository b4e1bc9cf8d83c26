'use client';
// One service: counts, task definition, deployments and their rollout, placement, events, and scaling.
import { z } from 'zod';
import { taskDefinitionName } from '@/lib/format/arn';
import { useTaskDefinition } from '@/lib/queries/task-definitions';
import type { ServiceView } from '@/lib/schemas/snapshot';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeAgo } from '@/components/ui/time';
import { ScaleControl } from '@/components/services/scale-control';
import { ServiceTraefikStatus } from '@/components/traefik/service-traefik-status';

const constraintsSchema = z
  .array(z.object({ type: z.string(), expression: z.string().nullish() }))
  .catch([]);

// Constraints can sit on the service or on its task definition (the scenario's templates use the latter).
function Placement({ cluster, service }: { cluster: string; service: ServiceView }) {
  const definition = useTaskDefinition(cluster, service.taskDefinition);
  const fromDefinition = constraintsSchema.parse(
    definition.data?.taskDefinition.placementConstraints ?? [],
  );
  const all = [
    ...service.placementConstraints.map((c) => ({ ...c, from: 'service' })),
    ...fromDefinition.map((c) => ({
      type: c.type,
      expression: c.expression ?? null,
      from: 'task definition',
    })),
  ];
  return (
    <div>
      <p className="label">Placement constraints</p>
      {definition.isPending ? (
        <p className="text-xs text-zinc-500">loading…</p>
      ) : all.length === 0 ? (
        <p className="text-xs text-zinc-500">none: tasks may run on any instance</p>
      ) : (
        <ul className="font-mono text-xs" data-testid="placement-constraints">
          {all.map((c, i) => (
            <li key={i}>
              {c.type}
              {c.expression ? `: ${c.expression}` : ''}{' '}
              <span className="font-sans text-zinc-500">(on the {c.from})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ServiceCard({ cluster, service }: { cluster: string; service: ServiceView }) {
  const steady =
    service.runningCount === service.desiredCount &&
    service.pendingCount === 0 &&
    service.deployments.length === 1;
  return (
    <section
      className="card"
      aria-labelledby={`service-${service.name}`}
      data-testid={`service-${service.name}`}
    >
      <div className="flex flex-wrap items-center gap-4 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id={`service-${service.name}`} className="text-base font-semibold">
          {service.name}
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
      <div className="grid gap-4 p-4 text-sm lg:grid-cols-2">
        <div className="space-y-3">
          <div>
            <p className="label">Task definition</p>
            <p className="font-mono text-xs">{taskDefinitionName(service.taskDefinition)}</p>
          </div>
          <Placement cluster={cluster} service={service} />
          <ServiceTraefikStatus cluster={cluster} serviceName={service.name} />
          <div>
            <p className="label">Deployments</p>
            <table className="w-full text-xs">
              <thead className="text-left text-zinc-500">
                <tr>
                  <th className="py-1">Status</th>
                  <th>Task definition</th>
                  <th>Desired / running / pending</th>
                  <th>Rollout</th>
                </tr>
              </thead>
              <tbody>
                {service.deployments.map((d) => (
                  <tr key={d.id} className="border-t border-zinc-200 dark:border-zinc-800">
                    <td className="py-1">
                      <StatusBadge status={d.status} />
                    </td>
                    <td className="font-mono">{taskDefinitionName(d.taskDefinition)}</td>
                    <td className="tabular-nums">
                      {d.desiredCount} / {d.runningCount} / {d.pendingCount}
                      {d.failedTasks ? ` (${d.failedTasks} failed)` : ''}
                    </td>
                    <td title={d.rolloutStateReason ?? undefined}>
                      {d.rolloutState ? <StatusBadge status={d.rolloutState} /> : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
        <div>
          <p className="label">Events (newest first)</p>
          {service.events.length === 0 ? (
            <p className="text-xs text-zinc-500">No events yet.</p>
          ) : (
            <ul className="max-h-48 overflow-auto text-xs">
              {service.events.slice(0, 30).map((e) => (
                <li
                  key={e.id}
                  className="flex gap-2 border-t border-zinc-200 py-1 dark:border-zinc-800"
                >
                  <span className="w-16 shrink-0 text-zinc-500 tabular-nums">
                    <TimeAgo iso={e.createdAt} />
                  </span>
                  <span>{e.message}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
