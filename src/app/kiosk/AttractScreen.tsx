// The screen the tablet waits on: a friendly invitation in Vietnamese, language buttons, and the staff exit.
import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdate } from '../shell/update-context';
import { AttractCard, attractMoods } from './AttractCard';
import { levelsInOrder, moodFor } from './faces';
import { allowUnload } from './kiosk-guards';
import { dropPrerenderedCard } from './prerendered';

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
  // This card now stands where kiosk.html's copy of it stood: the copy goes before the frame is painted.
  useLayoutEffect(dropPrerenderedCard, []);

  const words = {
    greeting: t('attract.greeting'),
    title: t('attract.title'),
    subtitle: t('attract.subtitle'),
    start: t('attract.start'),
    language: t('attract.language'),
    staff: t('attract.staff'),
  };
  return (
    <AttractCard
      words={words}
      // The same faces in the same order as the rating screen, so the invitation shows what comes next.
      moods={attractMoods(levelsInOrder(levels), (l) => moodFor(l, levels, satisfiedAtLeast))}
      siteName={siteName}
      language={i18n.language === 'en' ? 'en' : 'vi'}
      onStart={onStart}
      onLanguage={onLanguage}
      onStaff={onStaff}
    />
  );
}
