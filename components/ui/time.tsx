'use client';
// Relative times ("3 min ago") with the absolute local time on hover, all kept current by one shared clock.
import { useSyncExternalStore } from 'react';
import { absolute, machineTime, relative } from '@/lib/format/time';
import { useHydrated } from '@/components/ui/use-hydrated';

// One ticking clock for the whole tab, running only while something shows a time.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  now = Date.now();
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    timer = setInterval(tick, 1_000);
    // The clock stood still while nothing showed a time: catch up at once, not at the first tick.
    queueMicrotask(tick);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// On the server `now` is when the module loaded; a render there needs the time of the request.
const serverNow = () =>
  typeof window === 'undefined' ? Math.floor(Date.now() / 1000) * 1000 : now;

/** Milliseconds since the epoch, re-rendering the caller every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, serverNow);
}

export function TimeAgo({ iso }: { iso: string | number | null }) {
  const current = useNow();
  // The server knows neither the viewer's zone nor their clock: its title is ISO until the browser takes over.
  const hydrated = useHydrated();
  const title = hydrated ? absolute(iso) : (machineTime(iso) ?? '');
  return (
    <time dateTime={machineTime(iso)} title={title || undefined} suppressHydrationWarning>
      {relative(iso, current)}
    </time>
  );
}
