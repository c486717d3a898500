// The per-device minimum time between two kiosk ratings: sooner ratings are kept but flagged as possible misuse.
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { availableForms } from '../forms/forms';
import { deleteSetting, setSetting, useSetting } from '../store/settings';
import { SaveRow, type SaveMessage } from './SaveRow';

export function KioskIntervalCard() {
  const value = useSetting('kioskMinIntervalSeconds');
  if (value === undefined) return null;
  return <KioskIntervalForm saved={value} />;
}

function KioskIntervalForm({ saved }: { saved: number | null }) {
  const { t } = useTranslation('kioskSettings');
  const id = useId();
  const forms = useLiveQuery(() => availableForms('kiosk'), []);
  const form = forms?.find((f) => f.id === 'desk-rating') ?? forms?.[0];
  const fallback = form?.kind === 'kiosk' ? form.kiosk.minIntervalSeconds : 5;
  const [text, setText] = useState(saved === null ? '' : String(saved));
  const [message, setMessage] = useState<SaveMessage>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '') {
      await deleteSetting('kioskMinIntervalSeconds');
      return setMessage({ ok: true, text: t('intervalSaved') });
    }
    const n = Number(trimmed.replace(',', '.'));
    if (!Number.isFinite(n) || n < 0 || n > 3600) return setMessage({ ok: false, text: t('intervalInvalid') });
    await setSetting('kioskMinIntervalSeconds', n);
    setMessage({ ok: true, text: t('intervalSaved') });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="kiosk-interval-card">
      <h2 id={`${id}-title`}>{t('intervalTitle')}</h2>
      <p className="muted" id={`${id}-help`}>
        {t('intervalHelp', { seconds: fallback })}
      </p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('intervalLabel')}</span>
          <input
            type="text"
            inputMode="decimal"
            name="kioskMinIntervalSeconds"
            value={text}
            placeholder={String(fallback)}
            aria-describedby={`${id}-help`}
            onChange={(e) => {
              setText(e.target.value);
              setMessage(null);
            }}
          />
        </label>
        <SaveRow label={t('intervalSave')} message={message} />
      </form>
    </section>
  );
}
