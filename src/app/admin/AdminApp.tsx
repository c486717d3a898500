// The admin console (/admin): the staff shell's sign-in and session handling, then one section at a time for sites,
// people, tablets, enrolment codes, alert rules, the audit log and the import; a supervisor sees only the sections they manage.
import { useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJson } from '../../core/protocol/sessions';
import type { SiteJson } from '../../core/protocol/sites';
import { errorText } from '../api/error-text';
import { navigate, usePath } from '../router';
import { StaffShell } from '../staff/StaffShell';
import { useApi } from '../supervisor/use-api';
import { AlertRulesSection } from './AlertRulesSection';
import { AuditSection } from './AuditSection';
import { CodesSection } from './CodesSection';
import { FormsSection } from './FormsSection';
import { HandCarrySection } from './HandCarrySection';
import { ImportSection } from './ImportSection';
import { PeopleSection } from './PeopleSection';
import { SitesSection } from './SitesSection';
import { TabletsSection } from './TabletsSection';
import type { Scope } from './scope';
import './admin.css';

const SECTIONS = ['sites', 'people', 'tablets', 'handcarry', 'codes', 'alerts', 'forms', 'audit', 'import'] as const;
type Section = (typeof SECTIONS)[number];
/** Sites and the import create sites and supervisors: an admin's work only. */
const ADMIN_ONLY: readonly Section[] = ['sites', 'forms', 'import'];

export default function AdminApp() {
  const { t } = useTranslation('admin');
  return (
    <StaffShell className="sv ad" loading={t('loading')} offline={t('offline')} login={{ title: t('login.title'), intro: t('login.intro') }}>
      {(me, signOut) => <Console me={me} onSignOut={signOut} />}
    </StaffShell>
  );
}

function sectionOf(path: string, admin: boolean): Section {
  const name = path.split('/')[2] as Section | undefined;
  const allowed = (s: Section) => admin || !ADMIN_ONLY.includes(s);
  if (name && SECTIONS.includes(name) && allowed(name)) return name;
  return admin ? 'sites' : 'people';
}

function Console({ me, onSignOut }: { me: SessionJson; onSignOut: () => void }) {
  const { t, i18n } = useTranslation(['admin', 'supervisor', 'problems']);
  const path = usePath();
  const admin = me.user.role === 'admin';
  const section = sectionOf(path, admin);
  const [sitesReload, setSitesReload] = useState(0);
  const loaded = useApi('GET /api/v1/sites', {}, sitesReload);
  // The list with deactivated sites marked; until it answers (or if it fails) the session's own list.
  const sites: SiteJson[] = loaded.data?.sites ?? me.user.sites;
  const scope: Scope = useMemo(() => {
    const byId = new Map(sites.map((s) => [s.id, s]));
    return { me, admin, sites, byId, reloadSites: () => setSitesReload((n) => n + 1) };
  }, [me, admin, sites]);
  const visible = SECTIONS.filter((s) => admin || !ADMIN_ONLY.includes(s));

  const go = (e: MouseEvent<HTMLAnchorElement>, s: Section) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(`/admin/${s}`);
  };

  return (
    <main className="sv-page ad-page" data-testid="ad-console">
      <div className="sv-header">
        <div>
          <h1>{t('title')}</h1>
          <p className="sv-subtitle muted">{t(admin ? 'subtitle_admin' : 'subtitle_supervisor', { count: sites.length })}</p>
        </div>
        <div className="sv-user">
          <a className="btn btn-small" href="/supervisor" onClick={(e) => (e.preventDefault(), navigate('/supervisor'))} data-testid="ad-to-dashboard">
            {t('header.dashboard')}
          </a>
          <span data-testid="ad-user">
            <strong>{me.user.displayName}</strong> · {t(`supervisor:header.role_${me.user.role}`)}
          </span>
          <button type="button" className="btn btn-small" onClick={onSignOut} data-testid="ad-logout">
            {t('supervisor:header.logout')}
          </button>
        </div>
      </div>
      <nav className="ad-tabs" aria-label={t('tabs.label')}>
        {visible.map((s) => (
          <a key={s} href={`/admin/${s}`} className="ad-tab" aria-current={s === section ? 'page' : undefined} onClick={(e) => go(e, s)} data-testid={`ad-tab-${s}`}>
            {t(`tabs.${s}`)}
          </a>
        ))}
      </nav>
      {loaded.error != null && !loaded.data && (
        <p className="sv-note sv-note-warn" role="status">
          {errorText(loaded.error, i18n.language, 'staff')}
        </p>
      )}
      <div className="ad-section" data-testid={`ad-section-${section}`}>
        {section === 'sites' && <SitesSection scope={scope} />}
        {section === 'people' && <PeopleSection scope={scope} />}
        {section === 'tablets' && <TabletsSection scope={scope} />}
        {section === 'handcarry' && <HandCarrySection />}
        {section === 'codes' && <CodesSection scope={scope} />}
        {section === 'alerts' && <AlertRulesSection scope={scope} />}
        {section === 'forms' && <FormsSection scope={scope} />}
        {section === 'audit' && <AuditSection scope={scope} />}
        {section === 'import' && <ImportSection scope={scope} />}
      </div>
    </main>
  );
}
