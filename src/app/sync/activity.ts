// What the uploader is doing right now in this tab (sending, waiting to retry), for the status bar.
import { useSyncExternalStore } from 'react';

export interface SyncActivity {
  sending: boolean;
  /** When the next automatic attempt is due after a failure (ms since epoch), or null. */
  retryAt: number | null;
}

let current: SyncActivity = { sending: false, retryAt: null };
const listeners = new Set<() => void>();

export function setActivity(next: Partial<SyncActivity>): void {
  current = { ...current, ...next };
  listeners.forEach((l) => l());
}

export function useSyncActivity(): SyncActivity {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
  );
}
