// Eligibility and consent: 18 or over, has just received a result, agrees; a "no" ends the interview kindly and is
// recorded as a refusal (no answers) so the response rate can be told; a "no" pressed by mistake is changed above.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalReason, type RefusalReason } from '../../core/protocol/refusals';
import { ConfirmDiscard } from '../shell/ConfirmDiscard';
import type { Consent } from '../store/types';

const QUESTIONS = ['adult', 'receivedResult', 'agreed'] as const;
type Key = (typeof QUESTIONS)[number];

export const EMPTY_CONSENT: Consent = { adult: null, receivedResult: null, agreed: null };

export function ConsentStep({
  consent,
  onChange,
  onBack,
  onContinue,
  onDiscard,
  onRefuse,
}: {
  consent: Consent;
  onChange: (c: Consent) => void;
  onBack: () => void;
  onContinue: () => void;
  onDiscard: () => void;
  /** Records the refusal and ends the interview. */
  onRefuse: (reason: RefusalReason) => void;
}) {
  const { t } = useTranslation('interview');
  const [attempted, setAttempted] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  const refused = QUESTIONS.filter((k) => consent[k] === false);
  const reason = refusalReason(consent);
  const [recording, setRecording] = useState(false);
  const unanswered = QUESTIONS.filter((k) => consent[k] === null);

  function set(k: Key, v: boolean) {
    onChange({ ...consent, [k]: v });
  }

  return (
    <section className="interview-step" aria-labelledby="consent-title">
      <h1 id="consent-title" ref={headingRef} tabIndex={-1}>
        {t('consent.title')}
      </h1>
      <p>{t('consent.intro')}</p>
      <div className="questions">
        {QUESTIONS.map((k) => (
          <fieldset key={k} className="question" data-consent={k}>
            <legend>
              <span className="q-label">{t(`consent.${k}`)}</span>
            </legend>
            <div className="choices choices-yesno">
              {[true, false].map((v) => (
                <label key={String(v)} className="tile">
                  <input type="radio" name={`consent-${k}`} checked={consent[k] === v} required onChange={() => set(k, v)} />
                  <span className="tile-text">{t(v ? 'consent.yes' : 'consent.no')}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>

      {refused.length > 0 ? (
        <div className="card card-notice" role="status" data-testid="ineligible">
          <h2>{t('ineligible.title')}</h2>
          {refused.map((k) => (
            <p key={k}>{t(`ineligible.${k}`)}</p>
          ))}
          <p>{t('ineligible.thanks')}</p>
          {confirming ? (
            <ConfirmDiscard question={t('ineligible.confirm')} onDiscard={onDiscard} onKeep={() => setConfirming(false)} />
          ) : (
            <div className="row-actions ineligible-actions">
              <button
                type="button"
                className="btn btn-primary btn-large"
                disabled={recording || reason === null}
                onClick={() => {
                  if (!reason) return;
                  setRecording(true);
                  onRefuse(reason);
                }}
              >
                {t('ineligible.record')}
              </button>
              <button type="button" className="btn btn-large" onClick={() => setConfirming(true)}>
                {t('ineligible.discard')}
              </button>
            </div>
          )}
          <p>{t('ineligible.mistake')}</p>
        </div>
      ) : (
        attempted &&
        unanswered.length > 0 && (
          <p className="q-error" role="alert">
            {t('consent.unanswered')}
          </p>
        )
      )}

      <nav className="step-nav" aria-label={t('consent.title')}>
        <button type="button" className="btn btn-large" onClick={onBack}>
          <span aria-hidden="true">←</span> {t('nav.back')}
        </button>
        {refused.length === 0 && (
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => (unanswered.length > 0 ? setAttempted(true) : onContinue())}
          >
            {t('consent.continue')} <span aria-hidden="true">→</span>
          </button>
        )}
      </nav>
    </section>
  );
}
