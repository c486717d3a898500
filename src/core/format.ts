// Numbers and dates the way each language writes them ("90,15%" in Vietnamese), shared by the PWA, exports and server.

/** The site's zone: figures and timestamps are read on the one-stop desk's own clock. */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** App languages map to the regional conventions people expect; any other BCP 47 tag passes through. */
export function intlLocale(locale: string): string {
  const lang = locale.toLowerCase().split(/[-_]/)[0];
  if (lang === 'vi') return 'vi-VN';
  if (lang === 'en') return 'en-GB';
  return locale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, maxFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/** 1234.5 → "1.234,5" (vi) or "1,234.5" (en). */
export function formatNumber(value: number, locale: string, maxFractionDigits = 2): string {
  return numberFormat(locale, maxFractionDigits).format(value);
}

/** A value already in percent (90.15, not 0.9015) → "90,15%" (vi) or "90.15%" (en). */
export function formatPercent(value: number, locale: string, maxFractionDigits = 2): string {
  return `${formatNumber(value, locale, maxFractionDigits)}%`;
}

function toDate(value: string | Date | number): Date {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a date: ${String(value)}`);
  return d;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${withTime}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(locale), {
      timeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    dateFormats.set(key, f);
  }
  return f;
}

/** "27/11/2026" in the site's zone (both languages write day/month/year). */
export function formatDate(value: string | Date | number, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, timeZone, false).format(toDate(value));
}

/** "01:00 27/11/2026" (vi) or "27/11/2026, 01:00" (en), 24-hour clock, in the site's zone. */
export function formatDateTime(value: string | Date | number, locale: string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(locale, timeZone, true).format(toDate(value));
}
