// Leaving one response out of the scores with a reason, or counting it again (issue 11): the supervisor's judgement, audit-logged.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import { EXCLUSION_REASON_MAX, type Exclusion } from '../../core/protocol/responses';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';

interface Props {
  responseId: string;
  excluded: Exclusion | null;
  /** The response's state changed on the server. */
  onChanged: () => void;
}

export function ExclusionDialog({ responseId, excluded, onChanged }: Props) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const lang = i18n.language;
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      setAsking(false);
      setReason('');
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const exclude = (e: FormEvent) => {
    e.preventDefault();
    void run(() => staffApi.call('POST /api/v1/responses/:id/exclusion', { params: { id: responseId }, body: { reason: reason.trim() } }));
  };
  const restore = () => void run(() => staffApi.call('DELETE /api/v1/responses/:id/exclusion', { params: { id: responseId } }));

  return (
    <section className="sv-exclusion" aria-labelledby="sv-exclusion-title" data-testid="sv-exclusion">
      <h3 id="sv-exclusion-title">{t('responses.exclusionTitle')}</h3>
      {excluded ? (
        <>
          <p data-testid="sv-exclusion-state">
            {excluded.reason === 'supervisor'
              ? t('responses.excludedWhy', {
                  by: excluded.by?.name ?? excluded.by?.id ?? '—',
                  at: excluded.at ? formatDateTime(excluded.at, lang) : '—',
                  reason: excluded.note ?? '',
                })
              : t('responses.excludedByServerWhy')}
          </p>
          {excluded.reason === 'supervisor' && (
            <button type="button" className="btn btn-small" onClick={restore} disabled={busy} data-testid="sv-restore">
              {t('responses.restore')}
            </button>
          )}
        </>
      ) : asking ? (
        <form onSubmit={exclude}>
          <label htmlFor="sv-exclusion-reason">{t('responses.reason')}</label>
          <textarea
            id="sv-exclusion-reason"
            value={reason}
            maxLength={EXCLUSION_REASON_MAX}
            onChange={(e) => setReason(e.target.value)}
            required
            rows={2}
            data-testid="sv-exclusion-reason"
          />
          <p className="muted">{t('responses.excludeHelp')}</p>
          <div className="sv-actions">
            <button type="submit" className="btn btn-small btn-danger" disabled={busy || reason.trim() === ''} data-testid="sv-exclude-confirm">
              {t('responses.excludeConfirm')}
            </button>
            <button type="button" className="btn btn-small" onClick={() => setAsking(false)} disabled={busy}>
              {t('responses.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="muted">{t('responses.counted')}</p>
          <button type="button" className="btn btn-small" onClick={() => setAsking(true)} data-testid="sv-exclude">
            {t('responses.exclude')}
          </button>
        </>
      )}
      {error != null && (
        <p className="sv-note sv-note-error" role="alert">
          {errorText(error, lang, 'staff')}
        </p>
      )}
    </section>
  );
}
