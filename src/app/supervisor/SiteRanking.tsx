// Sites ranked by their index, with the gap between the best and the worst: the figure reports talk about.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import type { Compare } from '../../core/protocol/period';
import type { Group } from '../../core/protocol/scores';
import type { SiteJson } from '../../core/protocol/sites';
import { FigureCells, FigureHeadCells } from './FigureCells';

export function SiteRanking({ groups, siteById, compare }: { groups: Group[]; siteById: Map<string, SiteJson>; compare?: Compare }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const ranked = [...groups].sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
  const scored = ranked.filter((g) => g.value !== null);
  const best = scored[0];
  const worst = scored[scored.length - 1];
  return (
    <>
      {scored.length >= 2 && best && worst ? (
        <p className="sv-gap" data-testid="ranking-gap">
          <span className="sv-gap-value">{formatNumber((best.value as number) - (worst.value as number), lang, 2)}</span>{' '}
          {t('ranking.gap', {
            best: siteById.get(best.key)?.name ?? best.key,
            worst: siteById.get(worst.key)?.name ?? worst.key,
          })}
        </p>
      ) : (
        <p className="muted">{t('ranking.gapNone')}</p>
      )}
      <table className="sv-table sv-ranking" data-testid="ranking-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {t('ranking.rank')}
            </th>
            <th scope="col">{t('ranking.site')}</th>
            <FigureHeadCells valueLabel={t('ranking.index')} bar />
          </tr>
        </thead>
        <tbody>
          {ranked.map((g, i) => {
            const site = siteById.get(g.key);
            return (
              <tr key={g.key}>
                <td className="num">{g.value === null ? '' : i + 1}</td>
                <th scope="row" className="sv-site-cell">
                  <span className="sv-site-name">{site?.name ?? g.label?.vi ?? g.key}</span>
                  <span className="sv-site-meta">
                    {site ? `${site.code} · ${t(`kinds.${site.kind}`)}` : ''}
                  </span>
                </th>
                <FigureCells figure={g} lang={lang} compare={compare} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
