// Settings card: enrol the tablet with a one-time code, then let the enumerator pick themselves from the site's list
// (with their PIN, checked offline, when they have one).
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { EnumeratorJson } from '../../core/protocol/devices';
import type { EnumeratorPin } from '../kiosk/PinPad';
import { ApiError } from '../api/api-error';
import { failureText } from '../api/problem-text';
import { useOnline } from '../shell/use-online';
import { useSetting, type DeviceSetup } from '../store/settings';
import { chooseEnumerator, enrolDevice, refreshFromServer } from './enrolment';
import { decodeFailure, isAuthFailure } from './failure';
import { useEnrolmentInfo, type EnrolmentInfo } from './sync-settings';

const EnumeratorPinDialog = lazy(() => import('./EnumeratorPinDialog'));

function errorText(e: unknown, lang: string): string {
  return e instanceof ApiError ? failureText(e.failure, lang) : e instanceof Error ? e.message : String(e);
}

export function EnrolmentCard() {
  const { t } = useTranslation('sync');
  const device = useSetting('device');
  const info = useEnrolmentInfo();
  const lastError = useSetting('lastSyncError');
  if (device === undefined || info === undefined) return null;
  const blocked = isAuthFailure(decodeFailure(lastError));
  return (
    <section className="card" aria-labelledby="enrol-title" data-testid="enrolment-card">
      <h2 id="enrol-title">{t('enrol.title')}</h2>
      {device?.token && info && <EnrolledFacts device={device} info={info} />}
      {(!device?.token || blocked) && <EnrolForm again={Boolean(device?.token)} device={device} />}
    </section>
  );
}

function EnrolForm({ again, device }: { again: boolean; device: DeviceSetup | null }) {
  const { t, i18n } = useTranslation('sync');
  const id = useId();
  const online = useOnline();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      await enrolDevice(code, name);
    } catch (err) {
      setError(errorText(err, i18n.language));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-describedby={`${id}-help`} data-testid="enrol-form">
      {again && <h3>{t('enrol.reenrolTitle')}</h3>}
      <p id={`${id}-help`}>{again ? t('enrol.reenrolHelp') : t('enrol.help')}</p>
      {device && !device.token && <p className="muted">{t('enrol.manualNote')}</p>}
      <label className="field">
        <span>{t('enrol.code')}</span>
        <input
          required
          name="enrolmentCode"
          value={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={32}
          onChange={(e) => setCode(e.target.value.toUpperCase())}
        />
      </label>
      <label className="field">
        <span>{t('enrol.deviceName')}</span>
        <input required name="deviceName" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy || !online}>
          {busy ? t('enrol.working') : t('enrol.submit')}
        </button>
      </div>
      {!online && <p className="muted">{t('enrol.offline')}</p>}
      <p role="alert" className={error ? 'banner banner-error' : ''} data-testid="enrol-error">
        {error}
      </p>
    </form>
  );
}

function EnrolledFacts({ device, info }: { device: DeviceSetup; info: EnrolmentInfo }) {
  const { t, i18n } = useTranslation('sync');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // Shown at once, saved in the background: a controlled radio must not wait for IndexedDB to look chosen.
  const [chosen, setChosen] = useState(device.enumeratorId);
  // The enumerator whose PIN the pad asks for; chosen only once it is right.
  const [asking, setAsking] = useState<EnumeratorPin | null>(null);
  const [refusal, setRefusal] = useState('');
  const lang = i18n.language;

  function choose(e: EnumeratorJson) {
    setChosen(e.id);
    void chooseEnumerator(e);
  }

  function pick(e: EnumeratorJson) {
    setRefusal('');
    // A PIN the tablet cannot check is never skipped: the enumerator cannot be picked until it is set again.
    if (e.pinResetNeeded) setRefusal(t('enrol.pinResetNeeded', { name: e.displayName }));
    else if (e.pinHash) setAsking({ id: e.id, name: e.displayName, pinHash: e.pinHash });
    else choose(e);
  }

  async function refresh() {
    setBusy(true);
    setMessage('');
    try {
      await refreshFromServer();
      setMessage(t('enrol.refreshed'));
    } catch (err) {
      setMessage(errorText(err, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack" data-testid="enrolled">
      <p className="ok-text">{t('enrol.enrolled')}</p>
      <dl className="facts">
        <dt>{t('enrol.site')}</dt>
        <dd data-testid="enrolled-site">
          {info.site.name} ({info.site.code})
        </dd>
        <dt>{t('enrol.device')}</dt>
        <dd>{info.deviceName}</dd>
        {device.enrolledAt && (
          <>
            <dt>{t('enrol.enrolledAt')}</dt>
            <dd>{formatDateTime(device.enrolledAt, lang, info.site.timeZone)}</dd>
          </>
        )}
      </dl>
      {info.formCount !== undefined && <p className="muted">{t('enrol.forms', { count: info.formCount })}</p>}
      <fieldset className="stack" data-testid="enumerator-choice">
        <legend className="ok-text">{t('enrol.chooseEnumerator')}</legend>
        <p className="muted">{info.enumerators.length ? t('enrol.chooseHelp') : t(info.refreshedAt ? 'enrol.noEnumerators' : 'enrol.notFetched')}</p>
        {info.enumerators.map((e) => (
          <label key={e.id} className="row-actions">
            <input
              type="radio"
              name="enumerator"
              value={e.id}
              checked={chosen === e.id}
              onChange={() => pick(e)}
              style={{ width: 24, height: 24 }}
            />
            <span>{e.displayName}</span>
            {(e.pinHash || e.pinResetNeeded) && <span className="muted">({t('enrol.hasPin')})</span>}
          </label>
        ))}
        <p role="alert" className={refusal ? 'banner banner-error' : ''} data-testid="enumerator-refused">
          {refusal}
        </p>
        {!info.enumerators.some((e) => e.id === chosen) && info.enumerators.length > 0 && (
          <p className="muted" data-testid="enumerator-not-chosen">
            {t('enrol.notChosen')}
          </p>
        )}
        {/* From the saved setting, not the radio: it confirms the choice is stored. */}
        <p role="status" className="ok-text" data-testid="enumerator-chosen">
          {info.enumerators.some((e) => e.id === device.enumeratorId) ? t('enrol.chosen', { name: device.enumeratorName }) : ''}
        </p>
      </fieldset>
      {asking && (
        <Suspense fallback={null}>
          <EnumeratorPinDialog
            enumerator={asking}
            onSuccess={() => {
              const e = info.enumerators.find((x) => x.id === asking.id);
              setAsking(null);
              if (e) choose(e);
            }}
            onCancel={() => setAsking(null)}
          />
        </Suspense>
      )}
      <div className="row-actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void refresh()}>
          {t('enrol.refresh')}
        </button>
        <span role="status">{message}</span>
      </div>
    </div>
  );
}
