// Build time only (scripts/build-shells.mjs renders it into kiosk.html): the attract card as the kiosk opens
// it, in Vietnamese (every kiosk pass starts in Vietnamese) with the built-in desk-rating faces, as static HTML.
import { renderToStaticMarkup } from 'react-dom/server';
import { deskRating } from '../../core/forms/builtin/desk-rating';
import kioskWords from '../i18n/locales/vi/kiosk.json';
import { AttractCard, attractMoods } from './AttractCard';
import { levelsInOrder, moodFor } from './faces';
import { PRERENDERED_ID } from './prerendered';

export function prerender(): string {
  const ratingItem = deskRating.kind === 'kiosk' ? deskRating.kiosk.ratingItem : undefined;
  const rating = deskRating.sections.flatMap((s) => s.items).find((i) => i.id === ratingItem);
  if (rating?.type !== 'rating') throw new Error('desk-rating has no rating item for the kiosk');
  const { levels, satisfiedAtLeast } = rating;
  return renderToStaticMarkup(
    // Hidden from assistive technology and inert: a picture of the screen to come, replaced within a second or two.
    <div id={PRERENDERED_ID} className="kiosk-root kiosk-prerendered" aria-hidden="true" inert>
      <div className="kiosk-stage">
        <AttractCard
          words={kioskWords.attract}
          moods={attractMoods(levelsInOrder(levels), (l) => moodFor(l, levels, satisfiedAtLeast))}
          siteName=""
          language="vi"
          prerendered
        />
      </div>
    </div>,
  );
}
