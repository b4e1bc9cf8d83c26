'use client';
// Step 0's body: the external instances ECS reports (agent, IP, role) and Traefik's IAM policy.
import type { InstanceView } from '@/lib/schemas/snapshot';
import { ResourceLink } from '@/components/snapshot/resource-link';
import { StatusBadge } from '@/components/ui/status-badge';
import { ActionButton } from '@/components/walkthrough/action-button';
import { IamPolicyBlock } from '@/components/walkthrough/iam-policy-block';

export function ClusterStep({
  instances,
  roleName,
  target,
  refreshing,
  onRecheck,
}: {
  instances: InstanceView[];
  roleName: string;
  target: 'lab' | 'aws';
  refreshing: boolean;
  onRecheck: () => void;
}) {
  return (
    <div className="space-y-3">
      {instances.length === 0 ? (
        <p className="text-sm">No external instance is registered in this cluster.</p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-3" aria-label="External instances">
          {instances.map((i) => {
            const role = i.attributes.find((a) => a.name === roleName)?.value;
            return (
              <li
                key={i.arn}
                className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800"
              >
                <p>
                  <ResourceLink kind="instance" id={i.id}>
                    {i.ec2InstanceId ?? i.id}
                  </ResourceLink>
                </p>
                <p className="text-xs text-muted">{i.ip ?? 'no IP in SSM'}</p>
                <StatusBadge
                  status={i.agentConnected ? 'connected' : 'disconnected'}
                  tone={i.agentConnected ? 'good' : 'bad'}
                />
                <p className="text-xs text-muted">{role ? `${roleName}=${role}` : 'no role yet'}</p>
              </li>
            );
          })}
        </ul>
      )}
      <IamPolicyBlock target={target} />
      <ActionButton
        pending={refreshing}
        label="Check again"
        pendingLabel="Checking…"
        onClick={onRecheck}
      />
    </div>
  );
}
