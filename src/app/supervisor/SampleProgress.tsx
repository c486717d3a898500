// How far each site is from its sample target n = N / (1 + N·e²), with N (transactions in the period) typed by the supervisor.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../core/protocol/scores';
import type { SiteJson } from '../../core/protocol/sites';
import { sampleProgress } from '../../core/scoring/sample-size';
import { num, pct } from './format';
import { loadPopulation, savePopulation } from './population';

function Row({ site, collected }: { site: SiteJson; collected: number }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const [n, setN] = useState<number | null>(() => loadPopulation(site.id));
  const progress = n === null ? null : sampleProgress(collected, n);
  const inputId = `sv-n-${site.id}`;
  return (
    <tr data-testid={`sample-${site.code}`}>
      <th scope="row" className="sv-site-cell">
        <span className="sv-site-name">{site.name}</span>
        <span className="sv-site-meta">{site.code}</span>
      </th>
      <td>
        <label className="sr-only" htmlFor={inputId}>
          {t('sample.populationFor', { site: site.name })}
        </label>
        <input
          id={inputId}
          className="sv-n-input"
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          placeholder={t('sample.enterN')}
          value={n ?? ''}
          onChange={(e) => {
            const v = e.target.value === '' ? null : Math.max(0, Math.floor(Number(e.target.value)));
            const ok = v === null || Number.isFinite(v) ? v : null;
            setN(ok);
            savePopulation(site.id, ok);
          }}
        />
      </td>
      <td className="num">{progress ? num(progress.target, lang) : '—'}</td>
      <td className="num">{num(collected, lang)}</td>
      <td className="sv-progress-cell">
        {progress ? (
          <>
            <progress max={100} value={progress.percent} aria-label={t('sample.progressOf', { site: site.name })} />
            <span className={progress.reached ? 'sv-reached' : 'muted'}>
              {progress.reached ? `✓ ${t('sample.reached')}` : t('sample.remaining', { count: progress.remaining, formatted: num(progress.remaining, lang) })}
              {' · '}
              {pct(progress.percent, lang, 0)}
            </span>
          </>
        ) : (
          <span className="muted">{t('sample.needN')}</span>
        )}
      </td>
    </tr>
  );
}

export function SampleProgress({ groups, sites, periodKey }: { groups: Group[]; sites: SiteJson[]; periodKey: string }) {
  const { t } = useTranslation('supervisor');
  const collected = new Map(groups.map((g) => [g.key, g.responses]));
  return (
    <>
      <p className="muted sv-help">{t('sample.help')}</p>
      <div className="sv-scroll" tabIndex={0}>
        <table className="sv-table sv-sample" key={periodKey}>
          <thead>
            <tr>
              <th scope="col">{t('ranking.site')}</th>
              <th scope="col">{t('sample.population')}</th>
              <th scope="col" className="num">
                {t('sample.target')}
              </th>
              <th scope="col" className="num">
                {t('sample.collected')}
              </th>
              <th scope="col">{t('sample.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {sites.map((s) => (
              <Row key={s.id} site={s} collected={collected.get(s.id) ?? 0} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
