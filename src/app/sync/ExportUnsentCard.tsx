// "Export unsent responses", behind the supervisor PIN: the hand-carry file for days without network.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { db } from '../store/db';
import { buildHandCarryFile, handCarryFileName, saveJson } from './export-file';
import { SupervisorPinGate } from './SupervisorPinGate';

export function ExportUnsentCard() {
  const { t } = useTranslation('sync');
  const count = useLiveQuery(() => db.outbox.where('state').notEqual('sent').count(), [], 0);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);

  async function exportNow() {
    setBusy(true);
    try {
      const file = await buildHandCarryFile();
      const name = handCarryFileName(file);
      saveJson(name, file);
      setDone(t('export.done', { file: name, count: file.responses.length }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="export-title" data-testid="export-card">
      <h2 id="export-title">{t('export.title')}</h2>
      <p>{t('export.help')}</p>
      <p className="ok-text" data-testid="unsent-count">
        {t('export.count', { count })}
      </p>
      <SupervisorPinGate>
        {(lock) => (
          <div className="row-actions">
            <button type="button" className="btn btn-primary" disabled={busy || count === 0} onClick={() => void exportNow()} data-testid="export-unsent">
              {t('export.button')}
            </button>
            <button type="button" className="btn" onClick={lock}>
              {t('export.lock')}
            </button>
            <span role="status">{count === 0 && !done ? t('export.none') : done}</span>
          </div>
        )}
      </SupervisorPinGate>
    </section>
  );
}
