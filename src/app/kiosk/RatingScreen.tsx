// The question and its faces, straight from the form: 3 or 5 levels, each a large button with a drawing and a word.
import { useTranslation } from 'react-i18next';
import type { Item } from '../../core';
import { label } from '../i18n/label';
import { Face } from './Face';
import { moodFor } from './faces';

type RatingItem = Extract<Item, { type: 'rating' }>;

export function RatingScreen({ item, busy, onRate }: { item: RatingItem; busy: boolean; onRate: (level: number) => void }) {
  const { t, i18n } = useTranslation('kiosk');
  const levels = Array.from({ length: item.levels }, (_, i) => i + 1);
  return (
    <main className="kiosk-screen rating-screen" aria-labelledby="rating-title" data-screen="rating">
      <h1 id="rating-title" className="kiosk-title">
        {label(item.label, i18n.language)}
      </h1>
      <p className="kiosk-lead">{t('rating.hint')}</p>
      <div className={`faces faces-${item.levels}`} role="group" aria-labelledby="rating-title">
        {/* Most satisfied first: the reading order people expect on a desk rating. */}
        {levels.reverse().map((level) => (
          <button
            key={level}
            type="button"
            className={`kiosk-btn face-btn face-btn-mood-${moodFor(level, item.levels, item.satisfiedAtLeast)}`}
            disabled={busy}
            onClick={() => onRate(level)}
            data-level={level}
          >
            <Face mood={moodFor(level, item.levels, item.satisfiedAtLeast)} size={item.levels > 3 ? 120 : 168} />
            <span className="face-label">{label(item.labels[level - 1], i18n.language)}</span>
          </button>
        ))}
      </div>
      <p className="sr-only" aria-live="polite">
        {busy ? t('rating.saving') : ''}
      </p>
    </main>
  );
}
