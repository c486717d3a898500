// The attract screen as it looks, apart from what it does: drawn by React on the tablet, and at build time into
// kiosk.html (attract-prerender.tsx) so the first paint of /kiosk is this card, before any script has run.
import type { Lang } from '../i18n/languages';
import { LANGS, LANGUAGE_NAMES } from '../i18n/languages';
import { Face } from './Face';
import type { Mood } from './faces';

interface AttractWords {
  greeting: string;
  title: string;
  subtitle: string;
  start: string;
  language: string;
  staff: string;
}

export interface AttractCardProps {
  words: AttractWords;
  moods: Mood[];
  siteName: string;
  language: Lang;
  onStart?: () => void;
  onLanguage?: (lang: Lang) => void;
  onStaff?: () => void;
  /**
   * The copy in kiosk.html: no ids or test hooks (the React card replaces it and must be the only one to carry them),
   * and nothing to tap until React has taken over.
   */
  prerendered?: boolean;
}

export function AttractCard({ words, moods, siteName, language, onStart, onLanguage, onStaff, prerendered = false }: AttractCardProps) {
  const live = !prerendered;
  return (
    <main className="kiosk-screen attract-screen" aria-labelledby={live ? 'attract-title' : undefined} data-screen={live ? 'attract' : undefined}>
      {siteName && <p className="kiosk-site">{siteName}</p>}
      <p className="attract-greeting">{words.greeting}</p>
      <h1 id={live ? 'attract-title' : undefined} className="kiosk-title attract-title">
        {words.title}
      </h1>
      <p className="kiosk-lead">{words.subtitle}</p>
      <button type="button" className="kiosk-btn kiosk-btn-primary attract-start" onClick={onStart} data-testid={live ? 'kiosk-start' : undefined}>
        <span className="attract-faces" aria-hidden="true">
          {moods.map((m) => (
            <Face key={m} mood={m} size={88} />
          ))}
        </span>
        <span className="attract-start-text">{words.start}</span>
      </button>
      <div className="attract-footer">
        <div className="kiosk-langs" role="group" aria-label={words.language}>
          {LANGS.map((l) => (
            <button key={l} type="button" lang={l} className="kiosk-btn kiosk-lang" aria-pressed={language === l} onClick={() => onLanguage?.(l)}>
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        <button type="button" className="kiosk-btn kiosk-btn-quiet kiosk-staff" onClick={onStaff} data-testid={live ? 'kiosk-staff' : undefined}>
          <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M12 1a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-9a2 2 0 0 0-2-2h-1V6a5 5 0 0 0-5-5Zm-3 5a3 3 0 0 1 6 0v3H9V6Zm3 7a2 2 0 0 1 1 3.7V19h-2v-2.3A2 2 0 0 1 12 13Z"
            />
          </svg>
          {words.staff}
        </button>
      </div>
    </main>
  );
}

/** The faces the card shows: the rating screen's, in its order, one per mood. */
export function attractMoods(levels: number[], moodOf: (level: number) => Mood): Mood[] {
  return [...new Set(levels.map(moodOf))];
}
