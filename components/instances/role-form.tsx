'use client';
// Assigns a role (or any name=value attribute) to the selected instances, or removes an attribute from them.
import { useState } from 'react';
import { assignRole } from '@/server/actions/assign-role';
import { removeAttribute } from '@/server/actions/remove-attribute';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ProgressLabel } from '@/components/actions/progress-label';

const presets = ['loadbalancer', 'webserver'];

export function RoleForm({
  cluster,
  instanceArns,
  onDone,
}: {
  cluster: string;
  instanceArns: string[];
  onDone: () => void;
}) {
  const [name, setName] = useState('role');
  const [value, setValue] = useState('webserver');
  const count = instanceArns.length;
  const noun = `${count} instance${count === 1 ? '' : 's'}`;
  const assign = useConsoleAction(cluster, assignRole, {
    success: () => `Set ${name}=${value} on ${noun}`,
    failure: 'Could not set the attribute',
  });
  const remove = useConsoleAction(cluster, removeAttribute, {
    success: () => `Removed ${name} from ${noun}`,
    failure: 'Could not remove the attribute',
  });
  const disabled = count === 0 || assign.pending || remove.pending;
  const error = assign.lastError ?? remove.lastError;
  return (
    <form
      className="card flex flex-wrap items-end gap-3 p-3"
      aria-label="Assign a role"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await assign.run({ instanceArns, name, value });
        if (result?.ok) onDone();
      }}
    >
      <p className="w-full text-sm font-medium">
        {count === 0 ? 'Select instances to assign a role' : `${noun} selected`}
      </p>
      <label className="text-sm">
        <span className="label">Role preset</span>
        <select
          className="input"
          value={name === 'role' && presets.includes(value) ? value : 'custom'}
          onChange={(event) => {
            if (event.target.value !== 'custom') {
              setName('role');
              setValue(event.target.value);
            }
          }}
        >
          {presets.map((preset) => (
            <option key={preset} value={preset}>
              role={preset}
            </option>
          ))}
          <option value="custom">custom…</option>
        </select>
      </label>
      <label className="text-sm">
        <span className="label">Attribute name</span>
        <input className="input w-32" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="text-sm">
        <span className="label">Value</span>
        <input className="input w-36" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="btn btn-primary" disabled={disabled}>
        <ProgressLabel pending={assign.pending} label="Assign" pendingLabel="Assigning…" />
      </button>
      <button
        type="button"
        className="btn"
        disabled={disabled}
        onClick={async () => {
          const result = await remove.run({ instanceArns, name });
          if (result?.ok) onDone();
        }}
      >
        <ProgressLabel
          pending={remove.pending}
          label={`Remove attribute “${name}”`}
          pendingLabel="Removing…"
        />
      </button>
      {error ? (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
