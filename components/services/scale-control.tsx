'use client';
// Scales a service: a number with − / +, applied with one button; the counts above show it converge.
import { useState } from 'react';
import { scaleService } from '@/server/actions/scale-service';
import { useConsoleAction } from '@/components/actions/use-console-action';
import { ProgressLabel } from '@/components/actions/progress-label';

export function ScaleControl({
  cluster,
  service,
  desired,
}: {
  cluster: string;
  service: string;
  desired: number;
}) {
  const [count, setCount] = useState(String(desired));
  const scale = useConsoleAction(cluster, scaleService, {
    success: (data) => `Scaling ${service} to ${data.desiredCount}`,
    failure: `Could not scale ${service}`,
  });
  const value = Number(count);
  const valid = count.trim() !== '' && Number.isInteger(value) && value >= 0;
  const id = `scale-${service}`;
  return (
    <form
      className="flex items-end gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) void scale.run({ service, desiredCount: value });
      }}
    >
      <button
        type="button"
        className="btn btn-sm"
        aria-label={`Decrease ${service} desired count`}
        onClick={() => setCount(String(Math.max(0, (valid ? value : desired) - 1)))}
      >
        −
      </button>
      <label htmlFor={id} className="sr-only">
        Desired count of {service}
      </label>
      <input
        id={id}
        className="input w-16 py-1 text-center"
        type="number"
        min={0}
        max={1000}
        value={count}
        onChange={(e) => setCount(e.target.value)}
      />
      <button
        type="button"
        className="btn btn-sm"
        aria-label={`Increase ${service} desired count`}
        onClick={() => setCount(String((valid ? value : desired) + 1))}
      >
        +
      </button>
      <button
        type="submit"
        className="btn btn-sm btn-primary ml-1"
        disabled={!valid || scale.pending || value === desired}
        aria-busy={scale.pending || undefined}
      >
        <ProgressLabel pending={scale.pending} label="Scale" pendingLabel="Scaling…" />
      </button>
      {scale.lastError ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {scale.lastError.message}
        </span>
      ) : null}
    </form>
  );
}
