// A one-time code for enrolling a tablet at a site, shown large enough to read across the desk and type in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { SiteJson } from '../../core/protocol/sites';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';

export function EnrolmentPanel({ sites, defaultSiteId }: { sites: SiteJson[]; defaultSiteId: string }) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const [siteId, setSiteId] = useState(defaultSiteId || sites[0]?.id || '');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ code: string; expiresAt: string; site: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setBusy(true);
    setError(null);
    try {
      const r = await staffApi.call('POST /api/v1/enrolment-codes', { body: { siteId } });
      setMade({ ...r, site: sites.find((s) => s.id === siteId)?.name ?? '' });
    } catch (e) {
      setError(errorText(e, i18n.language, 'staff'));
    } finally {
      setBusy(false);
    }
  }

  if (sites.length === 0) return <p className="muted">{t('enrol.noSites')}</p>;
  return (
    <div className="sv-enrol">
      <p className="muted sv-help">{t('enrol.help')}</p>
      <div className="sv-enrol-row">
        <label className="sv-field sv-field-wide">
          <span>{t('filters.site')}</span>
          <select value={siteId} onChange={(e) => setSiteId(e.target.value)} data-testid="enrol-site">
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.code})
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="btn btn-primary" onClick={() => void create()} disabled={busy || !siteId} data-testid="enrol-create">
          {t('enrol.create')}
        </button>
      </div>
      {error && (
        <p className="sv-note sv-note-error" role="alert">
          {error}
        </p>
      )}
      {made && (
        <div className="sv-code-box" role="status" data-testid="enrol-code">
          <span className="sv-code-label">{t('enrol.codeFor', { site: made.site })}</span>
          <span className="sv-code-big" lang="en">
            {made.code}
          </span>
          <span className="muted">
            {t('enrol.validUntil', { when: formatDateTime(made.expiresAt, i18n.language) })} · {t('enrol.oneTime')}
          </span>
        </div>
      )}
    </div>
  );
}
