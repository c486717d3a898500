// Shows how much room the tablet has left and whether the browser promised to keep our data.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import { requestPersistence, storageStatus, type StorageStatus } from '../store/storage';

export function StorageCard() {
  const { t, i18n } = useTranslation(['common', 'tablet']);
  const [status, setStatus] = useState<StorageStatus | null>(null);
  useEffect(() => {
    void storageStatus().then(setStatus);
  }, []);
  const mb = (b: number | null) => (b === null ? '—' : formatNumber(b / 1_048_576, i18n.language, 1));
  return (
    <section className="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('tablet:settings.storage')}</h2>
      {status && (
        <dl className="facts">
          <dt>{t('tablet:settings.used')}</dt>
          <dd data-testid="storage-usage">{t('tablet:settings.megabytes', { value: mb(status.usage) })}</dd>
          <dt>{t('tablet:settings.available')}</dt>
          <dd>{t('tablet:settings.megabytes', { value: mb(status.quota) })}</dd>
          <dt>{t('tablet:settings.persistence')}</dt>
          <dd data-testid="storage-persisted">
            {status.persisted === true ? t('tablet:settings.persisted') : status.persisted === false ? t('tablet:settings.notPersisted') : t('tablet:settings.unknown')}
          </dd>
        </dl>
      )}
      {status?.persisted === false && (
        <button type="button" className="btn" onClick={() => void requestPersistence().then(() => storageStatus().then(setStatus))}>
          {t('tablet:settings.askPersist')}
        </button>
      )}
    </section>
  );
}
