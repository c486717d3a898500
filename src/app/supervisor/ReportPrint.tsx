// The dashboard as a report on paper: a print-only title and method notes around the figures print.css keeps (Save as PDF gives the report).
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import type { ScopeQuery } from '../../core/protocol/scores';
import { staffApi } from '../api/staff';
import './print.css';

/** Screen: print (and Save as PDF) or the same report as Excel. Paper: the report's title block. */
export function ReportPrintHeader({ formTitle, scope }: { formTitle: string; scope: ScopeQuery }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <>
      <div className="sv-print-action row-actions">
        <button type="button" className="btn btn-small" onClick={() => window.print()} data-testid="sv-print">
          {t('print.button')}
        </button>
        <a className="btn btn-small" href={staffApi.urlOf('GET /api/v1/exports/report.xlsx', { query: { ...scope, lang } })} download data-testid="sv-report-xlsx">
          {t('print.xlsx')}
        </a>
      </div>
      <div className="sv-print-only" data-testid="sv-print-header">
        <p className="sv-print-kicker">{t('print.kicker')}</p>
        <p className="sv-print-title">{formTitle}</p>
        <p className="muted">{t('print.printedAt', { when: formatDateTime(new Date(), i18n.language) })}</p>
      </div>
    </>
  );
}

/** Paper only: how the figures are made, so the report can be read without the dashboard. */
export function ReportPrintNotes() {
  const { t } = useTranslation('supervisor');
  return (
    <section className="sv-print-only sv-print-notes" aria-labelledby="sv-print-notes-title" data-testid="sv-print-notes">
      <h2 id="sv-print-notes-title">{t('print.notesTitle')}</h2>
      <ul>
        {(['index', 'interval', 'small', 'units', 'compare', 'sample', 'excluded', 'time'] as const).map((k) => (
          <li key={k}>{t(`print.note_${k}`)}</li>
        ))}
      </ul>
    </section>
  );
}
