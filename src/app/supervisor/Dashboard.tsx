// The supervisor dashboard: filters on top, then index tiles, blocks, trend, site ranking, criteria, sample progress,
// response rate, quality, exports.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../core/local-day';
import { addDays, baselineRange, periodRange } from '../../core/protocol/period';
import type { ScopeQuery } from '../../core/protocol/scores';
import type { SessionJson } from '../../core/protocol/sessions';
import { errorText } from '../api/error-text';
import { label } from '../i18n/label';
import { navigate } from '../router';
import { AlertsPanel } from './AlertsPanel';
import { BlockFigures } from './BlockFigures';
import { CriterionTable } from './CriterionTable';
import { EnrolmentPanel } from './EnrolmentPanel';
import { ExportPanel } from './ExportPanel';
import { FiltersBar } from './FiltersBar';
import { day } from './format';
import { IndexTiles } from './IndexTiles';
import { KioskBreakdown } from './KioskBreakdown';
import { QualityPanel } from './QualityPanel';
import { ReportPrintHeader, ReportPrintNotes } from './ReportPrint';
import { ResponseRate } from './ResponseRate';
import { ResponsesPanel } from './ResponsesPanel';
import { SampleProgress } from './SampleProgress';
import { SiteRanking } from './SiteRanking';
import { TrendChart } from './TrendChart';
import type { Filters } from './types';
import { useApi } from './use-api';

const TREND_DAYS = 30;
/** The dashboard opens on the last 30 days: on the 2nd of a month the calendar month is two days. */
const OPENING_DAYS = 30;

export function Dashboard({ me, onSignOut }: { me: SessionJson; onSignOut: () => void }) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const lang = i18n.language;
  const sites = me.user.sites;
  const [filters, setFilters] = useState<Filters>(() => {
    // The desks' own day (Vietnam's), whatever the zone of the computer the supervisor uses.
    const today = localDay(new Date());
    // Compared with the same days a year earlier, as the city's report does.
    return { formId: 'sipas-2017', siteId: '', period: 'custom', from: addDays(today, -(OPENING_DAYS - 1)), to: today, compare: 'year' };
  });
  const [reload, setReload] = useState(0);

  const forms = useApi('GET /api/v1/scores/forms');
  const range = periodRange(filters.period, filters.from, filters.to);
  const base: ScopeQuery = { form: filters.formId, sites: filters.siteId || undefined, period: filters.period, from: filters.from, to: filters.period === 'custom' ? filters.to : undefined };
  // A day or a week is too short for a trend: the chart then shows the 30 days up to its end.
  const trendWindow = filters.period === 'day' || filters.period === 'week' ? { from: addDays(range.to, -(TREND_DAYS - 1)), to: range.to } : range;

  const compare = filters.compare || undefined;
  const main = useApi('GET /api/v1/scores', { query: { ...base, breakdown: 'element', compare } }, reload);
  const bySite = useApi('GET /api/v1/scores', { query: { ...base, breakdown: 'site', compare } }, reload);
  // Blocks only mean something across sites: not asked for when one site is chosen.
  const multi = !filters.siteId && sites.length > 1;
  const byKind = useApi(multi ? 'GET /api/v1/scores' : null, { query: { ...base, breakdown: 'kind', compare } }, reload);
  const baseline = compare ? baselineRange(filters.period, range, compare) : null;
  const byDay = useApi(
    'GET /api/v1/scores',
    { query: { form: filters.formId, sites: base.sites, period: 'custom', from: trendWindow.from, to: trendWindow.to, breakdown: 'day' } },
    reload,
  );
  const quality = useApi('GET /api/v1/quality', { query: { ...base, limit: 200 } }, reload);
  // Refusals are of interviews only: a kiosk form has no response rate to ask for.
  const interviewForm = forms.data?.forms.find((f) => f.id === filters.formId)?.kind !== 'kiosk';
  const rate = useApi(interviewForm ? 'GET /api/v1/response-rate' : null, { query: base }, reload);

  const scores = main.data;
  const kiosk = scores?.form.kind === 'kiosk';
  const scopeName = filters.siteId ? (sites.find((s) => s.id === filters.siteId)?.name ?? '') : t('filters.allSites', { count: sites.length });
  const firstError = main.error ?? bySite.error ?? byKind.error ?? byDay.error ?? quality.error ?? rate.error;
  const loading = main.loading || bySite.loading || byKind.loading || byDay.loading || quality.loading || rate.loading;
  const siteById = useMemo(() => new Map(sites.map((s) => [s.id, s])), [sites]);

  return (
    <main className="sv-page" data-testid="sv-dashboard">
      <div className="sv-header">
        <h1>{t('title')}</h1>
        <div className="sv-user">
          <span data-testid="sv-user">
            <strong>{me.user.displayName}</strong> · {t(`header.role_${me.user.role}`)}
          </span>
          <a className="btn btn-small" href="/admin" onClick={(e) => (e.preventDefault(), navigate('/admin'))} data-testid="sv-to-console">
            {t('header.console')}
          </a>
          <button type="button" className="btn btn-small" onClick={onSignOut} data-testid="sv-logout">
            {t('header.logout')}
          </button>
        </div>
      </div>

      <FiltersBar filters={filters} onChange={setFilters} forms={forms.data?.forms ?? []} sites={sites} />
      <ReportPrintHeader formTitle={scores ? label(scores.form.title, lang) : filters.formId} scope={base} />

      <div className="sv-scope">
        <p aria-live="polite">
        <span>{scopeName}</span>
        <span aria-hidden="true"> · </span>
        <span data-testid="sv-period">{range.from === range.to ? day(range.from, lang) : t('filters.range', { from: day(range.from, lang), to: day(range.to, lang) })}</span>
        {scores && (
          <>
            <span aria-hidden="true"> · </span>
            <span data-testid="sv-responses">{t('figures.responses', { count: scores.responses, formatted: scores.responses.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}</span>
          </>
        )}
        {baseline && compare && (
          <>
            <br />
            <span className="sv-baseline" data-testid="sv-baseline">
              {t(`compare.baseline_${compare}`, { from: day(baseline.from, lang), to: day(baseline.to, lang) })}
              {scores?.comparison && ` · ${t('figures.responses', { count: scores.comparison.responses, formatted: scores.comparison.responses.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}`}
            </span>
          </>
        )}
        </p>
        <button type="button" className="btn btn-small" onClick={() => setReload((n) => n + 1)} disabled={loading}>
          {loading ? t('loading') : t('filters.refresh')}
        </button>
      </div>
      {firstError != null && (
        <p className="sv-note sv-note-error" role="alert">
          {errorText(firstError, lang, 'staff')}
        </p>
      )}

      {/* Kiosk alerts (issue 11): whatever form and period are chosen; shown only while there are some. */}
      <AlertsPanel siteById={siteById} />

      {scores && (
        <section aria-labelledby="sv-tiles-title" data-testid="sv-tiles">
          <h2 id="sv-tiles-title" className="sr-only">
            {t('figures.tiles')}
          </h2>
          <IndexTiles scores={scores} />
        </section>
      )}

      {multi && byKind.data && (
        <section className="sv-card" aria-labelledby="sv-blocks-title" data-testid="sv-blocks">
          <h2 id="sv-blocks-title">{t('blocks.title')}</h2>
          <BlockFigures scores={byKind.data} />
        </section>
      )}

      <div className="sv-grid sv-grid-2">
        <div className="sv-col">
          <section className="sv-card sv-trend" aria-labelledby="sv-trend-title">
            <h2 id="sv-trend-title">{t('trend.title')}</h2>
            <TrendChart groups={byDay.data?.groups ?? []} from={trendWindow.from} to={trendWindow.to} kiosk={kiosk} />
          </section>
          <section className="sv-card" aria-labelledby="sv-criteria-title">
            <h2 id="sv-criteria-title">{t(kiosk ? 'kiosk.title' : 'criteria.title')}</h2>
            {scores?.index && <CriterionTable index={scores.index} comparison={scores.comparison} />}
            {scores?.kiosk && <KioskBreakdown kiosk={scores.kiosk} />}
          </section>
        </div>
        <div className="sv-col">
          <section className="sv-card" aria-labelledby="sv-ranking-title">
            <h2 id="sv-ranking-title">{t('ranking.title')}</h2>
            <SiteRanking groups={bySite.data?.groups ?? []} siteById={siteById} compare={bySite.data?.comparison?.compare} />
          </section>
          <section className="sv-card" aria-labelledby="sv-sample-title">
            <h2 id="sv-sample-title">{t('sample.title')}</h2>
            <SampleProgress groups={bySite.data?.groups ?? []} sites={filters.siteId ? sites.filter((s) => s.id === filters.siteId) : sites} period={range} />
          </section>
        </div>
      </div>

      {interviewForm && rate.data && (
        <section className="sv-card" aria-labelledby="sv-rate-title" data-testid="sv-rate">
          <h2 id="sv-rate-title">{t('rate.title')}</h2>
          <ResponseRate data={rate.data} siteById={siteById} />
        </section>
      )}

      <section className="sv-card" aria-labelledby="sv-quality-title">
        <h2 id="sv-quality-title">{t('quality.title')}</h2>
        <QualityPanel quality={quality.data} siteById={siteById} />
      </section>

      <section className="sv-card" aria-labelledby="sv-responses-title" data-testid="sv-responses-list">
        <h2 id="sv-responses-title">{t('responses.title')}</h2>
        <ResponsesPanel scope={base} siteById={siteById} reload={reload} onChanged={() => setReload((n) => n + 1)} />
      </section>

      <div className="sv-grid sv-grid-2">
        <section className="sv-card" aria-labelledby="sv-export-title">
          <h2 id="sv-export-title">{t('exports.title')}</h2>
          <ExportPanel filters={filters} range={range} sites={sites} />
        </section>
        <section className="sv-card" aria-labelledby="sv-enrol-title">
          <h2 id="sv-enrol-title">{t('enrol.title')}</h2>
          <EnrolmentPanel sites={sites} defaultSiteId={filters.siteId} />
        </section>
      </div>
      <ReportPrintNotes />
    </main>
  );
}
