// A used-of-registered bar (CPU units or MiB), with the numbers as text so it never relies on colour.
export function UsageBar({ label, used, total }: { label: string; used: number; total: number }) {
  const percent = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="min-w-28" title={`${label}: ${used} of ${total} used`}>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={used}
        className="h-1.5 w-full rounded bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className={`h-1.5 rounded ${percent > 85 ? 'bg-amber-500' : 'bg-blue-600'}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <span className="text-xs text-zinc-600 tabular-nums dark:text-zinc-400">
        {used} / {total}
      </span>
    </div>
  );
}
