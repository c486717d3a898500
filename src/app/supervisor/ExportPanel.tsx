// Download the sample as CSV or Excel: the chosen day or the whole period, the chosen site or every site in scope, codes or words.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodebookQuery, ExportQuery } from '../../core/protocol/scores';
import type { SiteJson } from '../../core/protocol/sites';
import { staffApi } from '../api/staff';
import { day } from './format';
import type { Filters } from './types';

export function ExportPanel({ filters, range, sites }: { filters: Filters; range: { from: string; to: string }; sites: SiteJson[] }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const [span, setSpan] = useState<'day' | 'range'>('day');
  const [siteId, setSiteId] = useState<string>(filters.siteId);
  // Codes for analysis (decoded by the codebook), or words for a reader opening the file in a spreadsheet.
  const [values, setValues] = useState<'codes' | 'labels'>('codes');
  const from = span === 'day' ? filters.from : range.from;
  const to = span === 'day' ? filters.from : range.to;
  const query: ExportQuery = { form: filters.formId, sites: siteId || undefined, from, to: to !== from ? to : undefined, lang, values };
  const codebook: CodebookQuery = { form: filters.formId, lang };
  return (
    <div className="sv-export" data-testid="export-panel">
      <fieldset className="sv-periods">
        <legend>{t('exports.span')}</legend>
        <label className={span === 'day' ? 'sv-seg sv-seg-on' : 'sv-seg'}>
          <input type="radio" name="export-span" checked={span === 'day'} onChange={() => setSpan('day')} />
          {t('exports.day', { day: day(filters.from, i18n.language) })}
        </label>
        <label className={span === 'range' ? 'sv-seg sv-seg-on' : 'sv-seg'}>
          <input type="radio" name="export-span" checked={span === 'range'} onChange={() => setSpan('range')} />
          {t('exports.range', { from: day(range.from, i18n.language), to: day(range.to, i18n.language) })}
        </label>
      </fieldset>
      <label className="sv-field sv-field-wide">
        <span>{t('filters.site')}</span>
        <select value={siteId} onChange={(e) => setSiteId(e.target.value)} data-testid="export-site">
          <option value="">{t('filters.allSites', { count: sites.length })}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.code})
            </option>
          ))}
        </select>
      </label>
      <fieldset className="sv-periods">
        <legend>{t('exports.values')}</legend>
        {(['codes', 'labels'] as const).map((v) => (
          <label key={v} className={values === v ? 'sv-seg sv-seg-on' : 'sv-seg'}>
            <input type="radio" name="export-values" checked={values === v} onChange={() => setValues(v)} data-testid={`export-values-${v}`} />
            {t(v === 'codes' ? 'exports.valuesCodes' : 'exports.valuesLabels')}
          </label>
        ))}
      </fieldset>
      <div className="row-actions">
        <a className="btn btn-primary" href={staffApi.urlOf('GET /api/v1/exports/responses.csv', { query })} download data-testid="export-csv">
          {t('exports.csv')}
        </a>
        <a className="btn btn-primary" href={staffApi.urlOf('GET /api/v1/exports/responses.xlsx', { query })} download data-testid="export-xlsx">
          {t('exports.xlsx')}
        </a>
        <a className="btn" href={staffApi.urlOf('GET /api/v1/exports/codebook.csv', { query: codebook })} download data-testid="export-codebook">
          {t('exports.codebook')}
        </a>
      </div>
      <p className="muted sv-help">{t('exports.help')}</p>
    </div>
  );
}
