// "Export unsent responses", behind the supervisor PIN: the hand-carry file (responses and refusals) for days without
// network.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../store/db';
import { buildHandCarryFile, handCarryFileName, saveJson } from './export-file';
import { SupervisorPinGate } from './SupervisorPinGate';

async function countUnsent(): Promise<{ responses: number; refusals: number }> {
  const [responses, refusals] = await Promise.all([db.outbox, db.refusals].map((t) => t.where('state').notEqual('sent').count()));
  return { responses, refusals };
}

export function ExportUnsentCard() {
  const { t, i18n } = useTranslation('sync');
  const unsent = useLiveQuery(countUnsent, [], { responses: 0, refusals: 0 });
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const total = unsent.responses + unsent.refusals;

  /** "6 phiếu và 2 lượt từ chối": the refusals named only when there are some. */
  function what(responses: number, refusals: number): string {
    const parts = [t('export.responsesN', { count: responses })];
    if (refusals > 0) parts.push(t('export.refusalsN', { count: refusals }));
    return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts);
  }

  async function exportNow() {
    setBusy(true);
    try {
      const file = await buildHandCarryFile();
      const name = handCarryFileName(file);
      saveJson(name, file);
      setDone(t('export.done', { file: name, what: what(file.responses.length, file.refusals?.length ?? 0) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="export-title" data-testid="export-card">
      <h2 id="export-title">{t('export.title')}</h2>
      <p>{t('export.help')}</p>
      <p className="ok-text" data-testid="unsent-count">
        {t('export.count', { what: what(unsent.responses, unsent.refusals) })}
      </p>
      <SupervisorPinGate>
        {(lock) => (
          <div className="row-actions">
            <button type="button" className="btn btn-primary" disabled={busy || total === 0} onClick={() => void exportNow()} data-testid="export-unsent">
              {t('export.button')}
            </button>
            <button type="button" className="btn" onClick={lock}>
              {t('export.lock')}
            </button>
            <span role="status">{total === 0 && !done ? t('export.none') : done}</span>
          </div>
        )}
      </SupervisorPinGate>
    </section>
  );
}
