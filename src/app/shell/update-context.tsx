// Service-worker updates: noticed any time, applied only where it is safe (home, kiosk attract screen).
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

interface UpdateState {
  available: boolean;
  apply: () => void;
}

const UpdateContext = createContext<UpdateState>({ available: false, apply: () => {} });

const CHECK_EVERY_MS = 15 * 60_000;

export function UpdateProvider({ children }: { children: ReactNode }) {
  const {
    needRefresh: [available],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      // Tablets stay open for days: look for a new build now and then, and when the tablet wakes.
      setInterval(() => void registration.update().catch(() => {}), CHECK_EVERY_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') void registration.update().catch(() => {});
      });
    },
  });
  useEffect(() => {
    document.documentElement.dataset.updateAvailable = String(available);
  }, [available]);
  return <UpdateContext.Provider value={{ available, apply: () => void updateServiceWorker(true) }}>{children}</UpdateContext.Provider>;
}

export function useUpdate(): UpdateState {
  return useContext(UpdateContext);
}
