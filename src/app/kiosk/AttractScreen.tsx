// The screen the tablet waits on: a friendly invitation in Vietnamese, language buttons, and the staff exit.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../i18n';
import { LANGUAGE_NAMES } from '../shell/LanguageSwitch';
import { useUpdate } from '../shell/update-context';
import { Face } from './Face';
import { levelsInOrder, moodFor } from './faces';
import { allowUnload } from './kiosk-guards';

export function AttractScreen({
  levels,
  satisfiedAtLeast,
  siteName,
  onStart,
  onLanguage,
  onStaff,
}: {
  levels: number;
  satisfiedAtLeast: number;
  siteName: string;
  onStart: () => void;
  onLanguage: (lang: 'vi' | 'en') => void;
  onStaff: () => void;
}) {
  const { t, i18n } = useTranslation('kiosk');
  const { available, apply } = useUpdate();
  // Nobody is mid-rating here: the one moment a new version can be put in place without losing anything.
  useEffect(() => {
    if (!available) return;
    allowUnload();
    apply();
  }, [available, apply]);

  // The same faces in the same order as the rating screen, so the invitation shows what comes next.
  const moods = [...new Set(levelsInOrder(levels).map((l) => moodFor(l, levels, satisfiedAtLeast)))];
  return (
    <main className="kiosk-screen attract-screen" aria-labelledby="attract-title" data-screen="attract">
      {siteName && <p className="kiosk-site">{siteName}</p>}
      <p className="attract-greeting">{t('attract.greeting')}</p>
      <h1 id="attract-title" className="kiosk-title attract-title">
        {t('attract.title')}
      </h1>
      <p className="kiosk-lead">{t('attract.subtitle')}</p>
      <button type="button" className="kiosk-btn kiosk-btn-primary attract-start" onClick={onStart} data-testid="kiosk-start">
        <span className="attract-faces" aria-hidden="true">
          {moods.map((m) => (
            <Face key={m} mood={m} size={88} />
          ))}
        </span>
        <span className="attract-start-text">{t('attract.start')}</span>
      </button>
      <div className="attract-footer">
        <div className="kiosk-langs" role="group" aria-label={t('attract.language')}>
          {LANGS.map((l) => (
            <button
              key={l}
              type="button"
              lang={l}
              className="kiosk-btn kiosk-lang"
              aria-pressed={i18n.language === l}
              onClick={() => onLanguage(l)}
            >
              {LANGUAGE_NAMES[l]}
            </button>
          ))}
        </div>
        <button type="button" className="kiosk-btn kiosk-btn-quiet kiosk-staff" onClick={onStaff} data-testid="kiosk-staff">
          <svg width="28" height="28" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M12 1a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v9a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-9a2 2 0 0 0-2-2h-1V6a5 5 0 0 0-5-5Zm-3 5a3 3 0 0 1 6 0v3H9V6Zm3 7a2 2 0 0 1 1 3.7V19h-2v-2.3A2 2 0 0 1 12 13Z"
            />
          </svg>
          {t('attract.staff')}
        </button>
      </div>
    </main>
  );
}
