// When the first screen is up: committed, and with its content when it reads that first (the interview its draft).
// What waits for it (sync, the service worker, boot.tsx) would otherwise share a slow link and CPU with that read.
import { createContext, useCallback, useContext, useEffect, useRef, type ReactNode } from 'react';

const Pending = createContext<(key: object, pending: boolean) => void>(() => {});

/** Calls `onShown` once its children are committed and none of them still loads what it shows first. */
export function FirstScreen({ onShown, children }: { onShown?: () => void; children: ReactNode }) {
  const pending = useRef(new Set<object>());
  const shown = useRef(false);
  const report = useCallback(() => {
    if (shown.current || pending.current.size > 0) return;
    shown.current = true;
    onShown?.();
  }, [onShown]);
  const mark = useCallback(
    (key: object, isPending: boolean) => {
      if (isPending) pending.current.add(key);
      else pending.current.delete(key);
      report();
    },
    [report],
  );
  // A child's effects run before this one: a screen that is still loading has said so by now.
  useEffect(() => report(), [report]);
  return <Pending.Provider value={mark}>{children}</Pending.Provider>;
}

/** A screen that reads its content after it is committed holds the first screen back while `pending`. */
export function useFirstScreenPending(pending: boolean): void {
  const mark = useContext(Pending);
  const key = useRef({}).current;
  useEffect(() => mark(key, pending), [mark, key, pending]);
  useEffect(() => () => mark(key, false), [mark, key]);
}
