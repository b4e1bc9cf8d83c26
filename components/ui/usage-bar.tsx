// A used-of-registered bar (CPU units or MiB), with the numbers as text so it never relies on colour.
export function UsageBar({ label, used, total }: { label: string; used: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  const high = percent > 85;
  return (
    <div className="min-w-28" title={`${label}: ${used} of ${total} used`}>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={used}
        className="h-1.5 w-full rounded bg-surface-2 ring-1 ring-line-strong ring-inset"
      >
        <div
          className={`h-1.5 rounded ${high ? 'bg-amber-500' : 'bg-blue-600'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <span className="text-xs text-muted tabular-nums">
        {used} / {total}
        {high ? <span className="ml-1 font-medium">⚠ {percent}% used</span> : null}
      </span>
    </div>
  );
}
