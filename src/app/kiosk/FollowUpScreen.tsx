// The single follow-up after an unhappy rating: the form's reasons as big toggles, an optional comment, then Send
// (Skip while nothing is chosen); the face can be changed from here until the follow-up is sent.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isAnswered, type AnswerValue, type Answers, type Item } from '../../core';
import { label } from '../i18n/label';
import { Face } from './Face';
import type { Mood } from './faces';

function Check({ on }: { on: boolean }) {
  return (
    <svg className="toggle-check" width="36" height="36" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="20" height="20" rx="4" fill="#fff" stroke={on ? '#fff' : '#4d5660'} strokeWidth="2" />
      {on && <path d="M6 12.5l4 4 8-9" fill="none" stroke="#0b6e4f" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round" />}
    </svg>
  );
}

function Choices({ item, value, onChange }: { item: Extract<Item, { type: 'multi' | 'single' }>; value: AnswerValue | undefined; onChange: (v: AnswerValue | undefined) => void }) {
  const { i18n } = useTranslation();
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const toggle = (v: string) => {
    if (item.type === 'single') onChange(chosen.includes(v) ? undefined : v);
    else {
      const next = chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v];
      if (item.max !== undefined && next.length > item.max) return;
      // Keep the form's order, so the stored answer does not depend on the order of taps.
      onChange(item.options.map((o) => o.value).filter((o) => next.includes(o)));
    }
  };
  return (
    <div className="toggles">
      {item.options.map((o) => {
        const on = chosen.includes(o.value);
        return (
          <button key={o.value} type="button" className="kiosk-btn toggle-btn" aria-pressed={on} onClick={() => toggle(o.value)} data-value={o.value}>
            <Check on={on} />
            <span>{label(o.label, i18n.language)}</span>
          </button>
        );
      })}
    </div>
  );
}

function FollowUpItem({
  item,
  first,
  value,
  onChange,
}: {
  item: Item;
  first: boolean;
  value: AnswerValue | undefined;
  onChange: (v: AnswerValue | undefined) => void;
}) {
  const { t, i18n } = useTranslation('kiosk');
  const id = useId();
  const help = item.help ? <p className="kiosk-lead" id={`${id}-help`}>{label(item.help, i18n.language)}</p> : null;
  if (item.type === 'multi' || item.type === 'single') {
    const Heading = first ? 'h1' : 'h2';
    return (
      <div className="followup-item" role="group" aria-labelledby={`${id}-q`} aria-describedby={item.help ? `${id}-help` : undefined}>
        <Heading id={`${id}-q`} className="kiosk-title followup-question">
          {label(item.label, i18n.language)}
        </Heading>
        {help}
        <Choices item={item} value={value} onChange={onChange} />
      </div>
    );
  }
  if (item.type === 'text' || item.type === 'longtext') {
    const text = typeof value === 'string' ? value : '';
    return (
      <div className="followup-item followup-text">
        <label htmlFor={`${id}-text`} className="followup-label">
          {label(item.label, i18n.language)}
        </label>
        {help}
        {item.type === 'longtext' ? (
          <textarea
            id={`${id}-text`}
            className="kiosk-text"
            rows={2}
            maxLength={item.maxLength}
            value={text}
            placeholder={t('followUp.commentPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
            data-item={item.id}
          />
        ) : (
          <input
            id={`${id}-text`}
            className="kiosk-text"
            type="text"
            maxLength={item.maxLength}
            value={text}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange(e.target.value)}
            data-item={item.id}
          />
        )}
      </div>
    );
  }
  // A kiosk follow-up is choices and words; other item types are left to interviews.
  return null;
}

export function FollowUpScreen({
  mood,
  items,
  answers,
  busy,
  onChange,
  onChangeRating,
  onSend,
}: {
  /** The face the person chose, shown again so the question reads as a follow-up to it. */
  mood: Mood;
  items: Item[];
  answers: Answers;
  busy: boolean;
  onChange: (itemId: string, v: AnswerValue | undefined) => void;
  /** Back to the faces to choose another; nothing is sent until Send or Skip. */
  onChangeRating: () => void;
  onSend: () => void;
}) {
  const { t } = useTranslation('kiosk');
  // Nothing chosen or written yet: the one button says "Skip", so leaving the question out is plainly allowed.
  const answered = items.some((item) => isAnswered(answers[item.id] ?? undefined));
  return (
    <main className="kiosk-screen followup-screen" data-screen="followup">
      <div className="followup-face">
        <Face mood={mood} size={88} />
      </div>
      <form
        className="followup-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSend();
        }}
      >
        {items.map((item, i) => (
          <FollowUpItem key={item.id} item={item} first={i === 0} value={answers[item.id]} onChange={(v) => onChange(item.id, v)} />
        ))}
        <div className="followup-nav">
          <button type="button" className="kiosk-btn followup-change" disabled={busy} onClick={onChangeRating} data-testid="followup-change">
            <svg width="32" height="32" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M20 12H6M11 6l-6 6 6 6" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            {t('followUp.changeRating')}
          </button>
          <button
            type="submit"
            className={`kiosk-btn followup-send ${answered ? 'kiosk-btn-primary' : 'followup-skip'}`}
            disabled={busy}
            data-testid="followup-send"
          >
            {t(answered ? 'followUp.send' : 'followUp.skip')}
            <svg width="32" height="32" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              <path d="M4 12h14M13 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        </div>
      </form>
    </main>
  );
}
