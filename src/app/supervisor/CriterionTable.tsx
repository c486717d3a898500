// Every criterion with its index, worst first: where the desk should improve.
import { useTranslation } from 'react-i18next';
import type { Compare } from '../../core/protocol/period';
import type { ScoresJson } from '../../core/protocol/scores';
import { label } from '../i18n/label';
import { FigureCells, FigureHeadCells } from './FigureCells';

export function CriterionTable({ index, comparison }: { index: NonNullable<ScoresJson['index']>; comparison?: ScoresJson['comparison'] }) {
  const compare: Compare | undefined = comparison?.compare;
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const rows = [...index.criteria].sort((a, b) => (a.value ?? 101) - (b.value ?? 101) || a.itemId.localeCompare(b.itemId));
  return (
    <div className="sv-scroll" tabIndex={0}>
      <table className="sv-table sv-criteria" data-testid="criteria-table">
        <thead>
          <tr>
            <th scope="col">{t('criteria.criterion')}</th>
            <FigureHeadCells valueLabel={t('ranking.index')} bar />
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.itemId}>
              <th scope="row" className="sv-criterion-cell">
                <span className="sv-code">{c.itemId}</span> {label(c.label, lang)}
              </th>
              <FigureCells figure={c} lang={lang} compare={compare} change={comparison?.criteria[c.itemId]} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
