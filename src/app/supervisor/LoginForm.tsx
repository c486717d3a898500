// Sign-in for supervisors and admins: username and password, with wrong-password, lock-out and offline said plainly.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionJson } from '../../core/protocol/sessions';
import { errorText } from '../api/error-text';
import { staffApi } from '../api/staff';
import type { LoginNotice } from './types';

/** `title` and `intro` let the admin console say where one signs in to; the dashboard's words otherwise. */
export function LoginForm({ notice, onSignedIn, title, intro }: { notice: LoginNotice; onSignedIn: (me: SessionJson) => void; title?: string; intro?: string }) {
  const { t, i18n } = useTranslation(['supervisor', 'problems']);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await staffApi.call('POST /api/v1/sessions', { body: { username: username.trim(), password }, anonymous: true });
      onSignedIn(me);
    } catch (err) {
      setError(errorText(err, i18n.language, 'staff'));
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sv-login">
      <form className="sv-login-card" onSubmit={(e) => void submit(e)} aria-labelledby="sv-login-title" noValidate>
        <h1 id="sv-login-title">{title ?? t('login.title')}</h1>
        <p className="muted">{intro ?? t('login.intro')}</p>
        {notice && notice !== 'offline' && (
          <p className={notice === 'expired' ? 'sv-note sv-note-warn' : 'sv-note'} role="status" data-testid="login-notice">
            {t(`login.${notice}`)}
          </p>
        )}
        {error && (
          <p className="sv-note sv-note-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <label className="field">
          {t('login.username')}
          <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="field">
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="btn btn-primary btn-large" disabled={busy || !username.trim() || !password}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
