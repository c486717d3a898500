// The PIN pad: big keys, set (twice) or check the supervisor's PIN on the kiosk, or check an enumerator's PIN when they
// pick themselves on the tablet; the slow-down after wrong tries shows on the pad.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { enumeratorAttemptsKey, isValidPin, pinLockedUntil, PIN_MAX_LENGTH, PIN_MIN_LENGTH, setPin, verifyPin, verifyPinAgainst } from '../security/pin';

type PinPurpose = 'exit' | 'enter' | 'set' | 'enumerator';

/** The enumerator whose PIN the pad checks (purpose 'enumerator'): the hash the server sent, checked offline. */
export interface EnumeratorPin {
  id: string;
  name: string;
  pinHash: string;
}

/** The pad's title and help for an enumerator, in the caller's words (the kiosk's namespace stays small: it loads with every rating). */
interface EnumeratorPinTexts {
  title: string;
  help: string;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = window.setInterval(() => setNow(Date.now()), 500);
    return () => window.clearInterval(t);
  }, [active]);
  return active ? now : Date.now();
}

interface PinPadProps {
  purpose: PinPurpose;
  onSuccess: () => void;
  onCancel: () => void;
  /** Both required for purpose 'enumerator'. */
  enumerator?: EnumeratorPin;
  texts?: EnumeratorPinTexts;
  /** 'dialog' when drawn over a page that already has its main landmark (the settings screen). */
  as?: 'main' | 'dialog';
}

export function PinPad({ purpose, onSuccess, onCancel, enumerator, texts, as = 'main' }: PinPadProps) {
  const { t } = useTranslation('kiosk');
  const id = useId();
  const [value, setValue] = useState('');
  const [first, setFirst] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [lockedUntil, setLockedUntil] = useState(0);
  const now = useNow(lockedUntil > 0);
  const locked = lockedUntil > now;
  const range = { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH };

  const attemptsKey = enumerator ? enumeratorAttemptsKey(enumerator.id) : undefined;
  useEffect(() => {
    if (purpose !== 'set') void pinLockedUntil(Date.now(), attemptsKey).then(setLockedUntil);
  }, [purpose, attemptsKey]);
  useEffect(() => {
    if (lockedUntil && !locked) {
      setLockedUntil(0);
      setMessage('');
    }
  }, [lockedUntil, locked]);

  const title =
    purpose === 'set' ? t(first === null ? 'pin.setTitle' : 'pin.repeatTitle') : (texts?.title ?? t(purpose === 'exit' ? 'pin.exitTitle' : 'pin.enterTitle'));
  const help =
    purpose === 'set' ? (first === null ? t('pin.setHelp', range) : t('pin.repeatHelp')) : (texts?.help ?? t(purpose === 'exit' ? 'pin.exitHelp' : 'pin.enterHelp'));

  function type(next: string) {
    setValue(next.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH));
    if (!locked) setMessage('');
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy || locked) return;
    if (!isValidPin(value)) {
      setMessage(t('pin.invalid', range));
      return;
    }
    setBusy(true);
    try {
      if (purpose === 'set') {
        if (first === null) {
          setFirst(value);
          setValue('');
          setMessage('');
        } else if (first !== value) {
          setFirst(null);
          setValue('');
          setMessage(t('pin.mismatch'));
        } else {
          await setPin(value);
          onSuccess();
        }
        return;
      }
      const r = enumerator && attemptsKey ? await verifyPinAgainst(value, enumerator.pinHash, attemptsKey) : await verifyPin(value);
      setValue('');
      if (r.ok) {
        onSuccess();
        return;
      }
      setLockedUntil(r.lockedUntil > Date.now() ? r.lockedUntil : 0);
      setMessage(r.reason === 'locked' ? '' : t('pin.wrong'));
    } catch {
      // Without WebCrypto (plain HTTP) no PIN can be checked; a storage failure is shown by the app's banner.
      setMessage(globalThis.crypto?.subtle ? '' : t('pin.insecure'));
    } finally {
      setBusy(false);
    }
  }

  const lockLeft = locked ? Math.ceil((lockedUntil - now) / 1000) : 0;
  const shown = [message, locked ? t('pin.locked', { count: lockLeft }) : ''].filter(Boolean).join(' ');
  const keysDisabled = busy || locked;

  const Outer = as === 'dialog' ? 'div' : 'main';
  return (
    <Outer
      className="kiosk-screen"
      aria-labelledby={`${id}-title`}
      data-screen="pin"
      {...(as === 'dialog' ? { role: 'dialog', 'aria-modal': true } : {})}
    >
    <form className="pin-screen" onSubmit={(e) => void submit(e)}>
      <div className="pin-side">
        <h1 id={`${id}-title`} className="kiosk-title">
          {title}
        </h1>
        <p className="kiosk-lead">{help}</p>
        <label className="pin-field" htmlFor={`${id}-input`}>
          {t('pin.label')}
        </label>
        <input
          id={`${id}-input`}
          className="pin-input"
          type="password"
          inputMode="none"
          autoComplete="off"
          maxLength={PIN_MAX_LENGTH}
          value={value}
          disabled={locked}
          onChange={(e) => type(e.target.value)}
          data-testid="pin-input"
        />
        <p className="pin-message" role="alert" data-testid="pin-message">
          {busy ? t('pin.checking') : shown}
        </p>
        <button type="button" className="kiosk-btn kiosk-btn-quiet pin-cancel" onClick={onCancel}>
          {t('pin.cancel')}
        </button>
      </div>
      <div className="pin-keys" role="group" aria-label={t('pin.keypad')}>
        {KEYS.map((k) => (
          <button key={k} type="button" className="kiosk-btn pin-key" disabled={keysDisabled} onClick={() => type(value + k)}>
            {k}
          </button>
        ))}
        <button type="button" className="kiosk-btn pin-key pin-key-small" disabled={keysDisabled} onClick={() => type(value.slice(0, -1))}>
          <span aria-hidden="true">⌫</span> {t('pin.delete')}
        </button>
        <button type="button" className="kiosk-btn pin-key" disabled={keysDisabled} onClick={() => type(value + '0')}>
          0
        </button>
        <button type="submit" className="kiosk-btn kiosk-btn-primary pin-key pin-key-small" disabled={keysDisabled}>
          <span aria-hidden="true">✓</span> {t('pin.ok')}
        </button>
      </div>
    </form>
    </Outer>
  );
}
