// Scores by enumerator or by procedure, with names, so a supervisor sees who and which procedure pulls the index (issue 11).
import { useTranslation } from 'react-i18next';
import type { Group } from '../../core/protocol/scores';
import { label } from '../i18n/label';
import { interval, num, pct } from './format';

interface Props {
  title: string;
  groups: Group[] | null;
  testId: string;
  /** Show the group's key (a procedure code) before its name. */
  codes?: boolean;
}

export function BreakdownTable({ title, groups, testId, codes }: Props) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const rows = [...(groups ?? [])].sort((a, b) => b.responses - a.responses);
  return (
    <div className="sv-scroll" tabIndex={0} role="region" aria-label={title}>
      <table className="sv-table" data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('responses.name')}</th>
            <th scope="col" className="num">
              {t('responses.count')}
            </th>
            <th scope="col" className="num">
              {t('responses.index')}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups === null && (
            <tr>
              <td colSpan={3} className="muted">
                {t('loading')}
              </td>
            </tr>
          )}
          {rows.map((g) => (
            <tr key={g.key}>
              <th scope="row">
                {g.key === '' ? t('responses.unnamed') : `${codes ? `${g.key} · ` : ''}${g.label ? label(g.label, lang) : codes ? '' : g.key}`}
              </th>
              <td className="num">{num(g.responses, lang)}</td>
              <td className="num sv-nowrap">
                {pct(g.value, lang)}
                {g.low !== null && <span className="muted"> {interval(g, lang)}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
