// The /kiosk route: the PIN gate into kiosk mode, then the locked self-rating kiosk until the PIN lets staff out.
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { availableForms } from '../forms/forms';
import i18n, { loadShellNamespaces, savedLanguage } from '../i18n';
import { navigate } from '../router';
import { useSetting, type DeviceSetup } from '../store/settings';
import { exitFullscreen, requestFullscreen, useKioskGuards } from './kiosk-guards';
import { setKioskMode, useKioskMode } from './kiosk-lock';
import { KioskFlow } from './KioskFlow';
import { lastKioskPress, recoverOrphans, type KioskForm } from './kiosk-store';
import { dropPrerenderedCard } from './prerendered';
import './kiosk.css';

const PinPad = lazy(() => import('./PinPad').then((m) => ({ default: m.PinPad })));

function pickForm(forms: Awaited<ReturnType<typeof availableForms>>): KioskForm | null {
  const kiosk = forms.filter((f): f is KioskForm => f.kind === 'kiosk');
  return kiosk.find((f) => f.id === 'desk-rating') ?? kiosk[0] ?? null;
}

function KioskSession({ latestForm, device }: { latestForm: KioskForm; device: DeviceSetup }) {
  useKioskGuards(true);
  const minSetting = useSetting('kioskMinIntervalSeconds');
  // The form is fixed for one person's pass; a newer version fetched meanwhile applies from the next reset.
  const [form, setForm] = useState(latestForm);
  const latest = useRef(latestForm);
  latest.current = latestForm;
  const [session, setSession] = useState(0);
  const [ready, setReady] = useState(false);
  // The misuse interval counts from the press of the last completed rating, never from an idle reset.
  const lastPress = useRef(0);

  const firstForm = useRef(latestForm);

  useEffect(() => {
    void i18n.changeLanguage('vi');
    let live = true;
    // Once per kiosk start: a browser killed mid-rating left a draft; keep its rating, never show it to anyone.
    void recoverOrphans(firstForm.current)
      .catch(() => 0)
      .then(lastKioskPress)
      .then((t) => {
        lastPress.current = Math.max(lastPress.current, t);
        if (live) setReady(true);
      });
    return () => {
      live = false;
    };
  }, []);

  const reset = useCallback(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
    void i18n.changeLanguage('vi');
    setForm(latest.current);
    setSession((s) => s + 1);
  }, []);

  const exit = useCallback(async () => {
    await setKioskMode(false);
    exitFullscreen();
    await i18n.changeLanguage(savedLanguage());
    await loadShellNamespaces().catch(() => {});
    navigate('/');
  }, []);

  if (!ready) return null;
  const minIntervalSeconds = typeof minSetting === 'number' && minSetting >= 0 ? minSetting : form.kiosk.minIntervalSeconds;
  return (
    <KioskFlow
      key={session}
      form={form}
      device={device}
      minIntervalSeconds={minIntervalSeconds}
      lastPressAt={() => lastPress.current}
      onCompleted={(pressedAt) => {
        lastPress.current = Math.max(lastPress.current, pressedAt);
      }}
      onLanguage={(l) => void i18n.changeLanguage(l)}
      onReset={reset}
      onExit={() => void exit()}
    />
  );
}

/** The PIN pad (lazy): once drawn, it takes the place of kiosk.html's card. */
function InsteadOfCard({ children }: { children: ReactNode }) {
  useLayoutEffect(dropPrerenderedCard, []);
  return children;
}

function NotReady({ message }: { message: string }) {
  const { t } = useTranslation('kiosk');
  useLayoutEffect(dropPrerenderedCard, []);
  return (
    <main className="kiosk-screen kiosk-notice" aria-labelledby="kiosk-notice-title">
      <h1 id="kiosk-notice-title" className="kiosk-title">
        {t('notSetUp.title')}
      </h1>
      <p className="kiosk-lead">{message}</p>
      <button type="button" className="kiosk-btn kiosk-btn-primary" onClick={() => void loadShellNamespaces().finally(() => navigate('/'))}>
        {t('notSetUp.home')}
      </button>
    </main>
  );
}

export default function KioskScreen() {
  const { t } = useTranslation('kiosk');
  const on = useKioskMode();
  const device = useSetting('device');
  const pinHash = useSetting('supervisorPinHash');
  const forms = useLiveQuery(() => availableForms('kiosk'), []);
  let content = null;
  if (on === undefined || device === undefined || pinHash === undefined || forms === undefined) {
    // Still reading the store: nothing yet, so no flash of the wrong screen.
  } else if (!device) content = <NotReady message={t('notSetUp.body')} />;
  else if (!pickForm(forms)) content = <NotReady message={t('noForm')} />;
  else if (on) content = <KioskSession latestForm={pickForm(forms)!} device={device} />;
  else
    content = (
      <InsteadOfCard>
        <PinPad
          purpose={pinHash ? 'enter' : 'set'}
          onSuccess={() => {
            // Still inside the tap's activation window, so the browser lets the kiosk go full screen.
            requestFullscreen();
            void setKioskMode(true);
          }}
          onCancel={() => void loadShellNamespaces().finally(() => navigate('/'))}
        />
      </InsteadOfCard>
    );
  return (
    <div className="kiosk-root">
      <Suspense fallback={null}>{content}</Suspense>
    </div>
  );
}
