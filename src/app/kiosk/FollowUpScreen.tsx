// The single follow-up after an unhappy rating: the form's reasons as big toggles, an optional comment, then Send.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Answers, Item } from '../../core';
import { label } from '../i18n/label';
import { Face } from './Face';
import type { Mood } from './faces';

function Check({ on }: { on: boolean }) {
  return (
    <svg className="toggle-check" width="36" height="36" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="20" height="20" rx="4" fill={on ? '#0b6e4f' : '#fff'} stroke={on ? '#0b6e4f' : '#4d5660'} strokeWidth="2" />
      {on && <path d="M6 12.5l4 4 8-9" fill="none" stroke="#fff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />}
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
  onSend,
}: {
  /** The face the person chose, shown again so the question reads as a follow-up to it. */
  mood: Mood;
  items: Item[];
  answers: Answers;
  busy: boolean;
  onChange: (itemId: string, v: AnswerValue | undefined) => void;
  onSend: () => void;
}) {
  const { t } = useTranslation('kiosk');
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
        <button type="submit" className="kiosk-btn kiosk-btn-primary followup-send" disabled={busy} data-testid="followup-send">
          {t('followUp.send')}
          <svg width="32" height="32" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path d="M4 12h14M13 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </button>
      </form>
    </main>
  );
}
