// Entry point: loads the app in a few short steps (words, then storage, then screens), then renders it.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { UpdateProvider } from './shell/update-context';
import { requestPersistence } from './store/storage';

// A module graph runs in one task however large it is: on a cheap tablet the whole app at once froze the page for
// a second. Each step below is a graph of its own, with a yield before it. The server sends all of their chunks
// with the page (Link preload headers, see vite.config.ts), so the steps wait for no network.
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

// Sync is not needed to draw the first screen: its code and its first requests wait until that screen is up,
// so on a slow link they do not compete with the screen's own chunks.
let syncStarted = false;
function startSyncOnce(): void {
  if (syncStarted) return;
  syncStarted = true;
  void import('./sync/start').then((m) => m.startSync());
}

async function boot(): Promise<void> {
  // Words first, so the first screen is drawn in the right language.
  await import('./i18n');
  await nextTask();
  // The answer is not stored: the storage card asks the browser afresh, so a grant revoked later shows as it is.
  void requestPersistence();
  await import('./store/db');
  await nextTask();
  // Every screen but the kiosk has the status bar on top: loaded now, it is there in the first frame.
  const [{ App }] = await Promise.all([import('./App'), location.pathname.startsWith('/kiosk') ? null : import('./shell/StatusBar')]);
  await nextTask();
  // A transition renders in slices that yield to the browser.
  startTransition(() => {
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <UpdateProvider>
          <App onFirstScreen={startSyncOnce} />
        </UpdateProvider>
      </StrictMode>,
    );
  });
}

void boot();
// Should the first screen never come up (a chunk that failed to load), responses still go out.
setTimeout(startSyncOnce, 10_000);
