// Thanks, for as long as the form says, then back to the start; "Done" goes back at once for a queue.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Face } from './Face';

export function ThankYouScreen({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const { t } = useTranslation('kiosk');
  const [left, setLeft] = useState(Math.ceil(seconds));
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const deadline = Date.now() + seconds * 1000;
    const tick = window.setInterval(() => {
      const l = Math.ceil((deadline - Date.now()) / 1000);
      if (l <= 0) {
        window.clearInterval(tick);
        done.current();
      } else setLeft(l);
    }, 250);
    return () => window.clearInterval(tick);
  }, [seconds]);
  return (
    <main className="kiosk-screen thanks-screen" aria-labelledby="thanks-title" data-screen="thanks">
      <div className="thanks-face">
        <Face mood={4} size={200} />
      </div>
      <div role="status" className="thanks-words">
        <h1 id="thanks-title" className="kiosk-title thanks-title">
          {t('thanks.title')}
        </h1>
        <p className="kiosk-lead thanks-body">{t('thanks.body')}</p>
      </div>
      <button type="button" className="kiosk-btn kiosk-btn-primary thanks-done" onClick={onDone}>
        {t('thanks.done')}
      </button>
      <p className="kiosk-muted">{t('thanks.back', { count: left })}</p>
    </main>
  );
}
