// Times rendered on both server and browser: clocks and time zones differ, so the browser's text wins quietly.
import { ago, timestamp } from '@/lib/format/time';

export function TimeAgo({ iso, now }: { iso: string | number | null; now?: number }) {
  return (
    <time dateTime={typeof iso === 'string' ? iso : undefined} suppressHydrationWarning>
      {ago(iso, now)}
    </time>
  );
}

export function LocalTime({ iso }: { iso: string | null }) {
  return (
    <time dateTime={iso ?? undefined} title={iso ?? undefined} suppressHydrationWarning>
      {timestamp(iso)}
    </time>
  );
}
