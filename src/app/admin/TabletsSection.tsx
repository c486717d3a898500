// Tablets per site, as each last reported itself: seen, synced, version, what waits on it and for how long, its
// storage, its last error and the flags that say it needs someone; rename, and revoke after a question.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import { BACKLOG_WAITING, CLOCK_SKEW_MINUTES, SILENT_DAYS, STALE_QUEUE_DAYS } from '../../core/fleet/device-flags';
import type { DeviceJson } from '../../core/protocol/devices';
import { problemText } from '../api/problem-text';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { useApi } from '../supervisor/use-api';
import { ageOf, formatBytes, spanOf } from './console-logic';
import { siteLabel, siteTime, type Scope } from './scope';
import { Confirm, Field, Note, SiteFilter, useAction } from './ui';

const FLAG_VARS = { days: SILENT_DAYS, waiting: BACKLOG_WAITING, staleDays: STALE_QUEUE_DAYS, clockMinutes: CLOCK_SKEW_MINUTES };

function useAge() {
  const { t } = useTranslation('admin');
  return (iso: string) => {
    const a = ageOf(iso, Date.now());
    return t(`age.${a.unit}`, { count: a.count });
  };
}

/** The tablet's last sync failure as it reported it: a catalogue code, "network", "timeout", or words of its own. */
function syncErrorText(error: string, lang: string, t: (k: string) => string): string {
  if (/^\d{3}(\.\d+)?$/.test(error)) return `${problemText(error, lang, { audience: 'staff' })} (${error})`;
  if (error === 'network' || error === 'timeout') return t(`tablets.error_${error}`);
  return error;
}

function Tablet({ device, scope, currentVersion, onChanged }: { device: DeviceJson; scope: Scope; currentVersion: string; onChanged: () => void }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const lang = i18n.language;
  const age = useAge();
  const [mode, setMode] = useState<'view' | 'rename' | 'revoke'>('view');
  const [name, setName] = useState(device.name);
  const [problem, setProblem] = useState<string | undefined>();
  const action = useAction(['name']);
  const at = (iso: string | null) => siteTime(scope, iso, device.siteId, lang);
  const revoked = device.revokedAt !== null;
  const unknown = t('tablets.unknown');

  async function rename(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    setProblem(trimmed ? undefined : 'required');
    if (!trimmed) return;
    if (await action.run(() => staffApi.call('PATCH /api/v1/devices/:id', { params: { id: device.id }, body: { name: trimmed } }))) {
      setMode('view');
      onChanged();
    }
  }

  async function revoke() {
    if (await action.run(() => staffApi.call('DELETE /api/v1/devices/:id', { params: { id: device.id } }))) {
      setMode('view');
      onChanged();
    }
  }

  const waiting =
    device.waiting === null
      ? unknown
      : device.waiting === 0
        ? t('tablets.nothingWaiting')
        : t('tablets.waitingCount', { count: device.waiting, formatted: formatNumber(device.waiting, lang, 0) }) +
          (device.oldestWaitingAt ? ` · ${t('tablets.oldest', { age: age(device.oldestWaitingAt) })}` : '');
  const skew = device.clockSkewMs;
  const spanText = (ms: number) => {
    const span = spanOf(ms);
    return t(`age.${span.unit}`, { count: span.count });
  };
  const clock =
    skew === null ? unknown : Math.abs(skew) < 60_000 ? t('tablets.clockRight') : t(skew > 0 ? 'tablets.clockAhead' : 'tablets.clockBehind', { amount: spanText(Math.abs(skew)) });
  const storage =
    device.storageUsedBytes === null && device.storagePersisted === null
      ? unknown
      : [device.storageUsedBytes === null ? null : formatBytes(device.storageUsedBytes, lang), t(`tablets.persisted_${String(device.storagePersisted)}`)].filter(Boolean).join(' · ');

  return (
    <article className={`ad-tablet${revoked ? ' ad-off' : ''}`} aria-labelledby={`tablet-${device.id}`} data-testid={`tablet-${device.name}`}>
      <header className="ad-tablet-head">
        <h3 id={`tablet-${device.id}`}>{device.name}</h3>
        <span className="ad-flags" data-testid="tablet-flags">
          {revoked && <span className="ad-badge ad-badge-off">{t('tablets.revokedOn', { when: at(device.revokedAt) })}</span>}
          {device.flags.map((f) => (
            <span key={f} className={`ad-badge ad-flag ad-flag-${f}`} data-flag={f}>
              {t(`tablets.flag_${f}`, FLAG_VARS)}
            </span>
          ))}
          {!revoked && device.flags.length === 0 && <span className="ad-badge ad-badge-ok">{t('tablets.fine')}</span>}
        </span>
      </header>
      <dl className="ad-facts">
        <dt>{t('tablets.enrolledAt')}</dt>
        <dd data-testid="tablet-enrolled">{at(device.createdAt)}</dd>
        <dt>{t('tablets.lastSeen')}</dt>
        <dd data-testid="tablet-seen">{device.lastSeenAt ? `${at(device.lastSeenAt)} (${t('tablets.ago', { age: age(device.lastSeenAt) })})` : t('tablets.never')}</dd>
        <dt>{t('tablets.lastSync')}</dt>
        <dd data-testid="tablet-sync">{device.lastSyncAt ? at(device.lastSyncAt) : t('tablets.never')}</dd>
        <dt>{t('tablets.appVersion')}</dt>
        <dd data-testid="tablet-version">
          {device.appVersion ?? unknown}
          {device.flags.includes('old-version') && <span className="muted"> · {t('tablets.current', { version: currentVersion })}</span>}
        </dd>
        <dt>{t('tablets.waiting')}</dt>
        <dd data-testid="tablet-waiting">{waiting}</dd>
        <dt>{t('tablets.clock')}</dt>
        <dd data-testid="tablet-clock">{clock}</dd>
        <dt>{t('tablets.storage')}</dt>
        <dd data-testid="tablet-storage">{storage}</dd>
        <dt>{t('tablets.lastError')}</dt>
        <dd data-testid="tablet-error">{device.lastSyncError ? syncErrorText(device.lastSyncError, lang, t) : t('tablets.noError')}</dd>
      </dl>
      <Note error={action.error} />
      {!revoked && mode === 'view' && (
        <div className="ad-actions">
          <button type="button" className="btn btn-small" onClick={() => (setName(device.name), setProblem(undefined), action.clear(), setMode('rename'))} aria-label={t('tablets.renameOf', { name: device.name })}>
            {t('tablets.rename')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => (action.clear(), setMode('revoke'))} data-testid="tablet-revoke" aria-label={t('tablets.revokeOf', { name: device.name })}>
            {t('tablets.revoke')}
          </button>
        </div>
      )}
      {mode === 'rename' && (
        <form className="ad-inline-form" onSubmit={(e) => void rename(e)} noValidate>
          <Field label={t('tablets.name')} problem={problem ?? action.fields.name}>
            {(f) => <input id={f.id} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={f.invalid} aria-describedby={f.describedBy} autoFocus data-testid="tablet-name" />}
          </Field>
          <span className="ad-actions">
            <button type="submit" className="btn btn-small btn-primary" disabled={action.busy}>
              {t('save')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setMode('view')}>
              {t('cancel')}
            </button>
          </span>
        </form>
      )}
      {mode === 'revoke' && (
        <Confirm question={t('tablets.confirmRevoke', { name: device.name })} yes={t('tablets.revoke')} no={t('keep')} busy={action.busy} onYes={() => void revoke()} onNo={() => setMode('view')} />
      )}
    </article>
  );
}

export function TabletsSection({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const [siteId, setSiteId] = useState('');
  const [showRevoked, setShowRevoked] = useState(false);
  const [reload, setReload] = useState(0);
  const loaded = useApi('GET /api/v1/devices', {}, reload);
  const devices = (loaded.data?.devices ?? []).filter((d) => (!siteId || d.siteId === siteId) && (showRevoked || d.revokedAt === null));
  const revokedCount = (loaded.data?.devices ?? []).filter((d) => d.revokedAt !== null && (!siteId || d.siteId === siteId)).length;
  const groups = new Map<string, DeviceJson[]>();
  for (const d of devices) groups.set(d.siteId, [...(groups.get(d.siteId) ?? []), d]);
  // Whatever needs someone comes first: sites by how many of their tablets are flagged, flagged tablets first in a site.
  const flaggedIn = (id: string) => groups.get(id)!.filter((d) => d.flags.length > 0).length;
  const siteOrder = [...groups.keys()].sort((a, b) => flaggedIn(b) - flaggedIn(a) || siteLabel(scope, a).localeCompare(siteLabel(scope, b), i18n.language));
  for (const list of groups.values()) list.sort((a, b) => b.flags.length - a.flags.length || a.name.localeCompare(b.name, i18n.language));
  const flagged = devices.filter((d) => d.flags.length > 0).length;

  return (
    <>
      <div className="sv-filters ad-filters">
        <SiteFilter label={t('people.filterSite')} sites={scope.sites} value={siteId} onChange={setSiteId} testId="tablets-site" />
        <label className="ad-check ad-check-inline">
          <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} data-testid="tablets-revoked" />
          <span>{t('tablets.showRevoked', { count: revokedCount })}</span>
        </label>
        <button type="button" className="btn btn-small ad-push" onClick={() => setReload((n) => n + 1)} disabled={loaded.loading}>
          {loaded.loading ? t('loading') : t('refresh')}
        </button>
      </div>
      {loaded.error != null && <Note error={errorText(loaded.error, i18n.language, 'staff')} />}
      {loaded.data && (
        <p className="ad-summary" aria-live="polite" data-testid="tablets-summary">
          {t('tablets.summary', { count: devices.length, flagged, version: loaded.data.currentAppVersion })}
        </p>
      )}
      {loaded.data && devices.length === 0 && <p className="sv-card muted">{t('tablets.empty')}</p>}
      {siteOrder.map((id) => (
        <section key={id} className="sv-card" aria-labelledby={`ad-tablets-${id}`} data-testid={`tablets-of-${scope.byId.get(id)?.code ?? id}`}>
          <h2 id={`ad-tablets-${id}`} className="ad-site-heading">
            {siteLabel(scope, id)}
          </h2>
          <div className="ad-tablets">
            {groups.get(id)!.map((d) => (
              <Tablet key={d.id} device={d} scope={scope} currentVersion={loaded.data!.currentAppVersion} onChanged={() => setReload((n) => n + 1)} />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
