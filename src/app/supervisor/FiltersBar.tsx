// Which form, which site (or all in scope) and which period the whole dashboard shows.
import { useTranslation } from 'react-i18next';
import type { FormSummary } from '../../core/protocol/forms';
import { addDays, COMPARES, PERIODS } from '../../core/protocol/period';
import type { SiteJson } from '../../core/protocol/sites';
import { label } from '../i18n/label';
import { DateField } from './DateField';
import type { Filters } from './types';

/** The period before or after: a day, a week or a month back or on; a custom range moves by its own length. */
function step(f: Filters, dir: -1 | 1): Partial<Filters> {
  if (f.period === 'day') return { from: addDays(f.from, dir) };
  if (f.period === 'week') return { from: addDays(f.from, 7 * dir) };
  if (f.period === 'month') {
    const d = new Date(`${f.from}T00:00:00Z`);
    return { from: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + dir, 1)).toISOString().slice(0, 10) };
  }
  const len = Math.round((Date.parse(`${f.to}T00:00:00Z`) - Date.parse(`${f.from}T00:00:00Z`)) / 86_400_000) + 1;
  return { from: addDays(f.from, len * dir), to: addDays(f.to, len * dir) };
}


export function FiltersBar({
  filters,
  onChange,
  forms,
  sites,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  forms: FormSummary[];
  sites: SiteJson[];
}) {
  const { t, i18n } = useTranslation('supervisor');
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const kinds = ['so-nganh', 'quan-huyen', 'xa-phuong'] as const;
  return (
    <form className="sv-filters" onSubmit={(e) => e.preventDefault()} aria-label={t('filters.legend')}>
      <label className="sv-field">
        <span>{t('filters.form')}</span>
        <select value={filters.formId} onChange={(e) => set({ formId: e.target.value })} data-testid="filter-form">
          {forms.length === 0 && <option value={filters.formId}>{filters.formId}</option>}
          {forms.map((f) => (
            <option key={f.id} value={f.id}>
              {t(`forms.${f.id}`, { defaultValue: label(f.title, i18n.language) })}
            </option>
          ))}
        </select>
      </label>
      <label className="sv-field sv-field-wide">
        <span>{t('filters.site')}</span>
        <select value={filters.siteId} onChange={(e) => set({ siteId: e.target.value })} data-testid="filter-site">
          <option value="">{t('filters.allSites', { count: sites.length })}</option>
          {kinds.map((k) => {
            const list = sites.filter((s) => s.kind === k);
            return list.length ? (
              <optgroup key={k} label={t(`kinds.${k}`)}>
                {list.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.code})
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
      </label>
      <fieldset className="sv-periods">
        <legend>{t('filters.period')}</legend>
        {PERIODS.map((p) => (
          <label key={p} className={filters.period === p ? 'sv-seg sv-seg-on' : 'sv-seg'}>
            {/* Leaving a custom range (the last 30 days at first) for a day, week or month: the one its last day is in. */}
            <input type="radio" name="period" value={p} checked={filters.period === p} onChange={() => set(filters.period === 'custom' ? { period: p, from: filters.to } : { period: p })} />
            {t(`filters.period_${p}`)}
          </label>
        ))}
      </fieldset>
      <div className="sv-date-group">
        <button type="button" className="btn btn-small sv-step" onClick={() => set(step(filters, -1))} aria-label={t('filters.previous')} title={t('filters.previous')}>
          ‹
        </button>
        <DateField
          label={t(filters.period === 'custom' ? 'filters.from' : 'filters.date')}
          value={filters.from}
          onChange={(from) => set({ from, to: filters.to < from ? from : filters.to })}
          testId="filter-from"
          invalidText={t('filters.invalidDate')}
        />
        {filters.period === 'custom' && (
          <DateField label={t('filters.to')} value={filters.to} onChange={(to) => set({ to })} testId="filter-to" invalidText={t('filters.invalidDate')} />
        )}
        <button type="button" className="btn btn-small sv-step" onClick={() => set(step(filters, 1))} aria-label={t('filters.next')} title={t('filters.next')}>
          ›
        </button>
      </div>
      <label className="sv-field">
        <span>{t('compare.label')}</span>
        <select value={filters.compare} onChange={(e) => set({ compare: e.target.value as Filters['compare'] })} data-testid="filter-compare">
          <option value="">{t('compare.none')}</option>
          {COMPARES.map((c) => (
            <option key={c} value={c}>
              {t(`compare.option_${c}`)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
