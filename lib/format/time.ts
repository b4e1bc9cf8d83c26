// Human times for an ops view: "4 s ago", "3 min ago", and a short local timestamp.
export function ago(iso: string | null | number, now = Date.now()): string {
  if (iso === null) return '—';
  const then = typeof iso === 'number' ? iso : Date.parse(iso);
  if (!Number.isFinite(then) || then === 0) return '—';
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} d ago`;
}

export function timestamp(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}
