// Single and multiple choice as large radio or checkbox tiles; a multiple choice stops at its maximum.
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../core';
import { label } from '../../i18n/label';
import type { FieldProps } from './types';

type Single = Extract<Item, { type: 'single' }>;
type Multi = Extract<Item, { type: 'multi' }>;

export function SingleField({ item, value, lang, required, onAnswer }: FieldProps<Single>) {
  const { t } = useTranslation('interview');
  return (
    <>
      <div className="choices">
        {item.options.map((o) => (
          <label key={o.value} className="tile">
            <input
              type="radio"
              name={`q-${item.id}`}
              value={o.value}
              checked={value === o.value}
              required={required}
              onChange={() => onAnswer(o.value)}
            />
            <span className="tile-text">{label(o.label, lang)}</span>
          </label>
        ))}
      </div>
      {!required && value !== undefined && (
        <button type="button" className="btn btn-small btn-clear" onClick={() => onAnswer(undefined)}>
          {t('question.clear')}
        </button>
      )}
    </>
  );
}

export function MultiField({ item, value, lang, onAnswer }: FieldProps<Multi>) {
  const { t } = useTranslation('interview');
  const chosen = Array.isArray(value) ? value : [];
  const full = item.max !== undefined && chosen.length >= item.max;
  function toggle(v: string, on: boolean) {
    // Keep the form's option order, so the stored list does not depend on the order of taps.
    const next = item.options.map((o) => o.value).filter((x) => (x === v ? on : chosen.includes(x)));
    onAnswer(next.length ? next : undefined);
  }
  return (
    <>
      <div className="choices">
        {item.options.map((o) => {
          const checked = chosen.includes(o.value);
          return (
            <label key={o.value} className="tile">
              <input
                type="checkbox"
                name={`q-${item.id}`}
                value={o.value}
                checked={checked}
                disabled={!checked && full}
                onChange={(e) => toggle(o.value, e.target.checked)}
              />
              <span className="tile-text">{label(o.label, lang)}</span>
            </label>
          );
        })}
      </div>
      {full && (
        <p className="q-note" role="status">
          {t('question.maxReached', { max: item.max })}
        </p>
      )}
    </>
  );
}

type Rating = Extract<Item, { type: 'rating' }>;

/** A kiosk-style rating met in an interview form: its levels as plain radio tiles, 1 = least satisfied. */
export function RatingField({ item, value, lang, required, onAnswer }: FieldProps<Rating>) {
  return (
    <div className="choices">
      {item.labels.map((text, i) => (
        <label key={i} className="tile">
          <input type="radio" name={`q-${item.id}`} value={i + 1} checked={value === i + 1} required={required} onChange={() => onAnswer(i + 1)} />
          <span className="tile-text">{label(text, lang)}</span>
        </label>
      ))}
    </div>
  );
}
