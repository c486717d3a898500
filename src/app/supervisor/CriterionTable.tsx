// Every criterion with its index, worst first: where the desk should improve.
import { useTranslation } from 'react-i18next';
import { label } from '../i18n/label';
import { FigureBar } from './FigureBar';
import { interval, num, pct } from './format';
import { SmallSample } from './SmallSample';
import type { ScoresJson } from './types';

export function CriterionTable({ index }: { index: NonNullable<ScoresJson['index']> }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const rows = [...index.criteria].sort((a, b) => (a.value ?? 101) - (b.value ?? 101) || a.itemId.localeCompare(b.itemId));
  return (
    <div className="sv-scroll" tabIndex={0}>
      <table className="sv-table sv-criteria" data-testid="criteria-table">
        <thead>
          <tr>
            <th scope="col">{t('criteria.criterion')}</th>
            <th scope="col" className="num">
              {t('ranking.index')}
            </th>
            <th scope="col" className="sv-col-bar">
              <span className="sr-only">{t('ranking.bar')}</span>
            </th>
            <th scope="col" className="num">
              n
            </th>
            <th scope="col" className="num">
              {t('ranking.interval')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.itemId}>
              <th scope="row" className="sv-criterion-cell">
                <span className="sv-code">{c.itemId}</span> {label(c.label, lang)}
              </th>
              <td className="num sv-strong">
                {pct(c.value, lang)}
                <SmallSample show={c.smallSample && c.value !== null} />
              </td>
              <td className="sv-col-bar">
                <FigureBar figure={c} />
              </td>
              <td className="num">{num(c.n, lang)}</td>
              <td className="num sv-nowrap">{interval(c, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
