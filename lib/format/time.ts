// Human times for an ops view: "4 s ago", "in 23 h", and the absolute local time (with zone) behind them.
// Agents' and browsers' clocks disagree by a little; a time just ahead of "now" is still "0 s ago".
const FUTURE_SLACK_SECONDS = 5;

function toMillis(time: string | number | null): number | null {
  if (time === null) return null;
  const then = typeof time === 'number' ? time : Date.parse(time);
  return Number.isFinite(then) && then !== 0 ? then : null;
}

function amount(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} d`;
}

/** "3 min ago" for the past, "in 23 h" for the future, "—" for unknown or never. */
export function relative(time: string | number | null, now = Date.now()): string {
  const then = toMillis(time);
  if (then === null) return '—';
  const seconds = Math.round((now - then) / 1000);
  if (seconds < -FUTURE_SLACK_SECONDS) return `in ${amount(-seconds)}`;
  return `${amount(Math.max(0, seconds))} ago`;
}

/** "Nov 27, 2026, 5:22:53 AM UTC": the absolute time in the viewer's zone, for hover titles. */
export function absolute(time: string | number | null, timeZone?: string): string {
  const then = toMillis(time);
  if (then === null) return '';
  return new Date(then).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** ISO 8601 for a <time dateTime>, or undefined when the time is unknown. */
export function machineTime(time: string | number | null): string | undefined {
  const then = toMillis(time);
  return then === null ? undefined : new Date(then).toISOString();
}
