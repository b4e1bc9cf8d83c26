// A service's deployments: status, task definition, counts, rollout state and when each started.
import { taskDefinitionName } from '@/lib/format/arn';
import type { DeploymentView } from '@/lib/schemas/snapshot';
import { StatusBadge } from '@/components/ui/status-badge';
import { TimeAgo } from '@/components/ui/time';

export function ServiceDeployments({ deployments }: { deployments: DeploymentView[] }) {
  return (
    <div>
      <p className="label">Deployments</p>
      <table className="w-full text-xs" aria-label="Deployments">
        <thead className="text-left text-muted">
          <tr>
            <th className="py-1">Status</th>
            <th>Task definition</th>
            <th>Desired / running / pending</th>
            <th>Rollout</th>
            <th>Created</th>
          </tr>
        </thead>
        <tbody>
          {deployments.map((d) => (
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
              <td>
                <TimeAgo iso={d.createdAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
