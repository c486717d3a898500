// The app's two languages, their own names and the tablet's saved choice: no i18next, so the kiosk card pre-rendered
// at build time and the entry (main.tsx) can use them.
export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
export const LANGUAGE_NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

/** Where the tablet keeps the language it was set to (localStorage). */
export const LANGUAGE_KEY = 'hailong.lang';

export function savedLanguage(): Lang {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}
