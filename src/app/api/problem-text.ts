// Problem codes and failed requests → one sentence in the person's language, from the "problems" namespace, which has a
// message for every code of core's catalogue (and staff wording where the tablet's would not fit).
import i18n from 'i18next';
import type { ApiFailure } from './api-error';

/** Who reads the message: the tablet's words speak of the tablet and its queue; staff screens get their own where they differ. */
export type Audience = 'tablet' | 'staff';

const NS = 'problems';

function say(key: string, locale: string, audience: Audience, vars: Record<string, unknown> = {}): string {
  return i18n.t(key, { ns: NS, lng: locale, ...(audience === 'staff' ? { context: 'staff' } : {}), ...vars });
}

/** The plain-words message for a catalogue code such as "401.2" (or 401.2); falls back on the HTTP status. */
export function problemText(code: string | number | null | undefined, locale: string, { status, audience = 'tablet' }: { status?: number; audience?: Audience } = {}): string {
  const key = code === null || code === undefined ? '' : String(code);
  if (/^\d{3}\.\d+$/.test(key) && i18n.exists(key, { ns: NS, lng: locale })) return say(key, locale, audience);
  const s = status ?? (key ? Math.floor(Number(key)) : NaN);
  if (!Number.isFinite(s)) return say('unknown', locale, audience);
  return say(s >= 500 ? 'serverError' : 'status', locale, audience, { status: s });
}

export function failureText(f: ApiFailure, locale: string, audience: Audience = 'tablet'): string {
  switch (f.kind) {
    case 'network':
      return say('network', locale, audience);
    case 'timeout':
      return say('timeout', locale, audience);
    case 'bad-answer':
      return say('badAnswer', locale, audience);
    case 'problem':
      return problemText(f.code, locale, { status: f.status, audience });
  }
}
