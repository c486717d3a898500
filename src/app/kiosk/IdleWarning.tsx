// "Still there?": the countdown before a reset and one big button that gives the person their time back.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function IdleWarning({ secondsLeft, onStay }: { secondsLeft: number; onStay: () => void }) {
  const { t } = useTranslation('kiosk');
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    button.current?.focus();
  }, []);
  return (
    <div className="idle-backdrop">
      <div className="idle-dialog" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" aria-describedby="idle-body" data-screen="idle">
        <h2 id="idle-title" className="kiosk-title">
          {t('idle.title')}
        </h2>
        <p className="idle-count" aria-hidden="true">
          {secondsLeft}
        </p>
        <p id="idle-body" className="kiosk-lead">
          {t('idle.body', { count: secondsLeft })}
        </p>
        <button ref={button} type="button" className="kiosk-btn kiosk-btn-primary idle-stay" onClick={onStay}>
          {t('idle.stay')}
        </button>
      </div>
    </div>
  );
}
