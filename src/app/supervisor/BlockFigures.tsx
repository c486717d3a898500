// The city figure and the blocks (sở/ngành, quận/huyện, xã/phường): the mean of the units beside all responses pooled, and the gap.
import { useTranslation } from 'react-i18next';
import type { Compare } from '../../core/protocol/period';
import type { Figure, ScoresJson, UnitMeanJson } from '../../core/protocol/scores';
import { ChangeNote, MeanChange } from './ChangeNote';
import { num, pct, points } from './format';
import { SmallSample } from './SmallSample';

interface Row {
  key: string;
  name: string;
  pooled: Figure;
  /** Absent for a block of one unit: its mean is that unit's figure. */
  mean: UnitMeanJson | undefined;
  units: number;
}

function Cells({ row, compare, lang }: { row: Row; compare: Compare | undefined; lang: string }) {
  const { t } = useTranslation('supervisor');
  const mean = row.mean;
  const gap = mean && mean.units >= 2 && mean.high !== null && mean.low !== null ? mean.high - mean.low : null;
  return (
    <>
      <td className="num sv-strong" data-testid="block-mean">
        {mean ? pct(mean.value, lang) : pct(row.pooled.value, lang)}
        {compare && mean?.change && <MeanChange points={mean.change.points} compare={compare} />}
        {compare && !mean && row.pooled.change && <MeanChange points={row.pooled.change.points} compare={compare} />}
      </td>
      <td className="num sv-strong" data-testid="block-pooled">
        {pct(row.pooled.value, lang)}
        <SmallSample show={row.pooled.smallSample && row.pooled.value !== null} />
        {compare && <ChangeNote change={row.pooled.change} compare={compare} compact />}
      </td>
      <td className="num">{num(row.pooled.n, lang)}</td>
      <td className="num">{mean ? t('blocks.unitsOf', { scored: mean.units, count: row.units }) : num(row.units, lang)}</td>
      <td className="num sv-nowrap" data-testid="block-gap">
        {gap === null ? <span className="muted">{t('blocks.gapNone')}</span> : t('blocks.points', { points: points(gap, lang) })}
      </td>
    </>
  );
}

export function BlockFigures({ scores }: { scores: ScoresJson }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const compare = scores.comparison?.compare;
  const city: Row = { key: 'all', name: t('blocks.all'), pooled: scores.headline, mean: scores.unitMean, units: scores.sites.length };
  const blocks: Row[] = scores.groups.map((g) => ({ key: g.key, name: t(`kinds.${g.key}`), pooled: g, mean: g.unitMean, units: g.siteIds?.length ?? 0 }));
  return (
    <>
      <p className="sv-help muted">{t('blocks.help')}</p>
      <div className="sv-scroll-x">
        <table className="sv-table sv-blocks" data-testid="blocks-table">
          <thead>
            <tr>
              <th scope="col">{t('blocks.block')}</th>
              <th scope="col" className="num">
                {t('blocks.unitMean')}
              </th>
              <th scope="col" className="num">
                {t('blocks.pooled')}
              </th>
              <th scope="col" className="num">
                n
              </th>
              <th scope="col" className="num">
                {t('blocks.units')}
              </th>
              <th scope="col" className="num">
                {t('blocks.gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[city, ...blocks].map((row) => (
              <tr key={row.key} className={row.key === 'all' ? 'sv-blocks-all' : undefined} data-testid={`block-${row.key}`}>
                <th scope="row">{row.name}</th>
                <Cells row={row} compare={compare} lang={lang} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {compare && <p className="sv-help muted sv-blocks-note">{t('blocks.meanChangeNote')}</p>}
    </>
  );
}
