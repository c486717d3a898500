// Entry point: i18n first (so the first paint is in the right language), ask for persistent storage, render.
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { UpdateProvider } from './shell/update-context';
import { requestPersistence } from './store/storage';

// The answer is not stored: the storage card asks the browser afresh, so a grant revoked later shows as it is.
void requestPersistence();

// Sync is not needed to draw the first screen: its code and its first requests wait until that screen is up,
// so on a slow link they do not compete with the screen's own chunks.
let syncStarted = false;
function startSyncOnce(): void {
  if (syncStarted) return;
  syncStarted = true;
  void import('./sync/start').then((m) => m.startSync());
}
// Should the first screen never come up (a chunk that failed to load), responses still go out.
setTimeout(startSyncOnce, 10_000);

// A transition renders in slices that yield to the browser, so a slow tablet never freezes on the first render.
startTransition(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <UpdateProvider>
        <App onFirstScreen={startSyncOnce} />
      </UpdateProvider>
    </StrictMode>,
  );
});
