// The supervisor's web screens: sign-in, then the dashboard; an expired session leads back to sign-in with a word why.
import { useTranslation } from 'react-i18next';
import { StaffShell } from '../staff/StaffShell';
import { Dashboard } from './Dashboard';

export default function SupervisorApp() {
  const { t } = useTranslation('supervisor');
  return (
    <StaffShell className="sv" loading={t('loading')} offline={t('offline.banner')}>
      {(me, signOut) => <Dashboard me={me} onSignOut={signOut} />}
    </StaffShell>
  );
}
