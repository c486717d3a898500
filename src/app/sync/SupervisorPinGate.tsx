// Asks for the supervisor PIN (security/pin) before showing what only a supervisor may do. The PIN is set in one
// place only, the Supervisor PIN card on the same page; until then this says so and points there, and it follows
// the stored PIN live, so a PIN set a moment ago is asked for at once, with no reload.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_MAX_LENGTH, verifyPin } from '../security/pin';
import { useSetting } from '../store/settings';

/** The id of the Supervisor PIN card (settings), where the gate sends a tablet that has no PIN yet. */
export const SUPERVISOR_PIN_CARD_ID = 'supervisor-pin';

function goToPinCard(): void {
  const card = document.getElementById(SUPERVISOR_PIN_CARD_ID);
  card?.scrollIntoView({ block: 'start' });
  card?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
}

export function SupervisorPinGate({ children }: { children: (lock: () => void) => ReactNode }) {
  const { t } = useTranslation('sync');
  const id = useId();
  const hash = useSetting('supervisorPinHash');
  const [unlocked, setUnlocked] = useState(false);
  const [pin, setPinValue] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  if (unlocked && hash) return <>{children(() => setUnlocked(false))}</>;
  if (hash === undefined) return null;

  if (!hash) {
    return (
      <div className="stack" data-testid="pin-gate">
        <p className="ok-text">{t('export.notSet')}</p>
        <div>
          <button type="button" className="btn" onClick={goToPinCard}>
            {t('export.goSetPin')}
          </button>
        </div>
      </div>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(t('export.checking'));
    try {
      const r = await verifyPin(pin);
      setPinValue('');
      if (r.ok) {
        setMessage('');
        setUnlocked(true);
      } else if (r.reason === 'not-set') {
        setMessage('');
      } else if (r.lockedUntil > Date.now()) {
        setMessage(t('export.locked', { count: Math.ceil((r.lockedUntil - Date.now()) / 1000) }));
      } else {
        setMessage(t('export.wrongPin'));
      }
    } catch {
      setMessage(t('export.insecure'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} data-testid="pin-gate">
      <p id={`${id}-title`} className="ok-text">
        {t('export.pinTitle')}
      </p>
      <label className="field">
        <span>{t('export.pin')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={PIN_MAX_LENGTH}
          value={pin}
          onChange={(e) => setPinValue(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH))}
          name="supervisorPin"
        />
      </label>
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('export.unlock')}
        </button>
      </div>
      <p role="alert" data-testid="pin-gate-message">
        {message}
      </p>
    </form>
  );
}
