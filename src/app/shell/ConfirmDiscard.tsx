// The one "discard this interview?" question, wherever a draft can be thrown away: the two answers say what they
// do ("Discard this interview" / "Keep the interview"), never a bare "Cancel" that reads like the discard itself.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmDiscard({ question, onDiscard, onKeep }: { question: string; onDiscard: () => void; onKeep: () => void }) {
  const { t } = useTranslation(['common', 'tablet']);
  const id = useId();
  const keep = useRef<HTMLButtonElement>(null);
  // The safe answer has the focus, so a stray Enter keeps the interview.
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="row-actions confirm-discard" role="group" aria-labelledby={id} data-testid="confirm-discard">
      <span id={id}>{question}</span>
      <button type="button" className="btn btn-danger" onClick={onDiscard}>
        {t('tablet:discard.yes')}
      </button>
      <button ref={keep} type="button" className="btn" onClick={onKeep}>
        {t('tablet:discard.keep')}
      </button>
    </div>
  );
}
