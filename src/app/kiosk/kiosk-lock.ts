// Kiosk mode as the whole app sees it: persisted per device, and while on, every path leads back to /kiosk.
import { useEffect, useSyncExternalStore } from 'react';
import { navigate } from '../router';
import { getSetting, setSetting } from '../store/settings';

let mode: boolean | undefined;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

void getSetting('kioskMode')
  .then((v) => {
    mode = v === true;
  })
  .catch(() => {
    mode = false;
  })
  .finally(notify);

/** Written to the store first, then to memory: the app never leaves the kiosk on a value that was not saved. */
export async function setKioskMode(on: boolean): Promise<void> {
  await setSetting('kioskMode', on);
  mode = on;
  notify();
}

/** undefined until the setting has been read. */
export function useKioskMode(): boolean | undefined {
  return useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => mode,
  );
}

/** A reload or a relaunch at "/" while kiosk mode is on goes straight back into the kiosk. */
export function useKioskLock(path: string): void {
  const on = useKioskMode();
  useEffect(() => {
    if (on && !path.startsWith('/kiosk')) navigate('/kiosk', { replace: true });
  }, [on, path]);
}
