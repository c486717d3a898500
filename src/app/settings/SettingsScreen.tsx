// Device settings: who and where this tablet is, its storage, language and version.
import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { DeviceSetupCard } from './DeviceSetupCard';
import { StorageCard } from './StorageCard';
import { SupervisorPinCard } from './SupervisorPinCard';
import { KioskIntervalCard } from './KioskIntervalCard';
import { EnrolmentCard } from '../sync/EnrolmentCard';
import { ExportUnsentCard } from '../sync/ExportUnsentCard';

declare const __APP_VERSION__: string;
declare const __BUILD_ID__: string;

export function SettingsScreen() {
  const { t } = useTranslation(['common', 'tablet']);
  return (
    <main className="page" aria-labelledby="settings-title">
      <button type="button" className="btn btn-link" onClick={() => navigate('/')}>
        ← {t('actions.home')}
      </button>
      <h1 id="settings-title">{t('tablet:settings.title')}</h1>
      <EnrolmentCard />
      <DeviceSetupCard />
      <StorageCard />
      <ExportUnsentCard />
      <SupervisorPinCard />
      <KioskIntervalCard />
      <section className="card" aria-labelledby="lang-title">
        <h2 id="lang-title">{t('language.label')}</h2>
        <LanguageSwitch />
      </section>
      <p className="muted" data-testid="app-version">
        {t('tablet:settings.version', { version: __APP_VERSION__, build: __BUILD_ID__ })}
      </p>
    </main>
  );
}
