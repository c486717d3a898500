// Shows how much room the tablet has left and whether the browser promised to keep our data.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import { requestPersistence, storageStatus, type StorageStatus } from '../store/storage';

export function StorageCard() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    void storageStatus().then(setStatus);
  }, []);
  const mb = (b: number | null) => (b === null ? '—' : formatNumber(b / 1_048_576, i18n.language, 1));
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('settings.storage')}</h2>
      {status && (
        <dl className="facts">
          <dt>{t('settings.used')}</dt>
          <dd data-testid="storage-usage">{t('settings.megabytes', { value: mb(status.usage) })}</dd>
          <dt>{t('settings.available')}</dt>
          <dd>{t('settings.megabytes', { value: mb(status.quota) })}</dd>
          <dt>{t('settings.persistence')}</dt>
          <dd data-testid="storage-persisted">
            {status.persisted === true ? t('settings.persisted') : status.persisted === false ? t('settings.notPersisted') : t('settings.unknown')}
          </dd>
        </dl>
      )}
      {status?.persisted === false && (
        <button type="button" className="btn" onClick={() => void requestPersistence().then(() => storageStatus().then(setStatus))}>
          {t('settings.askPersist')}
        </button>
      )}
    </section>
  );
}
