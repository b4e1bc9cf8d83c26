// A service's events, newest first, each with its relative time.
import type { ServiceEvent } from '@/lib/schemas/snapshot';
import { TimeAgo } from '@/components/ui/time';

export function ServiceEvents({ events, limit }: { events: ServiceEvent[]; limit: number }) {
  return (
    <div>
      <p className="label">Events (newest first)</p>
      {events.length === 0 ? (
        <p className="text-xs text-muted">No events yet.</p>
      ) : (
        <ul className="max-h-96 overflow-auto text-xs" aria-label="Service events">
          {events.slice(0, limit).map((e) => (
            <li
              key={e.id}
              className="flex gap-2 border-t border-zinc-200 py-1 dark:border-zinc-800"
            >
              <span className="w-20 shrink-0 text-muted tabular-nums">
                <TimeAgo iso={e.createdAt} />
              </span>
              <span>{e.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
