// Set or change the supervisor PIN that turns kiosk mode on and off (changing it needs the current one).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidPin, PIN_MAX_LENGTH, PIN_MIN_LENGTH, setPin, verifyPin } from '../security/pin';
import { useSetting } from '../store/settings';
import { SUPERVISOR_PIN_CARD_ID } from '../sync/SupervisorPinGate';
import { SaveRow, type SaveMessage } from './SaveRow';

export function SupervisorPinCard() {
  const { t } = useTranslation(['kioskSettings', 'kiosk']);
  const id = useId();
  const hash = useSetting('supervisorPinHash');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<SaveMessage>(null);
  const [busy, setBusy] = useState(false);
  const range = { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH };
  if (hash === undefined) return null;
  const isSet = Boolean(hash);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!isValidPin(next)) return setMessage({ ok: false, text: t('kiosk:pin.invalid', range) });
    if (next !== repeat) return setMessage({ ok: false, text: t('kiosk:pin.mismatch') });
    setBusy(true);
    try {
      if (isSet) {
        const r = await verifyPin(current);
        setCurrent('');
        if (!r.ok) {
          const wait = Math.ceil((r.lockedUntil - Date.now()) / 1000);
          return setMessage({ ok: false, text: wait > 0 ? t('kiosk:pin.locked', { count: wait }) : t('kiosk:pin.wrong') });
        }
      }
      await setPin(next);
      setNext('');
      setRepeat('');
      setMessage({ ok: true, text: t('pinSaved') });
    } catch {
      setMessage({ ok: false, text: t('kiosk:pin.insecure') });
    } finally {
      setBusy(false);
    }
  }

  const digits = (set: (v: string) => void) => (e: { target: { value: string } }) => {
    set(e.target.value.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH));
    setMessage(null);
  };
  const pinInput = { type: 'password', inputMode: 'numeric', autoComplete: 'off', maxLength: PIN_MAX_LENGTH } as const;
  return (
    <section className="card" id={SUPERVISOR_PIN_CARD_ID} aria-labelledby={`${id}-title`} data-testid="supervisor-pin-card">
      <h2 id={`${id}-title`}>{t('pinTitle')}</h2>
      <p className="muted">{t(isSet ? 'pinSet' : 'pinNotSet')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        {isSet && (
          <label className="field">
            <span>{t('currentPin')}</span>
            <input {...pinInput} name="currentPin" value={current} onChange={digits(setCurrent)} required />
          </label>
        )}
        <label className="field">
          <span>{t('newPin', range)}</span>
          <input {...pinInput} name="newPin" value={next} onChange={digits(setNext)} required />
        </label>
        <label className="field">
          <span>{t('repeatPin')}</span>
          <input {...pinInput} name="repeatPin" value={repeat} onChange={digits(setRepeat)} required />
        </label>
        <SaveRow label={t('savePin')} message={message} busy={busy} />
      </form>
    </section>
  );
}
