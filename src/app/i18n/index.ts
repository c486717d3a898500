// i18next set-up: Vietnamese first, English complete; both bundled so a tablet works offline in either.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources, namespaces } from './resources';

export type Lang = 'vi' | 'en';
export const LANGS: Lang[] = ['vi', 'en'];
const KEY = 'hailong.lang';

export function savedLanguage(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

function applyHtmlLang(lng: string) {
  document.documentElement.lang = lng;
}

export async function setLanguage(lng: Lang): Promise<void> {
  try {
    localStorage.setItem(KEY, lng);
  } catch {
    // private mode: the switch still works for this visit
  }
  await i18n.changeLanguage(lng);
}

i18n.on('languageChanged', applyHtmlLang);

void i18n.use(initReactI18next).init({
  resources,
  ns: namespaces,
  defaultNS: 'common',
  lng: savedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyHtmlLang(i18n.language);

export default i18n;
