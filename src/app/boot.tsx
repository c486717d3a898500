// The app's start, once the HTML has painted (main.tsx): loads it in a few short steps (words, then storage, then
// screens), then renders it.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { UpdateProvider } from './shell/update-context';
import { requestPersistence } from './store/storage';

// A module graph runs in one task however large it is: on a cheap tablet the whole app at once froze the page for
// a second. Each step below is a graph of its own, with a yield before it. The server sends all of their chunks
// with the page (Link preload headers, see vite.config.ts), so the steps wait for no network.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Sync and the storage request are not needed to draw the first screen: they wait until it is up and the tablet
// is idle, so on a slow link and a slow CPU they do not compete with the screen's own chunks and rendering.
let started = false;
function afterFirstScreen(): void {
  if (started) return;
  started = true;
  const start = () => {
    // The answer is not stored: the storage card asks the browser afresh, so a grant revoked later shows as it is.
    void requestPersistence();
    void import('./sync/start').then((m) => m.startSync());
  };
  if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 0);
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
setTimeout(afterFirstScreen, 10_000);
