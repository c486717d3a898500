// Every response of the scope, newest first, filtered by enumerator, procedure or flag, each opening its answers (issue 11).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import { RESPONSE_LIST_FLAGS, type ResponseListFlag, type ResponseListItem } from '../../core/protocol/responses';
import type { ScopeQuery } from '../../core/protocol/scores';
import type { SiteJson } from '../../core/protocol/sites';
import { staffApi } from '../api/staff';
import { errorText } from '../api/error-text';
import { label } from '../i18n/label';
import { BreakdownTable } from './BreakdownTable';
import { minutes } from './format';
import { ResponseDrawer } from './ResponseDrawer';
import { useApi } from './use-api';

interface Props {
  scope: ScopeQuery;
  siteById: Map<string, SiteJson>;
  reload: number;
  /** A response was excluded or restored: the scores change. */
  onChanged: () => void;
}

export function ResponsesPanel({ scope, siteById, reload, onChanged }: Props) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const lang = i18n.language;
  const [enumerator, setEnumerator] = useState('');
  const [procedure, setProcedure] = useState('');
  const [flag, setFlag] = useState<ResponseListFlag | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const [more, setMore] = useState<{ items: ResponseListItem[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);

  const byEnumerator = useApi('GET /api/v1/scores', { query: { ...scope, breakdown: 'enumerator' } }, reload);
  const byProcedure = useApi('GET /api/v1/scores', { query: { ...scope, breakdown: 'procedure' } }, reload);
  const query = { ...scope, enumerator: enumerator || undefined, procedure: procedure || undefined, flag: flag || undefined };
  const first = useApi('GET /api/v1/responses', { query }, reload);
  const firstPage = first.data;
  // A new first page (filters, reload) starts the list again.
  useEffect(() => setMore(null), [firstPage]);

  const items = [...(firstPage?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (firstPage?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await staffApi.call('GET /api/v1/responses', { query: { ...query, cursor } });
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.nextCursor }));
      setMoreError(null);
    } catch (e) {
      setMoreError(e);
    }
  };
  const enumerators = (byEnumerator.data?.groups ?? []).filter((g) => g.key !== '');
  const procedures = (byProcedure.data?.groups ?? []).filter((g) => g.key !== '');
  const kiosk = byEnumerator.data?.form.kind === 'kiosk';

  return (
    <>
      {!kiosk && (
        <div className="sv-grid sv-grid-2">
          <BreakdownTable title={t('responses.byEnumerator')} groups={byEnumerator.data?.groups ?? null} testId="sv-by-enumerator" />
          <BreakdownTable title={t('responses.byProcedure')} groups={byProcedure.data?.groups ?? null} testId="sv-by-procedure" codes />
        </div>
      )}
      <div className="sv-filters sv-responses-filters" role="group" aria-label={t('responses.filters')}>
        {!kiosk && (
          <>
            <label className="sv-field">
              {t('responses.enumerator')}
              <select value={enumerator} onChange={(e) => setEnumerator(e.target.value)} data-testid="sv-responses-enumerator">
                <option value="">{t('responses.everyone')}</option>
                {enumerators.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.label ? label(g.label, lang) : g.key}
                  </option>
                ))}
              </select>
            </label>
            <label className="sv-field">
              {t('responses.procedure')}
              <select value={procedure} onChange={(e) => setProcedure(e.target.value)} data-testid="sv-responses-procedure">
                <option value="">{t('responses.allProcedures')}</option>
                {procedures.map((g) => (
                  <option key={g.key} value={g.key}>
                    {g.key} · {label(g.label ?? undefined, lang)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="sv-field">
          {t('responses.flag')}
          <select value={flag} onChange={(e) => setFlag(e.target.value as ResponseListFlag | '')} data-testid="sv-responses-flag">
            <option value="">{t('responses.anyFlag')}</option>
            {RESPONSE_LIST_FLAGS.map((f) => (
              <option key={f} value={f}>
                {t(`responses.flag_${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {first.error != null && <p className="sv-note sv-note-error">{errorText(first.error, lang, 'staff')}</p>}
      {!firstPage && first.error == null && <p className="muted">{t('loading')}</p>}
      {firstPage && items.length === 0 && <p className="sv-clean">{t('responses.none')}</p>}
      {items.length > 0 && (
        <div className="sv-scroll" tabIndex={0}>
          <table className="sv-table sv-responses" data-testid="sv-responses-table">
            <thead>
              <tr>
                <th scope="col">{t('quality.completed')}</th>
                <th scope="col">{t('ranking.site')}</th>
                <th scope="col">{t('responses.enumerator')}</th>
                <th scope="col">{t('responses.procedure')}</th>
                <th scope="col" className="num">
                  {t('quality.duration')}
                </th>
                <th scope="col">{t('quality.flags')}</th>
                <th scope="col">
                  <span className="sr-only">{t('quality.open')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => {
                const site = siteById.get(r.siteId);
                return (
                  <tr key={r.id} className={r.excluded ? 'sv-excluded' : undefined} data-testid="sv-response-row">
                    <td className="sv-nowrap">{formatDateTime(r.completedAt, lang, site?.timeZone)}</td>
                    <td>{site?.name ?? r.siteId}</td>
                    <td>{r.enumerator ? (r.enumerator.name ?? r.enumerator.id) : '—'}</td>
                    <td>{r.procedure ? `${r.procedure.code} · ${r.procedure.name}` : '—'}</td>
                    <td className="num sv-nowrap">{t('quality.minutes', { value: minutes(r.durationMs, lang) })}</td>
                    <td>
                      {r.excluded && (
                        <span className="sv-flag sv-flag-excluded" title={r.excluded.note ?? undefined}>
                          {t(r.excluded.reason === 'supervisor' ? 'responses.excludedBySupervisor' : 'responses.excludedByServer')}
                        </span>
                      )}
                      {r.flags.map((f) => (
                        <span key={f} className={`sv-flag sv-flag-${f}`}>
                          {t(`quality.flag_${f}`)}
                        </span>
                      ))}
                    </td>
                    <td>
                      <button type="button" className="btn btn-small" onClick={() => setOpen(r.id)}>
                        {t('quality.open')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <button type="button" className="btn btn-small" onClick={() => void loadMore()} data-testid="sv-responses-more">
          {t('responses.more')}
        </button>
      )}
      {moreError != null && <p className="sv-note sv-note-error">{errorText(moreError, lang, 'staff')}</p>}
      {open && <ResponseDrawer id={open} onClose={() => setOpen(null)} onChanged={onChanged} />}
    </>
  );
}
