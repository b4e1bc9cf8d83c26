// The live check of a step, read from ECS and Traefik: ✓ with what was found, or ✗ with what is wrong.
import type { StepState } from '@/lib/walkthrough/steps';

export function LiveCheck({ step }: { step: StepState }) {
  const { check } = step;
  const tone = check.ok
    ? 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40'
    : check.waiting
      ? 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40'
      : 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/40';
  return (
    <div
      className={`rounded-md border p-3 text-sm ${tone}`}
      data-testid="live-check"
      aria-live="polite"
    >
      <p className="text-xs font-medium tracking-wide text-muted uppercase">
        Live check (ECS and Traefik)
      </p>
      <p className="mt-1 font-medium">
        <span aria-hidden>{check.ok ? '✓ ' : check.waiting ? '◐ ' : '✗ '}</span>
        <span className="sr-only">
          {check.ok ? 'Passed: ' : check.waiting ? 'In progress: ' : 'Not yet: '}
        </span>
        {check.summary}
      </p>
      {check.problems.length > 0 ? (
        <ul className="mt-1 list-disc space-y-0.5 pl-5" data-testid="check-problems">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {check.facts.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-xs text-muted">
          {check.facts.map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
