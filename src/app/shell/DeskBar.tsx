// The supervisor's and console's top bar: name and language only; the tablet's sync status means nothing on a desk.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function DeskBar() {
  const { t } = useTranslation();
  // Same element and class as the tablet's bar, so the layout (and the page models' language switch) stay one.
  return (
    <header className="status-bar status-bar-desk">
      <span className="brand">{t('app.name')}</span>
      <LanguageSwitch />
    </header>
  );
}
