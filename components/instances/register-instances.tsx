'use client';
// Register external instances, as the ECS console does: an SSM activation for a role and a count, then its code,
// expiry, live registrations and the install command for each new host.
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  registerInstancesDefaults,
  registerInstancesInput,
  type ActivationStatus,
  type RegisterInstancesData,
} from '@/lib/schemas/activation';
import { queryKeys } from '@/lib/queries/keys';
import { pollInterval } from '@/lib/queries/polling';
import { activationStatus, registerInstances } from '@/server/actions/register-instances';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ProgressLabel } from '@/components/actions/progress-label';
import { CliBlock } from '@/components/ui/cli-block';
import { CopyButton } from '@/components/ui/copy-button';
import { TimeAgo } from '@/components/ui/time';
import { withCode } from '@/lib/format/error-text';

type FormValues = Record<keyof typeof registerInstancesDefaults, string>;
type FieldErrors = Partial<Record<keyof FormValues, string>>;

const initialValues: FormValues = {
  iamRole: registerInstancesDefaults.iamRole,
  instanceCount: String(registerInstancesDefaults.instanceCount),
  expiresInHours: String(registerInstancesDefaults.expiresInHours),
  defaultInstanceName: registerInstancesDefaults.defaultInstanceName,
};

function fieldErrors(values: FormValues): FieldErrors {
  const parsed = registerInstancesInput.safeParse(values);
  if (parsed.success) return {};
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof FormValues | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

function Field({
  name,
  label,
  hint,
  error,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="text-sm">
      <label className="label" htmlFor={`register-${name}`}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`register-${name}-error`} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : hint ? (
        <p className="mt-1 text-xs text-muted">{hint}</p>
      ) : null}
    </div>
  );
}

function RegisterForm({
  cluster,
  onCreated,
}: {
  cluster: string;
  onCreated: (data: RegisterInstancesData, cli: string) => void;
}) {
  const [values, setValues] = useState<FormValues>(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useConsoleAction(cluster, registerInstances, {
    success: (data) =>
      `Created activation ${data.activationId} for ${data.registrationLimit} instance${data.registrationLimit === 1 ? '' : 's'}`,
    failure: 'Could not create the activation',
  });
  const serverField = create.lastError?.field as keyof FormValues | undefined;
  const errorOf = (name: keyof FormValues) =>
    errors[name] ?? (serverField === name ? create.lastError?.message : undefined);
  const input = (name: keyof FormValues, props: { type?: string; className: string }) => (
    <input
      id={`register-${name}`}
      name={name}
      className={`input ${props.className}`}
      type={props.type ?? 'text'}
      value={values[name]}
      aria-invalid={errorOf(name) ? true : undefined}
      aria-describedby={errorOf(name) ? `register-${name}-error` : undefined}
      onChange={(event) => setValues({ ...values, [name]: event.target.value })}
    />
  );
  return (
    <form
      className="space-y-3 p-4"
      aria-label="Register external instances"
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const found = fieldErrors(values);
        setErrors(found);
        if (Object.keys(found).length > 0) return;
        const result = await create.run(values);
        if (result?.ok) onCreated(result.data, result.cli);
      }}
    >
      <p className="text-sm text-muted">
        Creates an AWS Systems Manager activation for cluster <strong>{cluster}</strong>. Run the
        install command it gives on each Linux host; the host registers with SSM and joins the
        cluster.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field
          name="iamRole"
          label="IAM role name"
          hint="The role the instances use (SSM and ECS permissions, trusted by ssm.amazonaws.com)."
          error={errorOf('iamRole')}
        >
          {input('iamRole', { className: 'w-full' })}
        </Field>
        <Field
          name="instanceCount"
          label="Number of instances"
          hint="How many hosts may register with this activation (1–1000)."
          error={errorOf('instanceCount')}
        >
          {input('instanceCount', { type: 'number', className: 'w-32' })}
        </Field>
        <Field
          name="expiresInHours"
          label="Activation expires after (hours)"
          hint="1 hour to 30 days (720 hours)."
          error={errorOf('expiresInHours')}
        >
          {input('expiresInHours', { type: 'number', className: 'w-32' })}
        </Field>
        <Field
          name="defaultInstanceName"
          label="Default instance name (optional)"
          error={errorOf('defaultInstanceName')}
        >
          {input('defaultInstanceName', { className: 'w-full' })}
        </Field>
      </div>
      {create.lastError && !serverField ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.lastError.message}
        </p>
      ) : null}
      <button
        type="submit"
        className="btn btn-primary"
        disabled={create.pending}
        aria-busy={create.pending || undefined}
      >
        <ProgressLabel
          pending={create.pending}
          label="Create activation"
          pendingLabel="Creating…"
        />
      </button>
    </form>
  );
}

function useActivationStatus(cluster: string, created: RegisterInstancesData) {
  return useQuery({
    queryKey: [...queryKeys.cluster(cluster), 'activation', created.activationId],
    queryFn: async (): Promise<ActivationStatus> => {
      const result = await activationStatus({ activationId: created.activationId });
      if (!result.ok) throw new Error(withCode(result.error.message, result.error.code));
      return result.data;
    },
    initialData: created,
    // Stop once every registration is used or the activation has expired: nothing more can change.
    refetchInterval: (query) => {
      const status = query.state.data;
      return status && (status.expired || status.registrationsCount >= status.registrationLimit)
        ? false
        : pollInterval();
    },
  });
}

function CommandBlock({
  label,
  command,
  testId,
}: {
  label: string;
  command: string;
  testId: string;
}) {
  return (
    <div>
      <div className="mb-1 flex items-center justify-between gap-2">
        <span className="text-xs font-medium text-muted">{label}</span>
        <CopyButton text={command} label="Copy command" />
      </div>
      <pre
        data-testid={testId}
        className="overflow-auto rounded bg-zinc-900 p-2 text-xs break-all whitespace-pre-wrap text-zinc-100"
      >
        {command}
      </pre>
    </div>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="label">{term}</dt>
      <dd className="mt-0.5 flex flex-wrap items-center gap-2 text-sm">{children}</dd>
    </div>
  );
}

function ActivationResult({
  cluster,
  created,
  cli,
}: {
  cluster: string;
  created: RegisterInstancesData;
  cli: string;
}) {
  const query = useActivationStatus(cluster, created);
  const status = query.data;
  return (
    <div className="space-y-4 p-4" data-testid="activation-result">
      <dl className="grid gap-3 sm:grid-cols-2">
        <Detail term="Activation ID">
          <code data-testid="activation-id" className="font-mono text-xs">
            {created.activationId}
          </code>
          <CopyButton text={created.activationId} label="Copy ID" />
        </Detail>
        <Detail term="Activation code">
          <code data-testid="activation-code" className="font-mono text-xs">
            {created.activationCode}
          </code>
          <CopyButton text={created.activationCode} label="Copy code" />
          <span className="w-full text-xs text-muted">
            Copy it now: the console does not keep it, and SSM never shows it again.
          </span>
        </Detail>
        <Detail term="Expires">
          <span data-testid="activation-expiry">
            {status.expired ? 'expired ' : null}
            <TimeAgo iso={status.expirationDate} />
          </span>
        </Detail>
        <Detail term="Registrations">
          <span data-testid="activation-registrations" className="tabular-nums">
            {status.registrationsCount} / {status.registrationLimit} used
          </span>
          {query.isError ? (
            <span role="alert" className="text-xs text-red-700 dark:text-red-400">
              Could not refresh: {query.error.message}
            </span>
          ) : null}
        </Detail>
      </dl>
      <CommandBlock
        label={`Install command for Linux (run as root on each host; role ${created.iamRole}, region ${created.region}, cluster ${created.cluster})`}
        command={created.installCommand}
        testId="install-command"
      />
      <details className="text-sm">
        <summary className="cursor-pointer text-xs font-medium text-muted">
          Verify the script&apos;s checksum first
        </summary>
        <div className="mt-2">
          <CommandBlock
            label="Install command with SHA-256 check"
            command={created.verifiedInstallCommand}
            testId="verified-install-command"
          />
        </div>
      </details>
      {created.labCommand ? (
        <CommandBlock
          label="In the lab: add an instance with this activation (run from the console's folder)"
          command={created.labCommand}
          testId="lab-command"
        />
      ) : null}
      <CliBlock cli={cli} />
      <p className="text-sm text-muted">
        New instances appear in the table below as soon as they register.
      </p>
    </div>
  );
}

export function RegisterInstances({ cluster }: { cluster: string }) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ data: RegisterInstancesData; cli: string } | null>(null);
  if (!open) {
    return (
      <div className="flex justify-end">
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          Register instances
        </button>
      </div>
    );
  }
  return (
    <section className="card" aria-labelledby="register-instances-title">
      <div className="card-title flex items-center justify-between gap-2">
        <h2 id="register-instances-title">Register external instances</h2>
        <div className="flex gap-2">
          {created ? (
            <button type="button" className="btn btn-sm" onClick={() => setCreated(null)}>
              New activation
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              setOpen(false);
              setCreated(null);
            }}
          >
            Close
          </button>
        </div>
      </div>
      {created ? (
        <ActivationResult cluster={cluster} created={created.data} cli={created.cli} />
      ) : (
        <RegisterForm cluster={cluster} onCreated={(data, cli) => setCreated({ data, cli })} />
      )}
    </section>
  );
}
