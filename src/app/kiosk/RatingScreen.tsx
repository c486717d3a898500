// The question and its faces, straight from the form: 3 or 5 levels, each a large button with a drawing and a word.
import { useTranslation } from 'react-i18next';
import type { Item } from '../../core';
import { label } from '../i18n/label';
import { Face } from './Face';
import { levelsInOrder, moodFor } from './faces';

type RatingItem = Extract<Item, { type: 'rating' }>;

export function RatingScreen({
  item,
  chosen,
  busy,
  onRate,
}: {
  item: RatingItem;
  /** The face already chosen, when the person came back from the follow-up to change it. */
  chosen: number | undefined;
  busy: boolean;
  onRate: (level: number) => void;
}) {
  const { t, i18n } = useTranslation('kiosk');
  const changing = chosen !== undefined;
  return (
    <main className="kiosk-screen rating-screen" aria-labelledby="rating-title" data-screen="rating">
      <h1 id="rating-title" className="kiosk-title">
        {label(item.label, i18n.language)}
      </h1>
      <p className="kiosk-lead">{t(changing ? 'rating.changeHint' : 'rating.hint')}</p>
      <div className={`faces faces-${item.levels}`} role="group" aria-labelledby="rating-title">
        {levelsInOrder(item.levels).map((level) => {
          const mood = moodFor(level, item.levels, item.satisfiedAtLeast);
          const on = level === chosen;
          return (
            <button
              key={level}
              type="button"
              className={`kiosk-btn face-btn face-btn-mood-${mood}`}
              disabled={busy}
              onClick={() => onRate(level)}
              aria-pressed={changing ? on : undefined}
              data-level={level}
            >
              <Face mood={mood} size={item.levels > 3 ? 120 : 168} />
              <span className="face-label">{label(item.labels[level - 1], i18n.language)}</span>
              {/* Seen, not read out: aria-pressed already tells a screen reader which face is chosen. */}
              {on && (
                <span className="face-chosen" aria-hidden="true">
                  ✓ {t('rating.chosen')}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <p className="sr-only" aria-live="polite">
        {busy ? t('rating.saving') : ''}
      </p>
    </main>
  );
}
