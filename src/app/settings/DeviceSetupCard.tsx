// The offline trial: a free-text site and enumerator for trying the app without a server, clearly marked as such and
// folded away (a real tablet is set up one way only: enrolment with a code, EnrolmentCard).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { newResponseId } from '../../core';
import { setSetting, useSetting, type DeviceSetup } from '../store/settings';

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}

export function DeviceSetupCard() {
  const device = useSetting('device');
  // Held here: the form below starts afresh when the first save gives the tablet an id, and "Saved." must outlive that.
  const [saved, setSaved] = useState(false);
  // An enrolled tablet takes its site and enumerators from the server (EnrolmentCard); typing here would overwrite them.
  if (device === undefined || device?.token) return null;
  return <DeviceSetupForm device={device} key={device?.deviceId ?? 'new'} saved={saved} setSaved={setSaved} />;
}

function DeviceSetupForm({ device, saved, setSaved }: { device: DeviceSetup | null; saved: boolean; setSaved: (v: boolean) => void }) {
  // The trial's own words live with the sync words (settings loads them; the kiosk's first chunk does not carry them).
  const { t } = useTranslation(['common', 'sync', 'tablet']);
  const [siteId, setSiteId] = useState(device?.siteId ?? '');
  const [siteName, setSiteName] = useState(device?.siteName ?? '');
  const [enumeratorName, setEnumeratorName] = useState(device?.enumeratorName ?? '');
  const enrolled = Boolean(device?.token);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: DeviceSetup = {
      ...device,
      deviceId: device?.deviceId ?? `local-${newResponseId()}`.slice(0, 64),
      siteId: enrolled ? device!.siteId : siteId.trim() || slug(siteName),
      siteName: siteName.trim(),
      enumeratorId: slug(enumeratorName) || 'enumerator',
      enumeratorName: enumeratorName.trim(),
    };
    await setSetting('device', next);
    setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="device-title">
      <h2 id="device-title">{t('sync:trial.title')}</h2>
      {/* Open when a trial is set up already, so what it uses shows. */}
      <details open={device ? true : undefined} data-testid="offline-trial">
        <summary>{t('sync:trial.open')}</summary>
      <p className="muted">{t('sync:trial.help')}</p>
      <form onSubmit={(e) => void submit(e)} className="stack">
        <label className="field">
          <span>{t('tablet:settings.siteName')}</span>
          <input required value={siteName} disabled={enrolled} onChange={(e) => setSiteName(e.target.value)} name="siteName" />
        </label>
        <label className="field">
          <span>{t('tablet:settings.siteCode')}</span>
          <input value={siteId} disabled={enrolled} onChange={(e) => setSiteId(e.target.value)} name="siteId" placeholder={slug(siteName)} />
        </label>
        <label className="field">
          <span>{t('tablet:settings.enumeratorName')}</span>
          <input required value={enumeratorName} onChange={(e) => setEnumeratorName(e.target.value)} name="enumeratorName" />
        </label>
        <div>
          <button type="submit" className="btn btn-primary">
            {t('actions.save')}
          </button>
          {saved && (
            <span role="status" className="ok-text">
              {' '}
              {t('tablet:settings.saved')}
            </span>
          )}
        </div>
      </form>
      </details>
    </section>
  );
}
