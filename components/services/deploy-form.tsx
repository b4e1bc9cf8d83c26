'use client';
// A deploy form built from an action's defaults: every field prefilled, errors shown at the field ECS or zod named.
import { useState } from 'react';
import type { ActionResult, DeployData } from '@/lib/schemas/actions';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ProgressLabel } from '@/components/actions/progress-label';

export interface FieldSpec {
  name: string;
  label: string;
  kind?: 'text' | 'number' | 'checkbox';
  hint?: string;
  /** Empty means "leave it out" (the action then uses its own default). */
  optional?: boolean;
}

type Values = Record<string, string | boolean>;

export function DeployForm({
  cluster,
  title,
  description,
  fields,
  defaults,
  action,
}: {
  cluster: string;
  title: string;
  description: string;
  fields: FieldSpec[];
  defaults: Record<string, unknown>;
  action: (input: unknown) => Promise<ActionResult<DeployData>>;
}) {
  const initial = (): Values =>
    Object.fromEntries(
      fields.map((f) => [
        f.name,
        f.kind === 'checkbox' ? Boolean(defaults[f.name]) : String(defaults[f.name] ?? ''),
      ]),
    );
  const [values, setValues] = useState<Values>(initial);
  const deploy = useConsoleAction(cluster, action, {
    success: (data) =>
      `${data.serviceAction === 'created' ? 'Created' : 'Updated'} service ${data.serviceArn.split('/').pop()} (desired ${data.desiredCount})`,
    failure: `${title} failed`,
  });
  const slug = title.toLowerCase().replace(/\W+/g, '-');
  return (
    <form
      className="card"
      aria-labelledby={`${slug}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        const input = Object.fromEntries(
          fields
            .filter((f) => !(f.optional && values[f.name] === ''))
            .map((f) => [f.name, values[f.name]]),
        );
        void deploy.run(input);
      }}
    >
      <h2 id={`${slug}-title`} className="card-title">
        {title}
      </h2>
      <p className="px-4 pt-2 text-xs text-muted">{description}</p>
      <div className="grid grid-cols-2 gap-3 p-4">
        {fields.map((field) => {
          const id = `${slug}-${field.name}`;
          const error = deploy.lastError?.field === field.name ? deploy.lastError.message : null;
          if (field.kind === 'checkbox') {
            return (
              <label
                key={field.name}
                className="col-span-2 flex items-center gap-2 text-sm"
                title={field.hint}
              >
                <input
                  type="checkbox"
                  checked={values[field.name] === true}
                  onChange={(e) => setValues({ ...values, [field.name]: e.target.checked })}
                />
                {field.label}
              </label>
            );
          }
          return (
            <div key={field.name}>
              <label htmlFor={id} className="label">
                {field.label}
              </label>
              <input
                id={id}
                className="input w-full"
                type={field.kind === 'number' ? 'number' : 'text'}
                value={String(values[field.name] ?? '')}
                placeholder={field.optional ? 'default' : undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : field.hint ? `${id}-hint` : undefined}
                onChange={(e) => setValues({ ...values, [field.name]: e.target.value })}
              />
              {error ? (
                <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700 dark:text-red-400">
                  {error}
                </p>
              ) : null}
              {!error && field.hint ? (
                <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted">
                  {field.hint}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-2 border-t border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={deploy.pending}
          aria-busy={deploy.pending || undefined}
        >
          <ProgressLabel pending={deploy.pending} label={title} pendingLabel="Deploying…" />
        </button>
        <button type="button" className="btn" onClick={() => setValues(initial())}>
          Reset to defaults
        </button>
        {deploy.lastError && !deploy.lastError.field ? (
          <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
            {deploy.lastError.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
