'use client';
// A service's placement constraints, from the service and from its task definition (the scenario uses the latter).
import { z } from 'zod';
import { useTaskDefinition } from '@/lib/queries/task-definitions';
import type { ServiceView } from '@/lib/schemas/snapshot';

const constraintsSchema = z
  .array(z.object({ type: z.string(), expression: z.string().nullish() }))
  .catch([]);

export function ServicePlacement({ cluster, service }: { cluster: string; service: ServiceView }) {
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
        <p className="text-xs text-muted">loading…</p>
      ) : all.length === 0 ? (
        <p className="text-xs text-muted">none: tasks may run on any instance</p>
      ) : (
        <ul className="font-mono text-xs" data-testid="placement-constraints">
          {all.map((c, i) => (
            <li key={i}>
              {c.type}
              {c.expression ? `: ${c.expression}` : ''}{' '}
              <span className="font-sans text-muted">(on the {c.from})</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
