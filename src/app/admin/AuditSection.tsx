// The audit log: who changed what, where and when (on the site's clock), filtered by person, action, site and days,
// a page at a time, newest first.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import type { AuditQuery } from '../../core/protocol/audit';
import { errorText } from '../api/error-text';
import { parseDmy } from '../supervisor/DateField';
import { useApi } from '../supervisor/use-api';
import { useRuleText } from './AlertRulesSection';
import { ACTION_FILTERS, alertRuleChange, auditDetailsText } from './console-logic';
import { siteLabel, siteTime, type Scope } from './scope';
import { AdminTable, Field, SiteFilter } from './ui';


interface Filters {
  actor: string;
  action: string;
  siteId: string;
  /** As typed, dd/mm/yyyy; '' for no bound. */
  from: string;
  to: string;
}

export function AuditSection({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'supervisor', 'problems']);
  const lang = i18n.language;
  const empty: Filters = { actor: '', action: '', siteId: '', from: '', to: '' };
  const [draft, setDraft] = useState<Filters>(empty);
  const [applied, setApplied] = useState<Filters>(empty);
  const [page, setPage] = useState(1);
  const [bad, setBad] = useState<{ from?: string; to?: string }>({});
  const query: AuditQuery = {
    actor: applied.actor.trim() || undefined,
    action: applied.action || undefined,
    siteId: applied.siteId || undefined,
    from: parseDmy(applied.from) ?? undefined,
    to: parseDmy(applied.to) ?? undefined,
    page: String(page),
  };
  const log = useApi('GET /api/v1/audit', { query });
  const ruleText = useRuleText();
  /** An entry's details in words: a rule change as the rule before and after, anything else field by field. */
  const detailsOf = (e: { action: string; details: Record<string, unknown>; siteId: string | null }) => {
    const change = e.action === 'alert-rule.update' ? alertRuleChange(e.details) : null;
    if (change) return `${ruleText(change.before)} → ${ruleText(change.after)}`;
    return auditDetailsText(e.details, (iso) => siteTime(scope, iso, e.siteId, lang)) || '—';
  };
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / log.data.pageSize)) : 1;

  function apply(e: FormEvent) {
    e.preventDefault();
    const check = (text: string) => (text.trim() && !parseDmy(text) ? 'date' : undefined);
    const problems = { from: check(draft.from), to: check(draft.to) };
    setBad(problems);
    if (problems.from || problems.to) return;
    setApplied(draft);
    setPage(1);
  }

  return (
    <>
      <form className="sv-filters ad-filters" onSubmit={apply} aria-label={t('audit.filters')} data-testid="audit-filters">
        <label className="sv-field">
          <span>{t('audit.actor')}</span>
          <input value={draft.actor} onChange={(e) => setDraft({ ...draft, actor: e.target.value })} autoCapitalize="none" spellCheck={false} data-testid="audit-actor" />
        </label>
        <label className="sv-field">
          <span>{t('audit.action')}</span>
          <select value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} data-testid="audit-action">
            <option value="">{t('audit.anyAction')}</option>
            {ACTION_FILTERS.map((a) => (
              <option key={a.value} value={a.value}>
                {t(`audit.kinds.${a.kind}`)}
              </option>
            ))}
          </select>
        </label>
        <SiteFilter label={t('people.site')} sites={scope.sites} value={draft.siteId} onChange={(siteId) => setDraft({ ...draft, siteId })} testId="audit-site" />
        {(['from', 'to'] as const).map((k) => (
          <Field key={k} label={t(`supervisor:filters.${k}`)} problem={bad[k]} className="ad-w-date">
            {(f) => (
              <input
                id={f.id}
                className="sv-date"
                inputMode="numeric"
                autoComplete="off"
                placeholder="dd/mm/yyyy"
                value={draft[k]}
                onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
                aria-invalid={f.invalid}
                aria-describedby={f.describedBy}
                data-testid={`audit-${k}`}
              />
            )}
          </Field>
        ))}
        <button type="submit" className="btn btn-small btn-primary" data-testid="audit-apply">
          {t('audit.apply')}
        </button>
        <button type="button" className="btn btn-small" onClick={() => (setDraft(empty), setApplied(empty), setBad({}), setPage(1))}>
          {t('audit.clear')}
        </button>
      </form>
      <section className="sv-card" aria-labelledby="ad-audit-title">
        <h2 id="ad-audit-title">{t('audit.title')}</h2>
        {log.error != null && (
          <p className="sv-note sv-note-error" role="alert">
            {errorText(log.error, lang, 'staff')}
          </p>
        )}
        {log.data && (
          <>
            <p className="muted ad-summary" aria-live="polite" data-testid="audit-summary">
              {t('audit.summary', { count: log.data.total, formatted: formatNumber(log.data.total, lang, 0), page: log.data.page, pages })}
            </p>
            {log.data.entries.length > 0 && (
              // Focusable, so a keyboard can scroll it sideways when a long entry makes it wider than a portrait screen.
              <AdminTable columns={[t('audit.at'), t('audit.actor'), t('audit.action'), t('people.site'), t('audit.details')]} region={t('audit.entries')} className="ad-audit-table" testId="audit-table">
                {log.data.entries.map((e) => (
                  <tr key={e.id}>
                    <td className="sv-nowrap">{siteTime(scope, e.at, e.siteId, lang)}</td>
                    <td className="ad-mono ad-username" lang="en">
                      {e.actor ?? '—'}
                    </td>
                    <th scope="row">
                      {t(`audit.actions.${e.action}`, { defaultValue: e.action })}
                      <span className="sv-site-meta ad-mono" lang="en">
                        {e.action}
                      </span>
                    </th>
                    <td>{e.siteId ? <abbr title={siteLabel(scope, e.siteId)} className="sv-code">{scope.byId.get(e.siteId)?.code ?? e.siteId}</abbr> : '—'}</td>
                    <td className="ad-details">{detailsOf(e)}</td>
                  </tr>
                ))}
              </AdminTable>
            )}
            <nav className="ad-pager" aria-label={t('audit.pages')}>
              <button type="button" className="btn btn-small" onClick={() => setPage((p) => p - 1)} disabled={page <= 1 || log.loading} data-testid="audit-prev">
                {t('audit.previous')}
              </button>
              <span>{t('audit.page', { page: log.data.page, pages })}</span>
              <button type="button" className="btn btn-small" onClick={() => setPage((p) => p + 1)} disabled={page >= pages || log.loading} data-testid="audit-next">
                {t('audit.next')}
              </button>
            </nav>
          </>
        )}
      </section>
    </>
  );
}
