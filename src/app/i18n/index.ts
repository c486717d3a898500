// i18next set-up: Vietnamese first, English complete; namespaces load per screen (see resources.ts), offline too.
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { bundled, loadNamespace, shellNamespaces } from './resources';

import { LANGS, LANGUAGE_KEY as KEY, savedLanguage, type Lang } from './languages';

export { LANGS, savedLanguage, type Lang };

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

/** Makes sure the status bar's words are there before a screen with a status bar shows (leaving the kiosk). */
export function loadShellNamespaces(): Promise<void> {
  return i18n.loadNamespaces(shellNamespaces);
}

// Reads a namespace from its chunk; i18next asks only for what is not bundled, and finishes loading a
// language's namespaces before it switches to it, so a screen never shows half-translated.
const chunkBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(lng, ns, callback) {
    loadNamespace(lng, ns).then(
      (data) => callback(null, data),
      (err: Error) => callback(err, false),
    );
  },
};

i18n.on('languageChanged', applyHtmlLang);

void i18n
  .use(chunkBackend)
  .use(initReactI18next)
  .init({
    resources: bundled,
    partialBundledLanguages: true,
    // The kiosk shows no status bar, so it does not wait for (or carry) the sync and problem messages.
    ns: location.pathname.startsWith('/kiosk') ? ['common'] : shellNamespaces,
    defaultNS: 'common',
    lng: savedLanguage(),
    fallbackLng: 'vi',
    supportedLngs: LANGS,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
// Loading may finish after this line (a tick later): until then the saved choice is the page's language.
applyHtmlLang(i18n.language ?? savedLanguage());

export default i18n;
