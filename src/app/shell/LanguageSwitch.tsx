// vi/en switch: each language named in its own language, with its own lang attribute for screen readers.
import { useTranslation } from 'react-i18next';
import { LANGS, setLanguage } from '../i18n';
import { LANGUAGE_NAMES } from '../i18n/languages';

export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`lang-switch ${className}`} role="group" aria-label={t('language.label')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="btn btn-small"
          aria-pressed={i18n.language === l}
          onClick={() => void setLanguage(l)}
        >
          {LANGUAGE_NAMES[l]}
        </button>
      ))}
    </div>
  );
}
