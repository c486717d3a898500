// Entry point: i18n first (so the first paint is in the right language), ask for persistent storage, start sync, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { UpdateProvider } from './shell/update-context';
import { requestPersistence } from './store/storage';
import { startSync } from './sync/start';

// The answer is not stored: the storage card asks the browser afresh, so a grant revoked later shows as it is.
void requestPersistence();
startSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UpdateProvider>
      <App />
    </UpdateProvider>
  </StrictMode>,
);
