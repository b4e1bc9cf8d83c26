'use client';
// One step of the vertical stepper: its number and state, why it matters, its form, the live check and the CLI.
import type { ReactNode } from 'react';
import type { StepState } from '@/lib/walkthrough/steps';
import { CliBlock } from '@/components/ui/cli-block';
import { LiveCheck } from '@/components/walkthrough/live-check';
import { StepStatus, stepLook } from '@/components/walkthrough/step-status';

export function StepCard({
  step,
  why,
  open,
  onToggle,
  cli,
  cliNote,
  last,
  children,
}: {
  step: StepState;
  why: ReactNode;
  open: boolean;
  onToggle: () => void;
  cli: string;
  /** Whether `cli` is what the last action ran or the template of what it would run. */
  cliNote: string;
  last: boolean;
  children: ReactNode;
}) {
  const look = stepLook(step);
  const bodyId = `step-${step.id}-body`;
  return (
    <li
      className="relative flex gap-4"
      data-testid={`walkthrough-step-${step.id}`}
      data-status={step.status}
      aria-current={step.status === 'current' ? 'step' : undefined}
    >
      <div className="flex flex-col items-center">
        <span
          aria-hidden
          className={`flex h-9 w-9 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${look.className} ${step.status === 'current' ? 'ring-2 ring-blue-600 ring-offset-2 dark:ring-offset-zinc-950' : ''}`}
        >
          {step.status === 'done' ? '✓' : step.index}
        </span>
        {last ? null : (
          <span aria-hidden className="mt-1 w-px flex-1 bg-zinc-300 dark:bg-zinc-700" />
        )}
      </div>
      <section
        className={`card mb-4 min-w-0 flex-1 ${step.status === 'current' ? 'shadow-md ring-1 ring-blue-600/30' : ''} ${step.status === 'blocked' ? 'border-dashed' : ''}`}
        aria-labelledby={`step-${step.id}-title`}
      >
        <button
          type="button"
          className="flex w-full flex-wrap items-center gap-x-3 gap-y-1 rounded-t-lg px-4 py-3 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800/50"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={onToggle}
        >
          <h2 id={`step-${step.id}-title`} className="text-base font-semibold">
            <span className="text-muted">Step {step.index} · </span>
            {step.title}
          </h2>
          <StepStatus step={step} />
          <span className="ml-auto text-xs text-muted" aria-hidden>
            {open ? 'Hide ▴' : 'Show ▾'}
          </span>
          <p className="w-full truncate text-sm text-muted">
            {step.status === 'blocked' && step.blockedBy
              ? `Blocked: finish step ${step.blockedBy.index} (${step.blockedBy.title}) first.`
              : step.check.summary}
          </p>
        </button>
        {open ? (
          <div id={bodyId} className="space-y-4 border-t border-zinc-200 p-4 dark:border-zinc-800">
            <div className="text-sm text-zinc-700 dark:text-zinc-300">{why}</div>
            {step.status === 'blocked' && step.blockedBy ? (
              <p className="rounded-md bg-zinc-100 p-2 text-sm dark:bg-zinc-800" role="note">
                <span aria-hidden>○ </span>
                This step waits for step {step.blockedBy.index} ({step.blockedBy.title}). You can
                look around, but do that one first.
              </p>
            ) : null}
            {children}
            <LiveCheck step={step} />
            <div>
              <p className="text-xs text-muted">{cliNote}</p>
              <CliBlock cli={cli} />
            </div>
          </div>
        ) : null}
      </section>
    </li>
  );
}
