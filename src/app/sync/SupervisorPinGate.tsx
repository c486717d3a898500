// Asks for the supervisor PIN (security/pin) before showing what only a supervisor may do; sets one if none exists.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPin, isValidPin, PIN_MAX_LENGTH, setPin, verifyPin } from '../security/pin';

export function SupervisorPinGate({ children }: { children: (lock: () => void) => ReactNode }) {
  const { t } = useTranslation('sync');
  const id = useId();
  const [unlocked, setUnlocked] = useState(false);
  const [pinSet, setPinSet] = useState<boolean | null>(null);
  const [pin, setPinValue] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void hasPin().then(setPinSet);
  }, [unlocked]);

  if (unlocked) return <>{children(() => setUnlocked(false))}</>;
  if (pinSet === null) return null;

  const digits = (v: string) => v.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!isValidPin(pin)) {
      setMessage(t('export.pinInvalid'));
      return;
    }
    setBusy(true);
    setMessage(t('export.checking'));
    try {
      if (!pinSet) {
        if (pin !== repeat) {
          setMessage(t('export.pinMismatch'));
          return;
        }
        await setPin(pin);
        setMessage('');
        setUnlocked(true);
        return;
      }
      const r = await verifyPin(pin);
      setPinValue('');
      if (r.ok) {
        setMessage('');
        setUnlocked(true);
      } else if (r.reason === 'not-set') {
        setPinSet(false);
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
        {pinSet ? t('export.pinTitle') : t('export.notSet')}
      </p>
      <label className="field">
        <span>{pinSet ? t('export.pin') : t('export.newPin')}</span>
        <input type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPinValue(digits(e.target.value))} name="supervisorPin" />
      </label>
      {!pinSet && (
        <label className="field">
          <span>{t('export.repeatPin')}</span>
          <input type="password" inputMode="numeric" autoComplete="off" value={repeat} onChange={(e) => setRepeat(digits(e.target.value))} name="supervisorPinRepeat" />
        </label>
      )}
      <div>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {pinSet ? t('export.unlock') : t('export.setPin')}
        </button>
      </div>
      <p role="alert" data-testid="pin-gate-message">
        {message}
      </p>
    </form>
  );
}
