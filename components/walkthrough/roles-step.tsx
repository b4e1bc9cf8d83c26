'use client';
// Step 1's form: pick the instance that becomes the load balancer; every other connected one becomes a web server.
import { useState } from 'react';
import { assignRole } from '@/server/actions/assign-role';
import type { InstanceView } from '@/lib/schemas/snapshot';
import type { WalkthroughParams } from '@/lib/walkthrough/steps';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ActionButton } from '@/components/walkthrough/action-button';

export interface RolePlan {
  arn: string;
  value: string;
}

/** The instance already holding the load balancer role, else the first connected one. */
export function defaultLoadBalancer(instances: InstanceView[], params: WalkthroughParams) {
  const usable = instances.filter((i) => i.status === 'ACTIVE' && i.agentConnected);
  const current = usable.find((i) =>
    i.attributes.some((a) => a.name === params.roleName && a.value === params.loadBalancerRole),
  );
  return (current ?? usable[0])?.arn ?? null;
}

export function rolePlan(
  instances: InstanceView[],
  loadBalancerArn: string | null,
  params: WalkthroughParams,
): RolePlan[] {
  if (!loadBalancerArn) return [];
  return instances
    .filter((i) => i.status === 'ACTIVE' && (i.agentConnected || i.arn === loadBalancerArn))
    .map((i) => ({
      arn: i.arn,
      value: i.arn === loadBalancerArn ? params.loadBalancerRole : params.webserverRole,
    }))
    .sort(
      (a, b) =>
        Number(b.value === params.loadBalancerRole) - Number(a.value === params.loadBalancerRole),
    );
}

export function RolesStep({
  cluster,
  instances,
  params,
  chosen,
  onChoose,
  onCli,
}: {
  cluster: string;
  instances: InstanceView[];
  params: WalkthroughParams;
  chosen: string | null;
  onChoose: (arn: string) => void;
  onCli: (cli: string) => void;
}) {
  const [running, setRunning] = useState(false);
  const action = useConsoleAction(cluster, assignRole, {
    success: (data) =>
      `Set ${params.roleName}=${data.attributes[0]?.value ?? ''} on ${data.attributes.length} instance(s)`,
    failure: 'Could not assign the roles',
  });
  const plan = rolePlan(instances, chosen, params);
  const usable = instances.filter((i) => i.status === 'ACTIVE' && i.agentConnected);
  return (
    <form
      className="space-y-3"
      aria-label="Assign roles"
      onSubmit={async (event) => {
        event.preventDefault();
        setRunning(true);
        try {
          const cli: string[] = [];
          for (const value of [params.loadBalancerRole, params.webserverRole]) {
            const instanceArns = plan.filter((p) => p.value === value).map((p) => p.arn);
            if (instanceArns.length === 0) continue;
            const result = await action.run({ instanceArns, name: params.roleName, value });
            if (!result?.ok) return;
            cli.push(result.cli);
          }
          onCli(cli.join('\n'));
        } finally {
          setRunning(false);
        }
      }}
    >
      <fieldset>
        <legend className="label mb-1">Which instance becomes the load balancer?</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {usable.map((i) => {
            const isLb = i.arn === chosen;
            return (
              <label
                key={i.arn}
                className="flex cursor-pointer items-start gap-2 rounded-md border border-zinc-200 p-2 text-sm has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50 dark:border-zinc-800 dark:has-[:checked]:bg-blue-950/40"
              >
                <input
                  type="radio"
                  name="loadbalancer"
                  className="mt-1"
                  checked={isLb}
                  onChange={() => onChoose(i.arn)}
                />
                <span>
                  <span className="block font-mono text-xs">{i.ec2InstanceId ?? i.id}</span>
                  <span className="block text-xs text-muted">{i.ip}</span>
                  <span className="block text-xs font-medium">
                    → {params.roleName}={isLb ? params.loadBalancerRole : params.webserverRole}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <ActionButton
        pending={running}
        label="Assign roles"
        pendingLabel="Assigning…"
        disabled={plan.length < 2}
      />
      {action.lastError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {action.lastError.message}
        </p>
      ) : null}
    </form>
  );
}
