'use client';
// Steps 2 and 3's form: a deploy action's essential fields with the scenario's defaults, and its button.
import type { ActionResult, DeployData } from '@/lib/schemas/actions';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ActionButton } from '@/components/walkthrough/action-button';
import { Field } from '@/components/walkthrough/field';

export interface DeployField {
  name: string;
  label: string;
  type?: 'text' | 'number';
  hint?: string;
}

export function DeployStep({
  cluster,
  id,
  label,
  fields,
  values,
  onValues,
  action,
  onCli,
}: {
  cluster: string;
  id: string;
  label: string;
  fields: DeployField[];
  values: Record<string, string>;
  onValues: (values: Record<string, string>) => void;
  action: (input: unknown) => Promise<ActionResult<DeployData>>;
  onCli: (cli: string) => void;
}) {
  const deploy = useConsoleAction(cluster, action, {
    success: (data) =>
      `${data.serviceAction === 'created' ? 'Created' : 'Updated'} service ${data.serviceArn.split('/').pop()} (desired ${data.desiredCount})`,
    failure: `${label} failed`,
  });
  return (
    <form
      className="space-y-3"
      aria-label={label}
      onSubmit={async (event) => {
        event.preventDefault();
        // Empty fields are left out, so the action uses its own default.
        const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
        const result = await deploy.run(input);
        if (result?.ok) onCli(result.cli);
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {fields.map((field) => (
          <Field
            key={field.name}
            id={`${id}-${field.name}`}
            label={field.label}
            type={field.type}
            hint={field.hint}
            value={values[field.name] ?? ''}
            error={deploy.lastError?.field === field.name ? deploy.lastError.message : null}
            onChange={(value) => onValues({ ...values, [field.name]: value })}
          />
        ))}
      </div>
      <ActionButton pending={deploy.pending} label={label} pendingLabel="Deploying…" />
      {deploy.lastError && !deploy.lastError.field ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {deploy.lastError.message}
        </p>
      ) : null}
    </form>
  );
}
