// The three states every view has besides data: loading skeleton, empty (what next) and error (with retry).
import type { ReactNode } from 'react';

export function Skeleton({ rows = 4, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 p-4" data-testid="skeleton">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-5 animate-pulse rounded bg-surface-2" />
      ))}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="p-6 text-center" data-testid="empty-state">
      <p className="text-sm font-medium">{title}</p>
      {children ? <div className="mt-1 text-sm text-muted">{children}</div> : null}
    </div>
  );
}

export function ErrorState({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  onRetry?: () => void;
}) {
  const name =
    error &&
    typeof error === 'object' &&
    'errorName' in error &&
    typeof error.errorName === 'string'
      ? error.errorName
      : null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div
      role="alert"
      className="m-4 rounded-md border border-red-300 bg-red-50 p-4 text-sm dark:border-red-800 dark:bg-red-950"
    >
      <p className="font-semibold text-red-800 dark:text-red-300">
        <span aria-hidden>⚠ </span>
        {title}
      </p>
      <p className="mt-1">
        {message}
        {name && !message.includes(`(${name})`) ? (
          <span className="ml-1 font-mono text-xs">({name})</span>
        ) : null}
      </p>
      {onRetry ? (
        <button type="button" className="btn btn-sm mt-2" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
