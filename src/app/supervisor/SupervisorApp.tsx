// The supervisor's web screens: sign-in, then the dashboard; an expired session leads back to sign-in with a word why.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJson } from '../../core/protocol/sessions';
import { failureOf } from '../api/error-text';
import { onSessionEnded, staffApi } from '../api/staff';
import { useOnline } from '../shell/use-online';
import { Dashboard } from './Dashboard';
import { LoginForm } from './LoginForm';
import type { LoginNotice } from './types';
import './supervisor.css';

type State = { kind: 'checking' } | { kind: 'login'; notice: LoginNotice } | { kind: 'in'; me: SessionJson };

export default function SupervisorApp() {
  const { t } = useTranslation('supervisor');
  const online = useOnline();
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    let live = true;
    staffApi.call('GET /api/v1/me', { anonymous: true }).then(
      (me) => live && setState({ kind: 'in', me }),
      (e: unknown) => live && setState({ kind: 'login', notice: failureOf(e)?.kind === 'network' ? 'offline' : null }),
    );
    return () => {
      live = false;
    };
  }, []);

  // Any request that needed the session and got 401: it ended (expired, or signed out elsewhere).
  useEffect(() => onSessionEnded(() => setState({ kind: 'login', notice: 'expired' })), []);

  // The session also ends on its own clock, even on a dashboard left open without requests.
  useEffect(() => {
    if (state.kind !== 'in') return;
    const ms = Date.parse(state.me.expiresAt) - Date.now();
    const timer = setTimeout(() => setState({ kind: 'login', notice: 'expired' }), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [state]);

  const signOut = useCallback(async () => {
    try {
      await staffApi.call('DELETE /api/v1/sessions/current', { anonymous: true });
    } finally {
      setState({ kind: 'login', notice: 'signedOut' });
    }
  }, []);

  return (
    <div className="sv">
      {!online && (
        <div className="sv-offline" role="status" data-testid="sv-offline">
          {t(state.kind === 'in' ? 'offline.banner' : 'offline.login')}
        </div>
      )}
      {state.kind === 'checking' && <p className="sv-page muted">{t('loading')}</p>}
      {state.kind === 'login' && <LoginForm notice={state.notice} onSignedIn={(me) => setState({ kind: 'in', me })} />}
      {state.kind === 'in' && <Dashboard me={state.me} onSignOut={() => void signOut()} />}
    </div>
  );
}
