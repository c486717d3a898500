// The sync part of the status bar: the last error in plain words, what needs attention, and "Send now".
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureText } from '../api/problem-text';
import { navigate } from '../router';
import { countNeedingAttention } from '../store/outbox';
import { useSetting } from '../store/settings';
import { useSyncActivity } from './activity';
import { decodeFailure } from './failure';
import { sendNow } from './start';

export function SyncStatus() {
  const { t, i18n } = useTranslation('sync');
  const device = useSetting('device');
  const lastError = useSetting('lastSyncError');
  const attention = useLiveQuery(countNeedingAttention, [], 0);
  const { sending } = useSyncActivity();
  const failure = decodeFailure(lastError);
  // The error keeps the bar to one line, cut short with "…"; a tap shows all of it (screen readers always get all).
  const [expanded, setExpanded] = useState(false);
  const text = failure ? failureText(failure, i18n.language) : '';
  return (
    <>
      {attention > 0 && (
        <button type="button" className="btn btn-small" onClick={() => navigate('/attention')} data-testid="attention-count">
          {t('status.attention', { count: attention })}
        </button>
      )}
      {device && !device.token && (
        <span className="muted status-note" data-testid="not-enrolled" title={t('status.notEnrolled')}>
          {t('status.notEnrolled')}
        </span>
      )}
      <span
        role="status"
        className={failure ? 'pill pill-off sync-error' : 'sr-only'}
        data-testid="sync-error"
        data-code={failure?.kind === 'problem' ? (failure.code ?? '') : (failure?.kind ?? '')}
        data-expanded={expanded || undefined}
      >
        {failure && (
          <button type="button" className="sync-error-text" title={text} aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
            <span className="sr-only">{t('status.errorLabel')}: </span>
            {text}
          </button>
        )}
      </span>
      {device?.token && (
        <button type="button" className="btn btn-small" onClick={sendNow} aria-busy={sending} data-testid="send-now" data-sending={sending}>
          {sending ? t('status.sending') : t('status.sendNow')}
        </button>
      )}
    </>
  );
}
