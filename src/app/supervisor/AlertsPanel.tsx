// Kiosk-rating alerts on the dashboard (issue 11 item 5): polled every 30 s so an alert shows within a minute of the
// rating reaching the server; each can be acknowledged with a comment. Nothing is shown while there is no alert.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../core/format';
import { ALERT_COMMENT_MAX, type AlertJson } from '../../core/protocol/alerts';
import type { SiteJson } from '../../core/protocol/sites';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import { useApi } from './use-api';

const POLL_MS = 30_000;

function AcknowledgeForm({ alert, onDone }: { alert: AlertJson; onDone: () => void }) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const id = `sv-alert-comment-${alert.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await staffApi.call('POST /api/v1/alerts/:id/acknowledgement', { params: { id: alert.id }, body: { comment: comment.trim() } });
      setComment('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="sv-alert-ack">
      <label htmlFor={id}>{t('alerts.comment')}</label>
      <textarea id={id} value={comment} maxLength={ALERT_COMMENT_MAX} rows={2} required onChange={(e) => setComment(e.target.value)} data-testid="sv-alert-comment" />
      <button type="submit" className="btn btn-small" disabled={busy || comment.trim() === ''} data-testid="sv-alert-ack">
        {t('alerts.acknowledge')}
      </button>
      {error != null && (
        <p className="sv-note sv-note-error" role="alert">
          {errorText(error, i18n.language, 'staff')}
        </p>
      )}
    </form>
  );
}

export function AlertsPanel({ siteById }: { siteById: ReadonlyMap<string, SiteJson> }) {
  const { t, i18n } = useTranslation('supervisor');
  const lang = i18n.language;
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  const alerts = useApi('GET /api/v1/alerts', {}, tick).data?.alerts ?? [];
  if (alerts.length === 0) return null;

  return (
    <section className="sv-card sv-alerts" aria-labelledby="sv-alerts-title" data-testid="sv-alerts">
      <h2 id="sv-alerts-title">{t('alerts.title')}</h2>
      <ul className="sv-alert-list">
        {alerts.map((a) => {
          const site = siteById.get(a.siteId);
          // The desk's own clock: the site's time zone, whatever the supervisor's computer says.
          const at = (iso: string) => formatDateTime(iso, lang, site?.timeZone);
          return (
            <li key={a.id} className={a.closedAt ? 'sv-alert sv-alert-closed' : 'sv-alert sv-alert-open'} data-testid="sv-alert">
              <p>
                <strong>{site?.name ?? a.siteId}</strong> · <span data-testid="sv-alert-state">{a.closedAt ? t('alerts.closed', { at: at(a.closedAt) }) : t('alerts.open', { at: at(a.openedAt) })}</span>
              </p>
              <p>{t('alerts.window', { unhappy: a.unhappy, ratings: a.ratings, minutes: a.windowMinutes, threshold: a.thresholdPercent })}</p>
              {a.acknowledgement ? (
                <p data-testid="sv-alert-acknowledged">{t('alerts.acknowledged', { by: a.acknowledgement.by, at: at(a.acknowledgement.at), comment: a.acknowledgement.comment })}</p>
              ) : (
                <AcknowledgeForm alert={a} onDone={() => setTick((n) => n + 1)} />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
