'use client';
// Clean-up: scale to 0 and delete services, deregister task definitions, and (typed confirmation) instances and the cluster.
import { useState } from 'react';
import { cleanUp } from '@/server/actions/clean-up';
import { cleanUpDefaults, type CleanUpData } from '@/lib/schemas/actions';
import { ProgressLabel } from '@/components/actions/progress-label';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { CliBlock } from '@/components/ui/cli-block';
import { StatusBadge } from '@/components/ui/status-badge';
import { CleanUpStage } from '@/components/services/clean-up-stage';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function CleanUpPanel({ cluster }: { cluster: string }) {
  const [services, setServices] = useState(cleanUpDefaults.services.join(', '));
  const [families, setFamilies] = useState(cleanUpDefaults.families.join(', '));
  const [deregisterTaskDefinitions, setDeregister] = useState(
    cleanUpDefaults.deregisterTaskDefinitions,
  );
  const [instancesConfirm, setInstancesConfirm] = useState('');
  const [clusterConfirm, setClusterConfirm] = useState('');
  const [steps, setSteps] = useState<CleanUpData['steps']>([]);
  const action = useConsoleAction(cluster, cleanUp, {
    success: (data) =>
      `Clean-up done: ${data.steps.filter((s) => s.cli).length} of ${data.steps.length} steps acted`,
    failure: 'Clean-up failed',
  });
  return (
    <form
      className="card"
      aria-labelledby="clean-up-title"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await action.run({
          services: list(services),
          families: list(families),
          deregisterTaskDefinitions,
          ...(instancesConfirm ? { deregisterInstances: { confirm: instancesConfirm } } : {}),
          ...(clusterConfirm ? { deleteCluster: { confirm: clusterConfirm } } : {}),
        });
        if (result?.ok) setSteps(result.data.steps);
      }}
    >
      <h2 id="clean-up-title" className="card-title">
        Clean up
      </h2>
      <div className="grid gap-3 p-4 text-sm md:grid-cols-2">
        <div>
          <label className="label" htmlFor="clean-services">
            Services to scale to 0 and delete (comma-separated)
          </label>
          <input
            id="clean-services"
            className="input w-full"
            value={services}
            onChange={(e) => setServices(e.target.value)}
          />
        </div>
        <div>
          <label className="label" htmlFor="clean-families">
            Task definition families
          </label>
          <input
            id="clean-families"
            className="input w-full"
            value={families}
            onChange={(e) => setFamilies(e.target.value)}
          />
        </div>
        <label className="flex items-center gap-2 md:col-span-2">
          <input
            type="checkbox"
            checked={deregisterTaskDefinitions}
            onChange={(e) => setDeregister(e.target.checked)}
          />
          Deregister those families’ task definitions
        </label>
        <div>
          <label className="label" htmlFor="clean-instances">
            To also deregister every instance, type the cluster name <code>{cluster}</code>
          </label>
          <input
            id="clean-instances"
            className="input w-full"
            autoComplete="off"
            value={instancesConfirm}
            onChange={(e) => setInstancesConfirm(e.target.value)}
          />
        </div>
        <div>
          <label className="label" htmlFor="clean-cluster">
            To also delete the cluster, type the cluster name <code>{cluster}</code>
          </label>
          <input
            id="clean-cluster"
            className="input w-full"
            autoComplete="off"
            value={clusterConfirm}
            onChange={(e) => setClusterConfirm(e.target.value)}
          />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <button
          type="submit"
          className="btn btn-danger"
          disabled={action.pending}
          aria-busy={action.pending || undefined}
        >
          <ProgressLabel pending={action.pending} label="Clean up" pendingLabel="Cleaning up…" />
        </button>
        {action.pending ? <CleanUpStage cluster={cluster} services={list(services)} /> : null}
        {action.lastError ? (
          <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
            {action.lastError.message}
          </p>
        ) : null}
      </div>
      {steps.length > 0 ? (
        <ol
          className="space-y-2 border-t border-zinc-200 p-4 text-sm dark:border-zinc-800"
          aria-label="Clean-up steps"
        >
          {steps.map((step, i) => (
            <li key={i}>
              <StatusBadge
                status={step.cli ? 'done' : 'skipped'}
                tone={step.cli ? 'good' : 'neutral'}
              />{' '}
              {step.label}
              {step.note ? <span className="text-muted"> — {step.note}</span> : null}
              {step.cli ? <CliBlock cli={step.cli} /> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </form>
  );
}
