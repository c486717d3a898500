// The app's start, once the HTML has painted (main.tsx): loads it in a few short steps (words, then storage, then
// screens), then renders it.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerServiceWorker, UpdateProvider } from './shell/update-context';
import { requestPersistence } from './store/storage';

// A module graph runs in one task however large it is: on a cheap tablet the whole app at once froze the page for
// a second. Each step below is a graph of its own, with a yield before it. All of their chunks are on the way
// already (the server's Link preload headers, or the entry's after the first paint: see vite.config.ts), so the
// steps wait for no network.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Sync, the storage request, the service worker and the manifest are not needed to draw the first screen: they wait
// until it is up and the tablet is idle, so on a slow link and a slow CPU they do not compete with the screen's own
// chunks and rendering.

/** The build takes the manifest's link out of the HTML (scripts/build-first-load.mjs): installing can wait. */
function linkManifest(): void {
  if (document.querySelector('link[rel="manifest"]')) return;
  const link = document.createElement('link');
  link.rel = 'manifest';
  link.href = '/manifest.webmanifest';
  document.head.append(link);
}

let started = false;
function startInBackground(): void {
  if (started) return;
  started = true;
  // The answer is not stored: the storage card asks the browser afresh, so a grant revoked later shows as it is.
  void requestPersistence();
  registerServiceWorker();
  linkManifest();
  void import('./sync/start').then((m) => m.startSync());
}

/** The first screen is committed with its content: that is drawn in the next frame, and on the glass by the one after. */
function afterFirstScreen(): void {
  const whenIdle = () => {
    if ('requestIdleCallback' in window) requestIdleCallback(startInBackground, { timeout: 2000 });
    else setTimeout(startInBackground, 0);
  };
  // A page in the background draws no frames.
  if (document.visibilityState === 'hidden') whenIdle();
  else requestAnimationFrame(() => requestAnimationFrame(whenIdle));
}

async function boot(): Promise<void> {
  // Words first, so the first screen is drawn in the right language.
  await import('./i18n');
  await nextTask();
  await import('./store/db');
  await nextTask();
  // The tablet's screens (not the kiosk, not the desk's) have the status bar on top: loaded now, it is there in the first frame.
  const { App, loadStatusBar, isDeskPath } = await import('./App');
  if (!location.pathname.startsWith('/kiosk') && !isDeskPath(location.pathname)) await loadStatusBar();
  await nextTask();
  // A transition renders in slices that yield to the browser.
  startTransition(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <UpdateProvider>
          <App onFirstScreen={afterFirstScreen} />
        </UpdateProvider>
      </StrictMode>,
    );
  });
}

void boot();
// Should the first screen never come up (a chunk that failed to load), responses still go out.
setTimeout(startInBackground, 10_000);
