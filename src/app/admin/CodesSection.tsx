// Enrolment codes: make one for a site (shown this once, large, with its expiry on the site's clock), the unused
// ones still valid, and cancel one that was given out by mistake.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentCodeJson, PendingEnrolmentCodeJson } from '../../core/protocol/devices';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { useApi } from '../supervisor/use-api';
import { siteLabel, siteTime, type Scope } from './scope';
import { AdminTable, Confirm, Field, Note, useAction } from './ui';

function PendingRow({ code, scope, onChanged }: { code: PendingEnrolmentCodeJson; scope: Scope; onChanged: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const at = (iso: string) => siteTime(scope, iso, code.siteId, i18n.language);

  async function cancel() {
    if (await action.run(() => staffApi.call('DELETE /api/v1/enrolment-codes/:id', { params: { id: code.id } }))) onChanged();
  }

  return (
    <tr data-testid="code-row">
      <th scope="row">{siteLabel(scope, code.siteId)}</th>
      <td className="sv-nowrap">
        {at(code.createdAt)}
        {code.createdBy === scope.me.user.id && <span className="sv-site-meta">{t('codes.byYou')}</span>}
      </td>
      <td className="sv-nowrap sv-strong">{at(code.expiresAt)}</td>
      <td className="ad-cell-actions">
        <Note error={action.error} />
        {confirming ? (
          <Confirm question={t('codes.confirmCancel')} yes={t('codes.cancel')} no={t('keep')} busy={action.busy} onYes={() => void cancel()} onNo={() => setConfirming(false)} />
        ) : (
          <button type="button" className="btn btn-small" onClick={() => setConfirming(true)} data-testid="code-cancel">
            {t('codes.cancel')}
          </button>
        )}
      </td>
    </tr>
  );
}

export function CodesSection({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const lang = i18n.language;
  const active = scope.sites.filter((s) => !s.deactivatedAt);
  const [siteId, setSiteId] = useState(active[0]?.id ?? '');
  const [made, setMade] = useState<EnrolmentCodeJson | null>(null);
  const [reload, setReload] = useState(0);
  const pending = useApi('GET /api/v1/enrolment-codes', { query: {} }, reload);
  const action = useAction(['siteId']);

  async function create() {
    setMade(null);
    await action.run(async () => {
      setMade(await staffApi.call('POST /api/v1/enrolment-codes', { body: { siteId } }));
      setReload((n) => n + 1);
    });
  }

  const codes = [...(pending.data?.codes ?? [])].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
  return (
    <>
      <section className="sv-card" aria-labelledby="ad-code-new">
        <h2 id="ad-code-new">{t('codes.new')}</h2>
        <p className="muted sv-help">{t('codes.help')}</p>
        {active.length === 0 ? (
          <p className="muted">{t('people.noSites')}</p>
        ) : (
          <div className="ad-row">
            <Field label={t('people.site')} problem={action.fields.siteId} className="ad-w-site">
              {(f) => (
                <select id={f.id} value={siteId} onChange={(e) => setSiteId(e.target.value)} aria-describedby={f.describedBy} data-testid="code-site">
                  {active.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name} ({s.code})
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button type="button" className="btn btn-primary ad-submit" onClick={() => void create()} disabled={action.busy || !siteId} data-testid="code-create">
              {t('codes.create')}
            </button>
          </div>
        )}
        <Note error={action.error} />
        {made && (
          <div className="sv-code-box ad-code-box" role="status" data-testid="code-made">
            <span className="sv-code-label">{t('codes.codeFor', { site: siteLabel(scope, made.siteId) })}</span>
            <span className="sv-code-big" lang="en" data-testid="code-value">
              {made.code}
            </span>
            <span>{t('codes.validUntil', { when: siteTime(scope, made.expiresAt, made.siteId, lang) })}</span>
            <span className="muted">{t('codes.oneTime')}</span>
          </div>
        )}
      </section>
      <section className="sv-card" aria-labelledby="ad-codes-title">
        <h2 id="ad-codes-title">{t('codes.pendingTitle', { count: codes.length })}</h2>
        {pending.error != null && <Note error={errorText(pending.error, lang, 'staff')} />}
        {pending.data &&
          (codes.length === 0 ? (
            <p className="muted">{t('codes.none')}</p>
          ) : (
            <AdminTable columns={[t('people.site'), t('codes.createdAt'), t('codes.expiresAt')]} actions={t('actions')} testId="codes-table">
              {codes.map((c) => (
                <PendingRow key={c.id} code={c} scope={scope} onChanged={() => setReload((n) => n + 1)} />
              ))}
            </AdminTable>
          ))}
      </section>
    </>
  );
}
