// Always-visible status: online or not, how many responses (and refusals) wait, when the last sync succeeded.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { countRefusalsWaiting, countWaiting } from '../store/outbox';
import { useSetting } from '../store/settings';
import { formatDateTime } from '../../core/format';
import { useOnline } from './use-online';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncStatus } from '../sync/SyncStatus';
import type { ReactNode } from 'react';

export function StatusBar({ extra }: { extra?: ReactNode }) {
  const { t, i18n } = useTranslation(['common', 'tablet']);
  const online = useOnline();
  const waiting = useLiveQuery(countWaiting, [], 0);
  const refusals = useLiveQuery(countRefusalsWaiting, [], 0);
  const lastSync = useSetting('lastSyncAt');
  return (
    <header className="status-bar">
      <span className="brand">{t('app.name')}</span>
      <span className={`pill ${online ? 'pill-ok' : 'pill-off'}`} data-testid="online-status">
        <span aria-hidden="true">{online ? '●' : '○'}</span> {t(online ? 'tablet:status.online' : 'tablet:status.offline')}
      </span>
      <span className="pill" data-testid="waiting-count">
        {t('tablet:status.waiting', { count: waiting })}
      </span>
      {/* Refusals count in the response rate: "is everything sent?" must see them too. */}
      {refusals > 0 && (
        <span className="pill" data-testid="refusals-waiting">
          {t('tablet:status.refusalsWaiting', { count: refusals })}
        </span>
      )}
      <span className="muted status-sync" data-testid="last-sync">
        {lastSync ? t('tablet:status.lastSync', { when: formatDateTime(lastSync, i18n.language) }) : t('tablet:status.neverSynced')}
      </span>
      <SyncStatus />
      {extra}
      <LanguageSwitch />
    </header>
  );
}
