// Polling cadence: fast while the tab is visible, slow while hidden (nobody is watching).
export const VISIBLE_POLL_MS = 2_000;
export const HIDDEN_POLL_MS = 30_000;

export function pollInterval(): number {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden'
    ? HIDDEN_POLL_MS
    : VISIBLE_POLL_MS;
}
