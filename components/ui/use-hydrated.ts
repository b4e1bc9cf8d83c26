'use client';
// False on the server and during hydration, true after: for UI that only the browser can know (a fetch in flight).
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
