// Top-level screens; interview, kiosk and supervisor code load on demand so each route stays small.
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskLock } from './kiosk/kiosk-lock';
import { match, usePath } from './router';
import { StoreErrorBanner } from './shell/StoreErrorBanner';

// Home, settings and the status bar (with its sync code) are lazy too: the kiosk route must not carry them (its JS
// budget is 150 KB gzip). main.tsx loads the status bar before the first render on other routes, so it never pops in.
const StatusBar = lazy(() => import('./shell/StatusBar').then((m) => ({ default: m.StatusBar })));
const Home = lazy(() => import('./home/Home').then((m) => ({ default: m.Home })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const InterviewScreen = lazy(() => import('./interview/InterviewScreen'));
const KioskScreen = lazy(() => import('./kiosk/KioskScreen'));
const SupervisorApp = lazy(() => import('./supervisor/SupervisorApp'));
const AttentionScreen = lazy(() => import('./sync/AttentionScreen'));

function Screen({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if ((params = match('/interview/:id', path))) return <InterviewScreen draftId={params.id} />;
  if (match('/kiosk', path)) return <KioskScreen />;
  if (match('/supervisor/*', path) || path === '/supervisor') return <SupervisorApp />;
  if (match('/attention', path)) return <AttentionScreen />;
  if (match('/settings', path)) return <SettingsScreen />;
  return <Home />;
}

/** Calls `onShown` once its children have been committed (a lazy screen inside a Suspense boundary has loaded). */
function Shown({ onShown, children }: { onShown?: () => void; children: ReactNode }) {
  useEffect(() => onShown?.(), [onShown]);
  return children;
}

export function App({ onFirstScreen }: { onFirstScreen?: () => void } = {}) {
  const { t } = useTranslation();
  const path = usePath();
  useKioskLock(path);
  const kiosk = path.startsWith('/kiosk');
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);
  return (
    <div className={kiosk ? 'app app-kiosk' : 'app'}>
      {!kiosk && (
        <Suspense fallback={null}>
          <StatusBar />
        </Suspense>
      )}
      <StoreErrorBanner />
      <Suspense fallback={<p className="page muted">{t('app.loading')}</p>}>
        <Shown onShown={onFirstScreen}>
          <Screen path={path} />
        </Shown>
      </Suspense>
    </div>
  );
}
