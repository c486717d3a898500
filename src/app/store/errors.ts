// Storage failures the person must see plainly: a full disk is not a bug to swallow.
import { useSyncExternalStore } from 'react';

export type StoreErrorKind = 'quota' | 'other';

function classifyStoreError(err: unknown): StoreErrorKind {
  const e = err as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError' ? 'quota' : 'other';
}

let current: StoreErrorKind | null = null;
const listeners = new Set<() => void>();

/** Records a failed write so the shell can show it; what was saved before is untouched by design. */
function reportStoreError(err: unknown): StoreErrorKind {
  current = classifyStoreError(err);
  listeners.forEach((l) => l());
  return current;
}

function clearStoreError(): void {
  current = null;
  listeners.forEach((l) => l());
}

export function useStoreError(): StoreErrorKind | null {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => current,
  );
}

/** Runs a write; on failure reports it and rethrows so the caller keeps the person on the same screen. */
export async function guardedWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    const r = await write();
    if (current) clearStoreError();
    return r;
  } catch (err) {
    reportStoreError(err);
    throw err;
  }
}
