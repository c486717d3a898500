// Picks a form label in the person's language (form labels live in the form definition, not in locales).
import type { LocalizedText } from '../../core';

export function label(text: LocalizedText | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text.vi;
}
