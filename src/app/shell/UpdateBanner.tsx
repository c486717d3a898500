// The "new version" offer, rendered only on screens where reloading loses nothing.
import { useTranslation } from 'react-i18next';
import { useUpdate } from './update-context';

export function UpdateBanner() {
  const { t } = useTranslation(['common', 'tablet']);
  const { available, apply } = useUpdate();
  if (!available) return null;
  return (
    <div className="banner banner-info" role="status">
      <span>{t('tablet:update.available')}</span>
      <button type="button" className="btn btn-primary" onClick={apply}>
        {t('tablet:update.apply')}
      </button>
    </div>
  );
}
