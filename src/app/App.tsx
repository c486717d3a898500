// Top-level screens; interview, kiosk and supervisor code load on demand so each route stays small.
import { lazy, Suspense, useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskLock } from './kiosk/kiosk-lock';
import { dropPrerenderedCard } from './kiosk/prerendered';
import { match, usePath } from './router';
import { DeskBar } from './shell/DeskBar';
import { FirstScreen } from './shell/first-screen';
import { StoreErrorBanner } from './shell/StoreErrorBanner';

// Home and settings are lazy too: the kiosk route must not carry them (its JS budget is 150 KB gzip).
const Home = lazy(() => import('./home/Home').then((m) => ({ default: m.Home })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const InterviewScreen = lazy(() => import('./interview/InterviewScreen'));
const KioskScreen = lazy(() => import('./kiosk/KioskScreen'));
const SupervisorApp = lazy(() => import('./supervisor/SupervisorApp'));
const AdminApp = lazy(() => import('./admin/AdminApp'));
const AttentionScreen = lazy(() => import('./sync/AttentionScreen'));

// The status bar (with its sync code) is lazy too, for the same reason as home and settings.
let LoadedStatusBar: (typeof import('./shell/StatusBar'))['StatusBar'] | undefined;
/** main.tsx awaits this before the first render on the tablet's routes, so the bar is in the first frame. */
export function loadStatusBar(): Promise<void> {
  return import('./shell/StatusBar').then(({ StatusBar }) => {
    LoadedStatusBar = StatusBar;
  });
}
const LazyStatusBar = lazy(() => loadStatusBar().then(() => ({ default: LoadedStatusBar! })));

/** Drawn at once when already loaded: even a resolved lazy() waits a tick, and the page below it would jump down. */
function Bar() {
  if (LoadedStatusBar) return <LoadedStatusBar />;
  return (
    <Suspense fallback={null}>
      <LazyStatusBar />
    </Suspense>
  );
}

/** Supervisor and console screens: used at a desk, not on the tablet, so no outbox or sync status on top. */
export function isDeskPath(path: string): boolean {
  return /^\/(supervisor|admin)(\/|$)/.test(path);
}

function Screen({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if ((params = match('/interview/:id', path))) return <InterviewScreen draftId={params.id} />;
  if (match('/kiosk', path)) return <KioskScreen />;
  if (match('/supervisor/*', path) || path === '/supervisor') return <SupervisorApp />;
  if (match('/admin/*', path) || path === '/admin') return <AdminApp />;
  if (match('/attention', path)) return <AttentionScreen />;
  if (match('/settings', path)) return <SettingsScreen />;
  return <Home />;
}

export function App({ onFirstScreen }: { onFirstScreen?: () => void } = {}) {
  const { t } = useTranslation();
  const path = usePath();
  useKioskLock(path);
  const kiosk = path.startsWith('/kiosk');
  const desk = isDeskPath(path);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [path]);
  // kiosk.html's static attract card belongs to /kiosk only (the kiosk's own screens remove it once drawn).
  useLayoutEffect(() => {
    if (!kiosk) dropPrerenderedCard();
  }, [kiosk]);
  return (
    <div className={kiosk ? 'app app-kiosk' : 'app'}>
      {desk ? <DeskBar /> : !kiosk && <Bar />}
      <StoreErrorBanner />
      <Suspense fallback={<p className="page muted">{t('app.loading')}</p>}>
        <FirstScreen onShown={onFirstScreen}>
          <Screen path={path} />
        </FirstScreen>
      </Suspense>
    </div>
  );
}
