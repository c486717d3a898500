// Entry point: i18n first (so the first paint is in the right language), ask for persistent storage, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles.css';
import { App } from './App';
import { UpdateProvider } from './shell/update-context';
import { requestPersistence } from './store/storage';
import { setSetting } from './store/settings';

void requestPersistence().then((granted) => {
  if (granted !== null) void setSetting('persisted', granted).catch(() => {});
});
void import('./sync/start').then((m) => m.startSync());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <UpdateProvider>
      <App />
    </UpdateProvider>
  </StrictMode>,
);
