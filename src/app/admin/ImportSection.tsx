// The import of sites and people from the template (admin): download it, pick the filled file, see every row's
// outcome and every error by row and column in a dry run, and apply only a file whose rows are all valid.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import { IMPORT_COLUMNS, MAX_PEOPLE_IMPORT_BYTES, type ImportCellError, type ImportOutcome, type PeopleImportAnswer } from '../../core/protocol/people-import';
import { failureOf } from '../api/error-text';
import { staffApi } from '../api/staff';
import { canApply, importCellKey, importContentType, sortedImportRows } from './console-logic';
import type { Scope } from './scope';
import { AdminTable, FilePicker, Note, useAction } from './ui';

const OUTCOMES: ImportOutcome[] = ['create', 'update', 'unchanged', 'error'];

/** A refused cell in the person's words (from its code), the server's English kept as the tooltip. */
function CellError({ error }: { error: ImportCellError }) {
  const { t } = useTranslation('admin');
  const key = importCellKey(error);
  if (!key) return <span lang="en">{error.message}</span>;
  return <span title={error.message}>{t(key, { defaultValue: error.message })}</span>;
}

export function ImportSection({ scope }: { scope: Scope }) {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const lang = i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [answer, setAnswer] = useState<PeopleImportAnswer | null>(null);
  const action = useAction();

  async function send(apply: boolean) {
    if (!file) {
      setFileProblem('file');
      return;
    }
    const type = importContentType(file.name);
    if (!type) {
      setFileProblem('fileType');
      return;
    }
    if (file.size > MAX_PEOPLE_IMPORT_BYTES) {
      setFileProblem('fileTooLarge');
      return;
    }
    setFileProblem(undefined);
    if (!apply) setAnswer(null);
    await action.run(async () => {
      const bytes = await file.arrayBuffer();
      const post = (query: { apply?: string }) => staffApi.call('POST /api/v1/imports/people', { body: bytes, contentType: type, query, timeoutMs: 120_000 });
      try {
        const r = await post(apply ? { apply: '1' } : {});
        setAnswer(r);
        if (r.applied) scope.reloadSites();
      } catch (e) {
        // Refused at apply (400.5): the server's data changed since the check. A fresh dry run shows the rows as they
        // are now, under the message that nothing was written.
        const f = failureOf(e);
        if (apply && f?.kind === 'problem' && f.code === '400.5') setAnswer(await post({}).catch(() => null));
        throw e;
      }
    });
  }

  const rows = answer ? sortedImportRows(answer.rows) : [];
  return (
    <>
      <section className="sv-card" aria-labelledby="ad-import-title">
        <h2 id="ad-import-title">{t('import.title')}</h2>
        <p className="muted sv-help">{t('import.help')}</p>
        <ol className="ad-steps">
          <li>
            {t('import.step1')}{' '}
            <span className="ad-actions">
              <a className="btn btn-small" href={staffApi.urlOf('GET /api/v1/imports/people/template.xlsx')} download data-testid="import-template-xlsx">
                {t('import.templateXlsx')}
              </a>
              <a className="btn btn-small" href={staffApi.urlOf('GET /api/v1/imports/people/template.csv')} download data-testid="import-template-csv">
                {t('import.templateCsv')}
              </a>
            </span>
            <span className="sv-site-meta">
              {t('import.columns', { sites: IMPORT_COLUMNS.sites.join(', '), people: IMPORT_COLUMNS.people.join(', ') })}
            </span>
          </li>
          <li>
            <FilePicker
              label={t('import.step2')}
              problem={fileProblem}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              file={file}
              onPick={(picked) => {
                setFile(picked);
                setAnswer(null);
                setFileProblem(undefined);
                action.clear();
              }}
              choose={t('import.choose')}
              none={t('import.noFile')}
              testId="import-file"
            />
          </li>
          <li>
            {t('import.step3')}{' '}
            <span className="ad-actions">
              <button type="button" className="btn btn-small btn-primary" onClick={() => void send(false)} disabled={action.busy || !file} data-testid="import-check">
                {t('import.check')}
              </button>
              <button type="button" className="btn btn-small" onClick={() => void send(true)} disabled={action.busy || !canApply(answer)} data-testid="import-apply">
                {t('import.apply')}
              </button>
            </span>
          </li>
        </ol>
        <Note error={action.error} />
        {action.busy && (
          <p className="muted" role="status">
            {t('import.working')}
          </p>
        )}
      </section>
      {answer && (
        <section className="sv-card" aria-labelledby="ad-import-result" data-testid="import-result">
          <h2 id="ad-import-result">{t(answer.applied ? 'import.appliedTitle' : 'import.dryRunTitle')}</h2>
          <p className={answer.counts.error > 0 ? 'sv-note sv-note-error' : 'sv-note'} role="status" data-testid="import-verdict">
            {answer.applied ? t('import.applied') : answer.counts.error > 0 ? t('import.hasErrors', { count: answer.counts.error }) : rows.length === 0 ? t('import.emptyFile') : t('import.clean')}
          </p>
          <ul className="ad-counts">
            {OUTCOMES.map((o) => (
              <li key={o} className={`ad-outcome ad-outcome-${o}`} data-testid={`import-count-${o}`}>
                {t(`import.outcome_${o}`)}: <strong>{formatNumber(answer.counts[o], lang, 0)}</strong>
              </li>
            ))}
          </ul>
          {rows.length > 0 && (
            <AdminTable
              columns={[t('import.sheet'), { label: t('import.row'), num: true }, t('import.key'), t('import.outcome'), t('import.errors')]}
              region={t('import.rowsLabel')}
              tall
              testId="import-rows"
            >
              {rows.map((r) => (
                <tr key={`${r.sheet}-${r.row}`} className={r.outcome === 'error' ? 'ad-row-error' : undefined} data-testid={`import-row-${r.sheet}-${r.row}`}>
                  <td>{t(`import.sheet_${r.sheet}`)}</td>
                  <td className="num">{r.row}</td>
                  <th scope="row" className="ad-mono" lang="en">
                    {r.key || '—'}
                  </th>
                  <td>
                    <span className={`ad-badge ad-outcome-${r.outcome}`}>{t(`import.outcome_${r.outcome}`)}</span>
                  </td>
                  <td>
                    {r.errors.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="ad-cell-errors">
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            <span className="ad-mono" lang="en">
                              {e.column}
                            </span>
                            : <CellError error={e} />
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </AdminTable>
          )}
        </section>
      )}
    </>
  );
}
