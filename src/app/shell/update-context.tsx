// Service-worker updates: noticed any time, applied only where it is safe (home, kiosk attract screen).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

interface UpdateState {
  available: boolean;
  apply: () => void;
}

const UpdateContext = createContext<UpdateState>({ available: false, apply: () => {} });

const CHECK_EVERY_MS = 15 * 60_000;

// Screens where a reload would lose someone's place (an interview, a kiosk rating) hold this count up.
// A new worker can take control from another tab; the reload it asks for then waits until no screen holds it.
let busy = 0;
let reloadPending = false;

function reloadWhenSafe(): void {
  if (busy > 0) reloadPending = true;
  else window.location.reload();
}

/** Marks the calling screen as one that must never be reloaded under the person using it. */
export function useNoReloadWhileMounted(): void {
  useEffect(() => {
    busy++;
    return () => {
      busy--;
      if (busy === 0 && reloadPending) window.location.reload();
    };
  }, []);
}

// The page reloads when a new worker takes control of it, whoever applied the update: this tab from home, or
// another tab. Not on the very first install (clientsClaim), when the page already runs the build it asked for.
// workbox-window's own "controlling" event misses the update on a page first loaded without a worker, so it is
// not used (onNeedReload below does nothing).
let controlled = Boolean(navigator.serviceWorker?.controller);
let applyRequested = false;
navigator.serviceWorker?.addEventListener('controllerchange', () => {
  if (controlled || applyRequested) reloadWhenSafe();
  controlled = true;
});

// The worker (and the precache it downloads) waits for the first screen: workbox-window's chunk and the worker's
// script would otherwise share a slow link with the chunks that screen needs. boot.tsx says when.
let registerRequested = false;
let startRegistering: (() => void) | undefined;
/** Registers the service worker now, or as soon as the UpdateProvider is mounted. */
export function registerServiceWorker(): void {
  registerRequested = true;
  startRegistering?.();
}

/** useRegisterSW registers on its first render: this component is rendered only once registering is due. */
function Registrar({ onAvailable, onUpdater }: { onAvailable: (a: boolean) => void; onUpdater: (u: (reload?: boolean) => Promise<void>) => void }) {
  const {
    needRefresh: [available],
    updateServiceWorker,
  } = useRegisterSW({
    onNeedReload: () => {},
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Tablets stay open for days: look for a new build now and then, and when the tablet wakes.
      setInterval(() => void registration.update().catch(() => {}), CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => {});
      });
    },
  });
  useEffect(() => onUpdater(updateServiceWorker), [onUpdater, updateServiceWorker]);
  useEffect(() => onAvailable(available), [onAvailable, available]);
  return null;
}

export function UpdateProvider({ children }: { children: ReactNode }) {
  const [registering, setRegistering] = useState(registerRequested);
  const [available, setAvailable] = useState(false);
  const updater = useRef<((reload?: boolean) => Promise<void>) | undefined>(undefined);
  const onUpdater = useCallback((u: (reload?: boolean) => Promise<void>) => {
    updater.current = u;
  }, []);
  useEffect(() => {
    startRegistering = () => setRegistering(true);
    if (registerRequested) setRegistering(true);
    return () => {
      startRegistering = undefined;
    };
  }, []);
  useEffect(() => {
    document.documentElement.dataset.updateAvailable = String(available);
  }, [available]);
  const apply = () => {
    applyRequested = true;
    void updater.current?.(true);
  };
  return (
    <UpdateContext.Provider value={{ available, apply }}>
      {registering && <Registrar onAvailable={setAvailable} onUpdater={onUpdater} />}
      {children}
    </UpdateContext.Provider>
  );
}

export function useUpdate(): UpdateState {
  return useContext(UpdateContext);
}
