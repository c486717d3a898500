// While the kiosk runs nobody leaves by accident: back is caught, unload asks first, the screen stays on and full.
import { useEffect } from 'react';

let unloadAllowed = false;

/** Lets the next unload through without the guard's prompt (an update applied on the attract screen). */
export function allowUnload(): void {
  unloadAllowed = true;
}

const GUARD = 'kiosk-guard';

function requestFullscreen(): void {
  const el = document.documentElement;
  if (document.fullscreenElement || !document.fullscreenEnabled || !el.requestFullscreen) return;
  el.requestFullscreen({ navigationUI: 'hide' }).catch(() => {
    // Refused (no gesture, or the browser's policy): the kiosk works in a window too.
  });
}

export function useKioskGuards(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    unloadAllowed = false;
    // One entry of our own on top, so "back" lands on it and is undone, never leaving the page.
    // Only when it is not there already: a reload or a remount adds nothing to history.
    if ((history.state as { kiosk?: string } | null)?.kiosk !== GUARD) history.pushState({ kiosk: GUARD }, '', '/kiosk');
    const onPopState = () => {
      if ((history.state as { kiosk?: string } | null)?.kiosk !== GUARD) history.pushState({ kiosk: GUARD }, '', '/kiosk');
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unloadAllowed) return;
      e.preventDefault();
      e.returnValue = '';
    };

    let wakeLock: WakeLockSentinel | null = null;
    let stopped = false;
    const takeWakeLock = () => {
      if (stopped || document.visibilityState !== 'visible' || !navigator.wakeLock) return;
      navigator.wakeLock.request('screen').then(
        (s) => {
          if (stopped) void s.release();
          else wakeLock = s;
        },
        () => {
          // No wake lock (battery saver, unsupported): the tablet's own sleep setting applies.
        },
      );
    };
    // The browser drops the wake lock whenever the page is hidden; take it again on return.
    const onVisibility = () => {
      if (document.visibilityState === 'visible') takeWakeLock();
    };

    // A new app version taking over reloads the page (update-context waits for a safe moment): let that through.
    // Only a change from one worker to another: the very first install also claims the page, and is no update.
    const sw = navigator.serviceWorker;
    let controlled = Boolean(sw?.controller);
    const onControllerChange = () => {
      if (controlled) unloadAllowed = true;
      controlled = Boolean(sw?.controller);
    };

    sw?.addEventListener('controllerchange', onControllerChange);
    window.addEventListener('popstate', onPopState, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    document.addEventListener('pointerdown', requestFullscreen, true);
    takeWakeLock();
    return () => {
      stopped = true;
      sw?.removeEventListener('controllerchange', onControllerChange);
      window.removeEventListener('popstate', onPopState, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('pointerdown', requestFullscreen, true);
      void wakeLock?.release().catch(() => {});
    };
  }, [active]);
}

/** Leaving the kiosk: give the screen back. */
export function exitFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
}

export { requestFullscreen };
