// The hand-carried file from a tablet with no network (supervisor or admin): pick the file the tablet exported,
// import it, and see what was stored, what was already there and every item the server did not take, with why.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import { HAND_CARRY_FORMAT, HAND_CARRY_VERSIONS, type HandCarryFile, type ImportAnswer } from '../../core/protocol/hand-carry';
import { MAX_IMPORT_BYTES } from '../../core/protocol/limits';
import { VERDICT_STATUSES, type Verdict } from '../../core/protocol/verdicts';
import { problemText } from '../api/problem-text';
import { staffApi } from '../api/staff';
import { AdminTable, FilePicker, Note, useAction } from './ui';

/** What the picked file is, read in the browser before anything is sent: a hand-carry file, or the reason it is not. */
async function readHandCarry(file: File): Promise<{ ok: true; body: HandCarryFile } | { ok: false; problem: string }> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problem: 'handCarryTooLarge' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { ok: false, problem: 'handCarryFile' };
  }
  const f = parsed as Partial<HandCarryFile> | null;
  if (!f || typeof f !== 'object' || f.format !== HAND_CARRY_FORMAT || !Array.isArray(f.responses)) return { ok: false, problem: 'handCarryFile' };
  if (!HAND_CARRY_VERSIONS.some((v) => v === f.version)) return { ok: false, problem: 'handCarryVersion' };
  return { ok: true, body: f as HandCarryFile };
}

interface Taken {
  kind: 'response' | 'refusal';
  verdict: Verdict;
}

export function HandCarrySection() {
  const { t, i18n } = useTranslation(['admin', 'problems']);
  const lang = i18n.language;
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const action = useAction();

  async function send() {
    if (!file) {
      setFileProblem('handCarryMissing');
      return;
    }
    const read = await readHandCarry(file);
    if (!read.ok) {
      setFileProblem(read.problem);
      return;
    }
    setFileProblem(undefined);
    setAnswer(null);
    await action.run(async () => setAnswer(await staffApi.call('POST /api/v1/imports', { body: read.body, timeoutMs: 120_000 })));
  }

  const notTaken: Taken[] = answer
    ? [
        ...answer.results.filter((v) => v.status === 'conflict' || v.status === 'rejected').map((verdict) => ({ kind: 'response' as const, verdict })),
        ...answer.refusals.filter((v) => v.status === 'conflict' || v.status === 'rejected').map((verdict) => ({ kind: 'refusal' as const, verdict })),
      ]
    : [];
  const count = (verdicts: readonly Verdict[], status: Verdict['status']) => formatNumber(verdicts.filter((v) => v.status === status).length, lang);
  const stored = answer ? [...answer.results, ...answer.refusals].filter((v) => v.status === 'accepted').length : 0;
  const summary = notTaken.length > 0 ? t('handCarry.someNotTaken', { count: notTaken.length }) : stored === 0 ? t('handCarry.nothingNew') : t('handCarry.allTaken', { count: stored });

  return (
    <section className="sv-card" aria-labelledby="ad-handcarry-title">
      <h2 id="ad-handcarry-title">{t('handCarry.title')}</h2>
      <p className="muted sv-help">{t('handCarry.help')}</p>
      <ol className="ad-steps">
        <li>{t('handCarry.step1')}</li>
        <li>
          <FilePicker
            label={t('handCarry.step2')}
            problem={fileProblem}
            accept=".json,application/json"
            file={file}
            onPick={(picked) => {
              setFile(picked);
              setAnswer(null);
              setFileProblem(undefined);
              action.clear();
            }}
            choose={t('import.choose')}
            none={t('import.noFile')}
            testId="handcarry-file"
          />
        </li>
        <li>
          {t('handCarry.step3')}{' '}
          <button type="button" className="btn btn-small btn-primary" onClick={() => void send()} disabled={action.busy || !file} data-testid="handcarry-import">
            {t('handCarry.import')}
          </button>
        </li>
      </ol>
      <Note error={action.error} />
      {action.busy && (
        <p className="muted" role="status">
          {t('handCarry.working')}
        </p>
      )}
      {answer && (
        <div data-testid="handcarry-result">
          <h3>{t('handCarry.resultTitle')}</h3>
          <p role="status">{summary}</p>
          <AdminTable columns={[t('handCarry.what'), ...VERDICT_STATUSES.map((s) => ({ label: t(`handCarry.status_${s}`), num: true }))]} testId="handcarry-counts">
            {(
              [
                ['responses', answer.results],
                ['refusals', answer.refusals],
              ] as const
            ).map(([what, verdicts]) => (
              <tr key={what} data-kind={what}>
                <th scope="row">{t(`handCarry.${what}`)}</th>
                {VERDICT_STATUSES.map((s) => (
                  <td key={s} className="num" data-status={s}>
                    {count(verdicts, s)}
                  </td>
                ))}
              </tr>
            ))}
          </AdminTable>
          {notTaken.length > 0 && (
            <>
              <h3>{t('handCarry.notTakenTitle')}</h3>
              <AdminTable columns={[t('handCarry.kind'), t('handCarry.id'), t('handCarry.why'), t('handCarry.field')]} region={t('handCarry.notTakenTitle')} tall testId="handcarry-not-taken">
                {notTaken.map(({ kind, verdict: v }, i) => (
                  <tr key={`${kind}-${i}`} data-id={v.id ?? ''}>
                    <td>{t(`handCarry.kind_${kind}`)}</td>
                    <td>
                      <code>{v.id ?? '—'}</code>
                    </td>
                    <td title={v.reason} data-testid="handcarry-why">
                      {problemText(v.code, lang, { audience: 'staff' })}
                    </td>
                    <td>{v.field ? <code>{v.field}</code> : '—'}</td>
                  </tr>
                ))}
              </AdminTable>
            </>
          )}
        </div>
      )}
    </section>
  );
}
