'use client';
// The run's parameters: target (Host header or path, defaulting to the routers' rules), rate, duration, concurrency.
import { useState, useSyncExternalStore } from 'react';
import {
  fieldErrors,
  TRAFFIC_DEFAULTS,
  TRAFFIC_LIMITS,
  trafficRunInput,
  type TrafficRoute,
  type TrafficRunInput,
} from '@/lib/schemas/traffic';
import { ProgressLabel } from '@/components/actions/progress-label';

type Kind = 'host' | 'path';

const noSubscription = () => () => {};

const numberFields = [
  { id: 'rate', label: 'Rate (req/s)', max: TRAFFIC_LIMITS.maxRate, suffix: '' },
  {
    id: 'durationSeconds',
    label: 'Duration (s)',
    max: TRAFFIC_LIMITS.maxDurationSeconds,
    suffix: '',
  },
  {
    id: 'concurrency',
    label: 'Concurrency',
    max: TRAFFIC_LIMITS.maxConcurrency,
    suffix: ' in flight',
  },
] as const;
type NumberFieldId = (typeof numberFields)[number]['id'];

function NumberField({
  id,
  label,
  hint,
  value,
  onChange,
  max,
  error,
}: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onChange: (v: string) => void;
  max: number;
  error: string | undefined;
}) {
  return (
    <div>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type="number"
        inputMode="numeric"
        className="input mt-1 w-full tabular-nums"
        min={1}
        max={max}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted">
        {hint}
      </p>
      {error ? (
        <p
          id={`${id}-error`}
          role="alert"
          className="mt-0.5 text-xs text-red-700 dark:text-red-400"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function RunForm({
  routes,
  running,
  busy,
  serverErrors,
  onStart,
  onStop,
  onTargetService,
}: {
  routes: TrafficRoute[];
  running: boolean;
  busy: boolean;
  serverErrors: Record<string, string>;
  onStart: (input: TrafficRunInput) => void;
  onStop: () => void;
  onTargetService: (service: string | null) => void;
}) {
  const firstOf = (kind: Kind) => routes.find((r) => r.target.kind === kind);
  const [kind, setKind] = useState<Kind>(firstOf('host') || !firstOf('path') ? 'host' : 'path');
  const defaultValue = (k: Kind) => {
    const target = firstOf(k)?.target;
    if (target?.kind === 'host') return target.host;
    if (target?.kind === 'path') return target.path;
    return k === 'path' ? '/' : '';
  };
  const [host, setHost] = useState(defaultValue('host'));
  const [path, setPath] = useState(defaultValue('path'));
  const [numbers, setNumbers] = useState<Record<NumberFieldId, string>>({
    rate: String(TRAFFIC_DEFAULTS.rate),
    durationSeconds: String(TRAFFIC_DEFAULTS.durationSeconds),
    concurrency: String(TRAFFIC_DEFAULTS.concurrency),
  });
  // Until React has hydrated, a click would submit the form natively: keep Start disabled until then.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const errors = { ...serverErrors, ...localErrors };
  const value = kind === 'host' ? host : path;
  const route = routes.find((r) =>
    r.target.kind === 'host'
      ? kind === 'host' && r.target.host === host
      : kind === 'path' && r.target.path === path,
  );

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = {
      target: kind === 'host' ? { kind, host } : { kind, path },
      ...numbers,
    };
    const parsed = trafficRunInput.safeParse(input);
    if (!parsed.success) {
      setLocalErrors(fieldErrors(parsed.error));
      return;
    }
    setLocalErrors({});
    onStart(parsed.data);
  }

  const targetError = errors[`target.${kind}`] ?? errors.target;
  return (
    <form onSubmit={submit} noValidate aria-label="Traffic run" className="space-y-3 p-4">
      <fieldset disabled={running || busy}>
        <legend className="label">Target (through Traefik’s entrypoint)</legend>
        <div className="mt-1 flex gap-4 text-sm" role="radiogroup">
          {(['host', 'path'] as const).map((k) => (
            <label key={k} className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name="target-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  onTargetService(firstOf(k)?.service ?? null);
                }}
              />
              {k === 'host' ? 'Host header' : 'Path'}
            </label>
          ))}
        </div>
        <label htmlFor="traffic-target" className="sr-only">
          {kind === 'host' ? 'Host header' : 'Path'}
        </label>
        <input
          id="traffic-target"
          className="input mt-1.5 w-full font-mono"
          value={value}
          placeholder={kind === 'host' ? 'whoami.example.com' : '/path'}
          aria-invalid={targetError ? true : undefined}
          aria-describedby="traffic-target-hint"
          onChange={(e) => (kind === 'host' ? setHost(e.target.value) : setPath(e.target.value))}
        />
        <p id="traffic-target-hint" className="mt-0.5 text-xs text-muted">
          {route
            ? `Router ${route.router}: ${route.rule}${route.service ? ` → service ${route.service}` : ''}`
            : kind === 'host'
              ? 'Sent as the Host header; only a DNS name, never an address.'
              : 'A path on the entrypoint, starting with /.'}
        </p>
        {targetError ? (
          <p role="alert" className="mt-0.5 text-xs text-red-700 dark:text-red-400">
            {targetError}
          </p>
        ) : null}
      </fieldset>
      <fieldset disabled={running || busy} className="grid grid-cols-3 gap-3">
        {numberFields.map(({ id, label, max, suffix }) => (
          <NumberField
            key={id}
            id={id}
            label={label}
            hint={`1–${max}${suffix}`}
            value={numbers[id]}
            onChange={(value) => setNumbers((n) => ({ ...n, [id]: value }))}
            max={max}
            error={errors[id]}
          />
        ))}
      </fieldset>
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={!hydrated || running || busy}>
          <ProgressLabel pending={busy && !running} label="Start run" pendingLabel="Starting…" />
        </button>
        <button type="button" className="btn btn-danger" disabled={!running} onClick={onStop}>
          Stop
        </button>
      </div>
    </form>
  );
}
