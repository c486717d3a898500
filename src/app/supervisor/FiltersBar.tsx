// Which form, which site (or all in scope) and which period the whole dashboard shows.
import { useTranslation } from 'react-i18next';
import { label } from '../i18n/label';
import type { Filters, FormSummary, SiteJson } from './types';

const PERIODS = ['day', 'week', 'month', 'custom'] as const;

export function FiltersBar({
  filters,
  onChange,
  forms,
  sites,
  loading,
  onRefresh,
}: {
  filters: Filters;
  onChange: (f: Filters) => void;
  forms: FormSummary[];
  sites: SiteJson[];
  loading: boolean;
  onRefresh: () => void;
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
            <input type="radio" name="period" value={p} checked={filters.period === p} onChange={() => set({ period: p })} />
            {t(`filters.period_${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="sv-field">
        <span>{t(filters.period === 'custom' ? 'filters.from' : 'filters.date')}</span>
        <input type="date" value={filters.from} max="2999-12-31" onChange={(e) => e.target.value && set({ from: e.target.value })} data-testid="filter-from" />
      </label>
      {filters.period === 'custom' && (
        <label className="sv-field">
          <span>{t('filters.to')}</span>
          <input type="date" value={filters.to} min={filters.from} onChange={(e) => e.target.value && set({ to: e.target.value })} data-testid="filter-to" />
        </label>
      )}
      <button type="button" className="btn btn-small sv-refresh" onClick={onRefresh} disabled={loading}>
        {loading ? t('loading') : t('filters.refresh')}
      </button>
    </form>
  );
}
