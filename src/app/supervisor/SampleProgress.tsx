// How far each site is from its sample target n = N / (1 + N·e²), with N (transactions in the period) stored on the
// server per site and period, so every supervisor of the site and both reports read the same target.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { Group } from '../../core/protocol/scores';
import type { SiteJson } from '../../core/protocol/sites';
import type { TargetJson, TargetPeriod } from '../../core/protocol/targets';
import { sampleProgress } from '../../core/scoring/sample-size';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { day, num, pct } from './format';
import { takeLegacyPopulation } from './population';
import { useApi } from './use-api';

type Save = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'error'; error: unknown };

/** What was typed, as N: digits (spaces allowed) are a number; anything else goes to the server as it reads, to be refused there. */
function typedN(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (t === '') return null;
  return /^\d+$/.test(t) ? Number(t) : Number(t.replace(',', '.'));
}

function Row({ site, collected, period, stored, ready }: { site: SiteJson; collected: number; period: TargetPeriod; stored: TargetJson | null; ready: boolean }) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const lang = i18n.language;
  const [current, setCurrent] = useState(stored);
  const [text, setText] = useState(stored ? String(stored.population) : '');
  const [save, setSave] = useState<Save>({ state: 'idle' });
  // Enter then leaving the field is one change, not two requests.
  const inFlight = useRef(false);
  const typed = typedN(text);
  const shown = typed !== null && Number.isInteger(typed) && typed >= 0 ? typed : (current?.population ?? null);
  const progress = shown === null ? null : sampleProgress(collected, shown);
  const inputId = `sv-n-${site.id}`;
  const statusId = `sv-n-status-${site.id}`;

  const commit = async () => {
    const n = typedN(text);
    if (inFlight.current || (n === (current?.population ?? null) && save.state !== 'error')) return;
    inFlight.current = true;
    setSave({ state: 'saving' });
    try {
      if (n === null) {
        await staffApi.call('DELETE /api/v1/sites/:id/target', { params: { id: site.id }, query: period });
        setCurrent(null);
      } else {
        const saved = await staffApi.call('PUT /api/v1/sites/:id/target', { params: { id: site.id }, body: { period, population: n } });
        setCurrent(saved);
        setText(String(saved.population));
      }
      setSave({ state: 'saved' });
    } catch (error) {
      setSave({ state: 'error', error });
    } finally {
      inFlight.current = false;
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void commit();
    if (e.key === 'Escape') {
      setText(current ? String(current.population) : '');
      setSave({ state: 'idle' });
    }
  };

  return (
    <>
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
            type="text"
            inputMode="numeric"
            autoComplete="off"
            placeholder={t('sample.enterN')}
            value={text}
            disabled={!ready}
            aria-invalid={save.state === 'error'}
            aria-describedby={statusId}
            onChange={(e) => {
              setText(e.target.value);
              if (save.state !== 'saving') setSave({ state: 'idle' });
            }}
            onBlur={() => void commit()}
            onKeyDown={onKeyDown}
            data-testid="sample-n"
          />
          <span className="sv-print-only">{current ? num(current.population, lang) : '—'}</span>
          <span
            id={statusId}
            className="sv-n-status"
            aria-live="polite"
            data-testid="sample-n-status"
            data-state={save.state}
            title={current ? t('sample.savedBy', { by: current.updatedBy, when: formatDateTime(current.updatedAt, lang) }) : undefined}
          >
            {save.state === 'saving' && t('sample.saving')}
            {save.state === 'saved' && `✓ ${t('sample.saved')}`}
            {/* Who set N: the name under the field, the time beside it on hover. */}
            {save.state === 'idle' && current?.updatedBy}
          </span>
        </td>
        <td className="num" data-testid="sample-target">
          {progress ? num(progress.target, lang) : '—'}
        </td>
        <td className="num">{num(collected, lang)}</td>
        <td className="sv-progress-cell">
          {progress ? (
            <>
              <progress max={100} value={progress.percent} aria-label={t('sample.progressOf', { site: site.name })} />
              <span className={progress.reached ? 'sv-reached' : 'muted'}>
                {progress.reached ? `✓ ${t('sample.reached')}` : t('sample.remaining', { count: progress.remaining, formatted: num(progress.remaining, lang) })}
                {progress.achieved !== null && ` · ${pct(progress.achieved, lang, 0)}`}
              </span>
            </>
          ) : (
            <span className="muted">{t('sample.needN')}</span>
          )}
        </td>
      </tr>
      {save.state === 'error' && (
        <tr className="sv-n-error-row">
          <td colSpan={5}>
            <p className="sv-note sv-note-error" role="alert" data-testid="sample-n-error">
              {site.name}: {errorText(save.error, lang, 'staff')}
            </p>
          </td>
        </tr>
      )}
    </>
  );
}

/** Hands N that this browser kept (before targets were stored on the server) to the server once, for the period shown, where the server has none. */
function useLegacyMigration(sites: SiteJson[], period: TargetPeriod, stored: Map<string, TargetJson> | null, onMoved: () => void) {
  const done = useRef(false);
  useEffect(() => {
    if (!stored || done.current) return;
    done.current = true;
    const moves = sites.flatMap((s) => {
      const n = takeLegacyPopulation(s.id);
      return n === null || stored.has(s.id) ? [] : [staffApi.call('PUT /api/v1/sites/:id/target', { params: { id: s.id }, body: { period, population: n } })];
    });
    if (moves.length) void Promise.allSettled(moves).then(onMoved);
  }, [sites, period, stored, onMoved]);
}

export function SampleProgress({ groups, sites, period }: { groups: Group[]; sites: SiteJson[]; period: TargetPeriod }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const [reload, setReload] = useState(0);
  const [moved, setMoved] = useState(false);
  const answer = useApi('GET /api/v1/targets', { query: { period: 'custom', from: period.from, to: period.to } }, reload);
  // The answer of an earlier period must not fill this one's rows while the new one loads.
  const current = answer.data && answer.data.period.from === period.from && answer.data.period.to === period.to ? answer.data : null;
  const stored = current ? new Map(current.targets.map((x) => [x.siteId, x])) : null;
  useLegacyMigration(sites, period, stored, () => {
    setMoved(true);
    setReload((n) => n + 1);
  });
  const collected = new Map(groups.map((g) => [g.key, g.responses]));
  const periodText = period.from === period.to ? day(period.from, lang) : t('filters.range', { from: day(period.from, lang), to: day(period.to, lang) });
  return (
    <>
      <p className="muted sv-help">{t('sample.help', { period: periodText })}</p>
      {moved && <p className="sv-note">{t('sample.moved')}</p>}
      {answer.error != null && !current && (
        <p className="sv-note sv-note-error" role="alert">
          {errorText(answer.error, lang, 'staff')}
        </p>
      )}
      <div className="sv-scroll" tabIndex={0}>
        <table className="sv-table sv-sample" data-testid="sample-table" aria-busy={!current}>
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
              // A new period, or a stored N arriving from the server, starts the row afresh from what is stored.
              <Row key={`${s.id}|${period.from}|${period.to}|${stored ? (stored.get(s.id)?.updatedAt ?? 'none') : 'loading'}`} site={s} collected={collected.get(s.id) ?? 0} period={period} stored={stored?.get(s.id) ?? null} ready={stored !== null} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
