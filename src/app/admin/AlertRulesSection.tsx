// Kiosk alert rules per site (issue 11 item 5): each site's window, unhappy share and minimum of ratings beside the
// defaults, edited in its row and saved through the API, which audit-logs the change (a supervisor: own sites only).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../core/format';
import { DEFAULT_ALERT_RULE, type AlertRule, type AlertRuleJson } from '../../core/protocol/alerts';
import type { SiteJson } from '../../core/protocol/sites';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { useApi } from '../supervisor/use-api';
import { ALERT_RULE_FIELDS, alertRuleBody, alertRuleDraft, alertRuleProblems, type AlertRuleDraft, type FieldProblems } from './console-logic';
import { siteTime, type Scope } from './scope';
import { AdminTable, Field, Note, useAction } from './ui';

const COLUMNS = 6;

/** A rule on one line, "15 phút · 50% · tối thiểu 4 lượt · đang bật", as the row, the saved note and the audit log say it. */
export function useRuleText(): (r: AlertRule) => string {
  const { t, i18n } = useTranslation('admin');
  const lang = i18n.language;
  return (r) =>
    t('alerts.summary', {
      minutes: formatNumber(r.windowMinutes, lang, 0),
      threshold: formatPercent(r.thresholdPercent, lang, 0),
      min: formatNumber(r.minRatings, lang, 0),
      state: t(r.enabled ? 'alerts.on' : 'alerts.off'),
    });
}

function RuleFields({ draft, set, problems }: { draft: AlertRuleDraft; set: (d: AlertRuleDraft) => void; problems: FieldProblems }) {
  const { t } = useTranslation('admin');
  const number = (k: 'windowMinutes' | 'thresholdPercent' | 'minRatings', autoFocus = false) => (
    <Field key={k} label={t(`alerts.field_${k}`)} problem={problems[k]} className="ad-w-rule">
      {(f) => (
        <input
          id={f.id}
          inputMode="numeric"
          autoComplete="off"
          value={draft[k]}
          onChange={(e) => set({ ...draft, [k]: e.target.value })}
          aria-invalid={f.invalid}
          aria-describedby={f.describedBy}
          autoFocus={autoFocus}
          data-testid={`rule-${k}`}
        />
      )}
    </Field>
  );
  return (
    <>
      {number('windowMinutes', true)}
      {number('thresholdPercent')}
      {number('minRatings')}
      <label className="ad-check ad-check-inline">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ ...draft, enabled: e.target.checked })} data-testid="rule-enabled" />
        <span>{t('alerts.enabled')}</span>
      </label>
    </>
  );
}

function RuleRow({ site, scope, onSaved }: { site: SiteJson; scope: Scope; onSaved: (site: SiteJson, rule: AlertRuleJson) => void }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const lang = i18n.language;
  const loaded = useApi('GET /api/v1/sites/:id/alert-rule', { params: { id: site.id } });
  const [saved, setSaved] = useState<AlertRuleJson | null>(null);
  const [editing, setEditing] = useState<AlertRuleDraft | null>(null);
  const [shown, setShown] = useState<FieldProblems>({});
  const action = useAction(ALERT_RULE_FIELDS);
  const rule = saved ?? loaded.data;
  const name = `${site.name} (${site.code})`;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const problems = alertRuleProblems(editing);
    setShown(problems);
    if (Object.keys(problems).length) return;
    const body = alertRuleBody(editing);
    let answer: AlertRuleJson | null = null;
    if (await action.run(async () => (answer = await staffApi.call('PUT /api/v1/sites/:id/alert-rule', { params: { id: site.id }, body })))) {
      setSaved(answer);
      setEditing(null);
      onSaved(site, answer!);
    }
  }

  const siteCell = (
    <th scope="row">
      <span className="sv-site-name">{site.name}</span>
      <span className="sv-site-meta">
        <span className="sv-code">{site.code}</span>
        {site.deactivatedAt && <> · {t('sites.deactivatedOn', { when: siteTime(scope, site.deactivatedAt, site.id, lang) })}</>}
      </span>
    </th>
  );

  if (editing)
    return (
      <tr data-testid={`rule-row-${site.code}`}>
        <td colSpan={COLUMNS}>
          <form className="ad-form" onSubmit={(e) => void save(e)} noValidate aria-label={t('alerts.editOf', { site: name })}>
            <p className="ad-rule-site">
              <strong>{site.name}</strong> <span className="sv-code">{site.code}</span>
            </p>
            <Note error={action.error} />
            <div className="ad-row">
              <RuleFields draft={editing} set={setEditing} problems={{ ...shown, ...action.fields }} />
            </div>
            <span className="ad-actions">
              <button type="submit" className="btn btn-small btn-primary" disabled={action.busy} data-testid="rule-save">
                {t('save')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => (setEditing(null), action.clear())}>
                {t('cancel')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => (setShown({}), setEditing(alertRuleDraft(DEFAULT_ALERT_RULE)))} data-testid="rule-defaults">
                {t('alerts.useDefaults')}
              </button>
            </span>
          </form>
        </td>
      </tr>
    );

  if (!rule)
    return (
      <tr data-testid={`rule-row-${site.code}`} className={site.deactivatedAt ? 'ad-off' : undefined}>
        {siteCell}
        <td colSpan={COLUMNS - 1}>{loaded.error != null ? <Note error={errorText(loaded.error, lang, 'staff')} /> : <span className="muted">{t('loading')}</span>}</td>
      </tr>
    );

  return (
    <tr data-testid={`rule-row-${site.code}`} className={site.deactivatedAt ? 'ad-off' : undefined}>
      {siteCell}
      <td className="num sv-nowrap" data-label={t('alerts.windowMinutes')} data-testid="rule-window">
        {t('alerts.minutes', { count: rule.windowMinutes, formatted: formatNumber(rule.windowMinutes, lang, 0) })}
      </td>
      <td className="num" data-label={t('alerts.thresholdPercent')} data-testid="rule-threshold">
        {formatPercent(rule.thresholdPercent, lang, 0)}
      </td>
      <td className="num sv-nowrap" data-label={t('alerts.minRatings')} data-testid="rule-min">
        {t('alerts.ratings', { count: rule.minRatings, formatted: formatNumber(rule.minRatings, lang, 0) })}
      </td>
      <td data-testid="rule-state">
        <span className={`ad-badge ${rule.enabled ? 'ad-badge-ok' : 'ad-badge-off'}`}>{t(rule.enabled ? 'alerts.badge_on' : 'alerts.badge_off')}</span>
        <span className="sv-site-meta">{rule.updatedAt ? t('alerts.changedAt', { when: siteTime(scope, rule.updatedAt, site.id, lang) }) : t('alerts.isDefault')}</span>
      </td>
      <td className="ad-cell-actions">
        <span className="ad-actions">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => (setShown({}), action.clear(), setEditing(alertRuleDraft(rule)))}
            aria-label={t('alerts.editOf', { site: name })}
            data-testid="rule-edit"
          >
            {t('edit')}
          </button>
        </span>
      </td>
    </tr>
  );
}

export function AlertRulesSection({ scope }: { scope: Scope }) {
  const { t } = useTranslation('admin');
  const ruleText = useRuleText();
  const [done, setDone] = useState<string | null>(null);
  const sorted = [...scope.sites].sort((a, b) => Number(Boolean(a.deactivatedAt)) - Number(Boolean(b.deactivatedAt)) || a.code.localeCompare(b.code));
  const d = DEFAULT_ALERT_RULE;
  return (
    <section className="sv-card" aria-labelledby="ad-rules-title">
      <h2 id="ad-rules-title">{t('alerts.title', { count: scope.sites.length })}</h2>
      <p className="muted sv-help">{t('alerts.help')}</p>
      <p className="sv-help" data-testid="rule-defaults-line">
        {t('alerts.defaults', { rule: ruleText(d) })}
      </p>
      <Note done={done} />
      {sorted.length === 0 ? (
        <p className="muted">{t('alerts.empty')}</p>
      ) : (
        <AdminTable
          columns={[t('alerts.site'), { label: t('alerts.windowMinutes'), num: true }, { label: t('alerts.thresholdPercent'), num: true }, { label: t('alerts.minRatings'), num: true }, t('status')]}
          actions={t('actions')}
          className="ad-rules-table"
          testId="rules-table"
        >
          {sorted.map((s) => (
            <RuleRow key={s.id} site={s} scope={scope} onSaved={(site, rule) => setDone(t('alerts.saved', { site: `${site.name} (${site.code})`, rule: ruleText(rule) }))} />
          ))}
        </AdminTable>
      )}
    </section>
  );
}
