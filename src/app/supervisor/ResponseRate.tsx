// Interviews, refusals and the response rate (issue 11 item 4) per site and per enumerator, from GET /api/v1/response-rate:
// how many of the people asked were interviewed, which a score alone cannot tell.
import { useTranslation } from 'react-i18next';
import { REFUSAL_REASONS, type RateFigures, type ResponseRateJson } from '../../core/protocol/refusals';
import type { SiteJson } from '../../core/protocol/sites';
import { num, pct } from './format';

function Cells({ f, lang }: { f: RateFigures; lang: string }) {
  return (
    <>
      <td className="num">{num(f.interviews, lang)}</td>
      <td className="num">{num(f.refusals, lang)}</td>
      <td className="num" data-testid="rate">
        {f.rate === null ? '—' : pct(f.rate * 100, lang, 1)}
      </td>
    </>
  );
}

function Head({ first, second }: { first: string; second?: string }) {
  const { t } = useTranslation('supervisor');
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {second && <th scope="col">{second}</th>}
        <th scope="col" className="num">
          {t('rate.interviews')}
        </th>
        <th scope="col" className="num">
          {t('rate.refusals')}
        </th>
        <th scope="col" className="num">
          {t('rate.rate')}
        </th>
      </tr>
    </thead>
  );
}

export function ResponseRate({ data, siteById }: { data: ResponseRateJson; siteById: ReadonlyMap<string, SiteJson> }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const { total } = data;
  return (
    <>
      <p className="sv-help" data-testid="rate-total">
        {total.rate === null
          ? t('rate.nobody')
          : t('rate.summary', { count: total.interviews, rate: pct(total.rate * 100, lang, 1), interviews: num(total.interviews, lang), asked: num(total.interviews + total.refusals, lang) })}
        {total.refusals > 0 && (
          <>
            {' '}
            {t('rate.reasons', {
              list: REFUSAL_REASONS.filter((r) => total.reasons[r] > 0)
                .map((r) => `${t(`rate.reason_${r}`)}: ${num(total.reasons[r], lang)}`)
                .join(' · '),
            })}
          </>
        )}
      </p>
      <div className="sv-rate-tables">
        <table className="sv-table" data-testid="rate-sites">
          <caption>{t('rate.bySite')}</caption>
          <Head first={t('ranking.site')} />
          <tbody>
            {data.sites.map((s) => (
              <tr key={s.siteId} data-testid={`rate-site-${s.code}`}>
                <th scope="row" className="sv-site-cell">
                  <span className="sv-site-name">{s.name}</span>
                  <span className="sv-site-meta">{s.code}</span>
                </th>
                <Cells f={s} lang={lang} />
              </tr>
            ))}
          </tbody>
        </table>
        <table className="sv-table" data-testid="rate-enumerators">
          <caption>{t('rate.byEnumerator')}</caption>
          <Head first={t('rate.enumerator')} second={t('ranking.site')} />
          <tbody>
            {data.enumerators.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  {t('rate.noEnumerators')}
                </td>
              </tr>
            )}
            {data.enumerators.map((e) => (
              <tr key={`${e.siteId}|${e.enumeratorId}`} data-testid="rate-enumerator">
                <th scope="row">{e.name ?? t('rate.unknownEnumerator')}</th>
                <td>{siteById.get(e.siteId)?.code ?? e.siteId}</td>
                <Cells f={e} lang={lang} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
