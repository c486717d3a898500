// The app's two languages and their own names: plain data, so the kiosk card pre-rendered at build time can use them.
export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
export const LANGUAGE_NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };
