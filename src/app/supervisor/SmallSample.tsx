// The small-sample mark: a word and a symbol, never colour alone, with the reason on hover and for screen readers.
import { useTranslation } from 'react-i18next';

export function SmallSample({ show }: { show: boolean }) {
  const { t } = useTranslation('supervisor');
  if (!show) return null;
  return (
    <span className="sv-small" title={t('figures.smallSampleHelp')} data-testid="small-sample">
      <span aria-hidden="true">▲ </span>
      {t('figures.smallSample')}
      <span className="sr-only">: {t('figures.smallSampleHelp')}</span>
    </span>
  );
}
