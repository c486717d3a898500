// Server problem codes and sync failures → one sentence in the person's language (the "problems" namespace).
import i18n from 'i18next';
import type { SyncFailure } from './failure';

/** The plain-words message for a catalogue code such as "401.2" (or 401.2); falls back on the HTTP status. */
export function problemText(code: string | number | null | undefined, status?: number, lng = i18n.language): string {
  const key = code === null || code === undefined ? '' : String(code);
  if (/^\d{3}(\.\d+)?$/.test(key) && i18n.exists(key, { ns: 'problems', lng }) && key.includes('.')) return i18n.t(key, { ns: 'problems', lng });
  const s = status ?? (key ? Math.floor(Number(key)) : NaN);
  return Number.isFinite(s) ? i18n.t('status', { ns: 'problems', lng, status: s }) : i18n.t('unknown', { ns: 'problems', lng });
}

export function failureText(f: SyncFailure, lng = i18n.language): string {
  switch (f.kind) {
    case 'network':
      return i18n.t('network', { ns: 'problems', lng });
    case 'timeout':
      return i18n.t('timeout', { ns: 'problems', lng });
    case 'bad-answer':
      return i18n.t('badAnswer', { ns: 'problems', lng });
    case 'problem':
      return problemText(f.code, f.status, lng);
  }
}
