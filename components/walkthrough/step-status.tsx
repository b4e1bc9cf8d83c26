// A step's state as icon plus words (never colour alone): done, to do, waiting for ECS, or blocked.
import type { StepState } from '@/lib/walkthrough/steps';

const looks = {
  done: {
    icon: '✓',
    text: 'Done',
    className: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300',
  },
  current: {
    icon: '▶',
    text: 'Your turn',
    className: 'bg-blue-100 text-blue-800 dark:bg-blue-950 dark:text-blue-300',
  },
  waiting: {
    icon: '◐',
    text: 'Waiting for the cluster',
    className: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
  },
  blocked: {
    icon: '○',
    text: 'Blocked',
    className: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  },
} as const;

export function stepLook(step: StepState) {
  if (step.status === 'current' && step.check.waiting) return looks.waiting;
  return looks[step.status];
}

export function StepStatus({ step }: { step: StepState }) {
  const look = stepLook(step);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}
      data-testid="step-status"
    >
      <span
        aria-hidden
        className={look === looks.waiting ? 'inline-block animate-spin' : undefined}
      >
        {look.icon}
      </span>
      {look.text}
    </span>
  );
}
