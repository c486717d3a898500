// The value, bar, n and interval columns every figure table of the dashboard shows, head and body written once.
import { useTranslation } from 'react-i18next';
import type { Compare } from '../../core/protocol/period';
import type { Figure } from '../../core/protocol/scores';
import type { Change } from '../../core/scoring/compare';
import { ChangeNote } from './ChangeNote';
import { FigureBar } from './FigureBar';
import { interval, num, pct } from './format';
import { SmallSample } from './SmallSample';

/** Header cells: the value (named by `valueLabel`), the bar column when `bar` is set, n and the 95% interval. */
export function FigureHeadCells({ valueLabel, bar = false }: { valueLabel: string; bar?: boolean }) {
  const { t } = useTranslation('supervisor');
  return (
    <>
      <th scope="col" className="num">
        {valueLabel}
      </th>
      {bar && (
        <th scope="col" className="sv-col-bar">
          <span className="sr-only">{t('ranking.bar')}</span>
        </th>
      )}
      <th scope="col" className="num">
        n
      </th>
      <th scope="col" className="num">
        {t('ranking.interval')}
      </th>
    </>
  );
}

/** Body cells matching FigureHeadCells with a bar: value with its small-sample mark (and change, when compared), bar, n, interval. */
export function FigureCells({ figure, lang, change, compare }: { figure: Figure; lang: string; change?: Change; compare?: Compare }) {
  return (
    <>
      <td className="num sv-strong">
        {pct(figure.value, lang)}
        <SmallSample show={figure.smallSample && figure.value !== null} />
        {compare && <ChangeNote change={change ?? figure.change} compare={compare} compact />}
      </td>
      <td className="sv-col-bar">
        <FigureBar figure={figure} />
      </td>
      <td className="num">{num(figure.n, lang)}</td>
      <td className="num sv-nowrap">{interval(figure, lang)}</td>
    </>
  );
}
