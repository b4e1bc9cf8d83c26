'use client';
// What an action button says: its label, or while running a spinner, what it is doing and, after a second, for how long.
import { useState } from 'react';
import { useNow } from '@/components/ui/time';

function Running({ pendingLabel }: { pendingLabel: string }) {
  const now = useNow();
  const [startedAt] = useState(() => Date.now());
  const seconds = Math.floor((now - startedAt) / 1000);
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="action-progress">
      <span
        aria-hidden
        className="inline-block h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-current border-t-transparent"
      />
      {pendingLabel}
      {seconds >= 1 ? <span className="tabular-nums opacity-80">{seconds} s</span> : null}
    </span>
  );
}

export function ProgressLabel({
  pending,
  label,
  pendingLabel,
}: {
  pending: boolean;
  label: string;
  /** A present participle: "Scaling…". */
  pendingLabel: string;
}) {
  return pending ? <Running pendingLabel={pendingLabel} /> : <>{label}</>;
}
