// Judges one submitted item before any write: schema, scope, form and answers; a valid one becomes a row to insert.
import { hash } from 'node:crypto';
import { config, locales } from 'zod/mini';
import type { FormDefinition } from '../../core/forms/schema';
import { localDay } from '../../core/local-day';
import { rejection } from '../../core/protocol/problems';
import { rejected, type Rejection, type Verdict } from '../../core/protocol/verdicts';
import { implausibleTime } from '../../core/response/plausible-times';
import { Response, type Answers } from '../../core/response/schema';
import { validateResponse } from '../../core/response/validate';
import type { StoredResponseRow } from '../db/queries/responses';
import { canonicalResponseJson } from './canonical-response';
import { fastParseResponse } from './fast-response';
import { isoUtc } from './iso-utc';

// Rejection reasons are zod's English messages. zod/mini ships no locale ("Invalid input" for everything); the full
// zod the API routes load installs English on first use, but an ingest worker loads none of those routes. So set
// the same default here, only when none is set, exactly as full zod does: the same reason on every thread.
if (!config().localeError) config(locales.en());

/** Who may submit what: a device for its own site, a supervisor for the sites in scope. */
export interface Scope {
  check(r: Pick<Response, 'siteId' | 'deviceId' | 'enumeratorId'>): Rejection | null;
  timeZoneOf(siteId: string): string;
}

/** A row ready to insert, carrying the parsed answers so work in the same transaction (the score rollup) need not parse the payload again. */
export type PreparedRow = StoredResponseRow & { answers: Answers };

export type Prepared = { ok: true; row: PreparedRow } | { ok: false; verdict: Verdict };

const MAX_ECHOED_ID = 100;
const INT4_MAX = 2_147_483_647;

/** The item's id when it is a string short enough to echo back, else null. */
function idOf(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' && id.length <= MAX_ECHOED_ID ? id : null;
}

export function prepareItem(item: unknown, scope: Scope, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string): Prepared {
  const id = idOf(item);
  if (id === null) {
    return { ok: false, verdict: rejected(null, rejection.notAResponse()) };
  }
  // The fast path vouches only for what zod would accept unchanged; everything else (and every error message) is zod's.
  let r = fastParseResponse(item);
  if (r === null) {
    const parsed = Response.safeParse(item);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      return { ok: false, verdict: rejected(id, rejection.invalidResponse({ issues })) };
    }
    r = parsed.data;
  }
  const badTime = implausibleTime(r, Date.parse(receivedAt));
  if (badTime) return { ok: false, verdict: rejected(id, rejection.invalidResponse({ issues: [badTime] })) };
  const scoped = scope.check(r);
  if (scoped) return { ok: false, verdict: rejected(id, scoped) };

  const form = forms.get(`${r.formId}@${r.formVersion}`);
  if (!form) {
    const known = [...forms.values()].some((f) => f.id === r.formId);
    return {
      ok: false,
      verdict: rejected(id, known ? rejection.formVersionNotPublished({ formId: r.formId, version: r.formVersion }) : rejection.formNotPublished({ formId: r.formId })),
    };
  }
  const issues = validateResponse(form, r);
  if (issues.length) return { ok: false, verdict: rejected(id, rejection.invalidResponse({ issues })) };
  const payload = canonicalResponseJson(r, form);
  // JSON.stringify writes NUL and lone surrogates as \u escapes and every other character as itself, so a payload
  // without "\u" holds neither; only otherwise is the response walked to name the field.
  const badText = payload.includes('\\u') ? findIllFormedText(r) : null;
  if (badText !== null) {
    return { ok: false, verdict: rejected(id, rejection.illFormedText({ path: badText })) };
  }
  const started = Date.parse(r.startedAt);
  const completed = Date.parse(r.completedAt);
  let duration = 0;
  let sections = 0;
  const durations = r.durationMs;
  for (const k in durations) {
    duration += durations[k];
    sections++;
  }
  if (sections === 0) duration = completed - started;
  return {
    ok: true,
    row: {
      id: r.id,
      payload,
      payload_hash: hash('sha256', payload, 'hex'),
      form_id: r.formId,
      form_version: r.formVersion,
      site_id: r.siteId,
      device_id: r.deviceId,
      enumerator_id: r.enumeratorId,
      mode: r.mode,
      started_at: isoUtc(started),
      completed_at: isoUtc(completed),
      received_at: receivedAt,
      local_day: cachedLocalDay(completed, scope.timeZoneOf(r.siteId)),
      // The payload keeps the exact figures; the column is for sorting and flags, so it is clamped to fit.
      duration_ms: Math.min(Math.max(0, duration), INT4_MAX),
      flags: r.flags.length === 0 ? '[]' : JSON.stringify(r.flags),
      // A procedure known only by its name has no code to sort or group by.
      procedure_code: r.procedure?.code || null,
      answers: r.answers,
    },
  };
}

// NUL cannot be stored in PostgreSQL text and a lone surrogate cannot be encoded as UTF-8: refuse both, naming where.
const ILL_FORMED = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findIllFormedText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return ILL_FORMED.test(value) ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findIllFormedText(value[i], `${path}.${i}`.replace(/^\./, ''));
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    const p = path ? `${path}.${k}` : k;
    if (ILL_FORMED.test(k)) return p;
    const hit = findIllFormedText(v, p);
    if (hit !== null) return hit;
  }
  return null;
}

// Local days repeat for every response of a shift: remember them per zone and 15-minute slot (every UTC offset is a multiple of 15 min).
const dayCache = new Map<string, Map<number, string>>();
function cachedLocalDay(ms: number, timeZone: string): string {
  let zone = dayCache.get(timeZone);
  if (!zone) {
    if (dayCache.size > 1_000) dayCache.clear();
    dayCache.set(timeZone, (zone = new Map()));
  }
  const slot = Math.floor(ms / 900_000);
  let day = zone.get(slot);
  if (day === undefined) {
    day = localDay(ms, timeZone);
    if (zone.size > 50_000) zone.clear();
    zone.set(slot, day);
  }
  return day;
}
