// The staff screens' shell (dashboard and console alike): find the session, sign in, sign out, and back to sign-in
// with a word why when the session ends, on a 401 or on its own clock.
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJson } from '../../core/protocol/sessions';
import { failureOf } from '../api/error-text';
import { onSessionEnded, staffApi } from '../api/staff';
import { useOnline } from '../shell/use-online';
import { LoginForm } from '../supervisor/LoginForm';
import type { LoginNotice } from '../supervisor/types';
import '../supervisor/supervisor.css';

type State = { kind: 'checking' } | { kind: 'login'; notice: LoginNotice } | { kind: 'in'; me: SessionJson };

interface StaffShellProps {
  className: string;
  /** What shows while the session is looked up. */
  loading: string;
  /** What the offline banner says once signed in (the screen's own work waits for the network). */
  offline: string;
  /** The sign-in form's heading and words, when not the dashboard's. */
  login?: { title: string; intro: string };
  children: (me: SessionJson, signOut: () => void) => ReactNode;
}

export function StaffShell({ className, loading, offline, login, children }: StaffShellProps) {
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

  // The session also ends on its own clock, even on a screen left open without requests.
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
    <div className={className}>
      {!online && (
        <div className="sv-offline" role="status" data-testid="sv-offline">
          {state.kind === 'in' ? offline : t('offline.login')}
        </div>
      )}
      {state.kind === 'checking' && <p className="sv-page muted">{loading}</p>}
      {state.kind === 'login' && <LoginForm notice={state.notice} onSignedIn={(me) => setState({ kind: 'in', me })} title={login?.title} intro={login?.intro} />}
      {state.kind === 'in' && children(state.me, () => void signOut())}
    </div>
  );
}
