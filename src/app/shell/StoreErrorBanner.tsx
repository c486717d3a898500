// Tells the person plainly when the tablet could not save (storage full), and that earlier data is safe.
import { useTranslation } from 'react-i18next';
import { useStoreError } from '../store/errors';

export function StoreErrorBanner() {
  const { t } = useTranslation();
  const error = useStoreError();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      {t(error === 'quota' ? 'storage.quotaError' : 'storage.writeError')}
    </div>
  );
}
