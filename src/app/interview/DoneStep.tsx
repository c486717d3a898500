// After submitting: the response is safe in the outbox; start the next interview or go home.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../router';
import { startDraft } from '../store/drafts';
import { getSetting } from '../store/settings';

export function DoneStep({ formId, formVersion }: { formId: string; formVersion: number }) {
  const { t, i18n } = useTranslation('interview');
  const [starting, setStarting] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  }, []);

  async function startNext() {
    if (starting) return;
    setStarting(true);
    try {
      const device = await getSetting('device');
      if (!device) return navigate('/', { replace: true });
      const draft = await startDraft({
        formId,
        formVersion,
        mode: 'interview',
        siteId: device.siteId,
        deviceId: device.deviceId,
        enumeratorId: device.enumeratorId,
        locale: i18n.language === 'en' ? 'en' : 'vi',
      });
      // Replace, so "back" from the next interview does not land on this finished one.
      navigate(`/interview/${draft.id}`, { replace: true });
    } finally {
      setStarting(false);
    }
  }

  return (
    <section className="interview-step done" aria-labelledby="done-title">
      <p className="done-mark" aria-hidden="true">
        ✓
      </p>
      <h1 id="done-title" ref={headingRef} tabIndex={-1}>
        {t('done.title')}
      </h1>
      <p>{t('done.body')}</p>
      <div className="done-actions">
        <button type="button" className="btn btn-primary btn-large" onClick={() => void startNext()} disabled={starting}>
          {t('done.next')}
        </button>
        <button type="button" className="btn btn-large" onClick={() => navigate('/', { replace: true })}>
          {t('done.home')}
        </button>
      </div>
    </section>
  );
}
