// A hand-written fast path for the Response schema: accepts only what zod accepts, with the same output; anything else goes to zod.
import { Response } from '../../core/response/schema';

/*
 * zod's Response.safeParse costs about 17 µs a response (unions over every answer, issue objects built and
 * thrown away); this check costs about 1 µs. It is one-sided by design: when it returns a value, zod would
 * have returned the same (deep-equal) value; when it returns null the caller asks zod, which decides and words
 * the error. So a case this code does not handle (a "__proto__" key, an object with an odd prototype, a value
 * JSON cannot carry) can only cost time, never change a verdict. fast-response.test.ts checks both directions
 * against zod with fast-check on valid and mutated responses.
 */

const shape = Response.def.shape;

/** The schema's own patterns, read from it so the two can never drift apart. */
function patternOf(schema: unknown, what: string): RegExp {
  const def = (schema as { def?: { pattern?: unknown; checks?: { _zod?: { def?: { pattern?: unknown } } }[] } }).def;
  const p = def?.pattern ?? def?.checks?.find((c) => c._zod?.def?.pattern instanceof RegExp)?._zod?.def?.pattern;
  if (!(p instanceof RegExp)) throw new Error(`fast-response: no pattern on the Response schema's ${what}`);
  return p;
}
const UUID_V7 = patternOf(shape.id, 'id');
const DATETIME = patternOf(shape.startedAt, 'startedAt');
if (patternOf(shape.completedAt, 'completedAt').source !== DATETIME.source) throw new Error('fast-response: startedAt and completedAt differ');

const ID64_MAX = 64;
const KEY_MAX = 64;
const CODE_MAX = 64;
const NAME_MAX = 300;

/** The keys the strict object knows; any other key makes zod refuse. */
const KNOWN = new Set(Object.keys(shape));

const isId64 = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= ID64_MAX;

/** A plain JSON object: what JSON.parse builds. Other objects go to zod. */
function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

function answersOk(a: unknown): boolean {
  if (!isJsonObject(a)) return false;
  for (const k in a) {
    // zod drops a "__proto__" key; the copy we hand on would keep it, so let zod do that one.
    if (k.length > KEY_MAX || k === '__proto__') return false;
    const v = a[k];
    if (v === null || typeof v === 'string') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  }
  return true;
}

function durationsOk(d: Record<string, unknown>): boolean {
  for (const k in d) {
    if (k.length > KEY_MAX || k === '__proto__') return false;
    const v = d[k];
    if (!Number.isSafeInteger(v) || (v as number) < 0) return false;
  }
  return true;
}

function flagsOk(f: unknown[]): boolean {
  for (let i = 0; i < f.length; i++) {
    const x = f[i];
    if (x !== 'kiosk-misuse' && x !== 'followup-unanswered') return false;
  }
  return true;
}

/**
 * The value Response.parse(input) would return, or null when this fast path cannot vouch for the input (it
 * may still be valid: ask zod). Answers and duration records are shared with the input, not copied: nothing
 * downstream mutates them.
 */
export function fastParseResponse(input: unknown): Response | null {
  if (!isJsonObject(input)) return null;
  for (const k in input) if (!KNOWN.has(k)) return null;
  const o = input;
  const { id, formId, formVersion, mode, siteId, deviceId, locale, startedAt, completedAt, appVersion } = o;
  if (typeof id !== 'string' || !UUID_V7.test(id)) return null;
  if (!isId64(formId) || !isId64(siteId) || !isId64(deviceId) || !isId64(appVersion)) return null;
  if (!Number.isSafeInteger(formVersion) || (formVersion as number) < 1) return null;
  if (mode !== 'interview' && mode !== 'kiosk') return null;
  if (locale !== 'vi' && locale !== 'en') return null;
  if (typeof startedAt !== 'string' || typeof completedAt !== 'string' || !DATETIME.test(startedAt) || !DATETIME.test(completedAt)) return null;

  let enumeratorId = o.enumeratorId;
  if (enumeratorId === undefined) enumeratorId = null;
  else if (enumeratorId !== null && !isId64(enumeratorId)) return null;

  let procedure: { code: string; name: string } | null = null;
  const p = o.procedure;
  if (p !== undefined && p !== null) {
    // A plain object, not strict: unknown keys are dropped, code and name trimmed before their lengths are checked.
    if (!isJsonObject(p) || typeof p.code !== 'string') return null;
    const code = p.code.trim();
    if (code.length > CODE_MAX) return null;
    let name = '';
    if (p.name !== undefined) {
      if (typeof p.name !== 'string') return null;
      name = p.name.trim();
      if (name.length > NAME_MAX) return null;
    }
    // A code, a name, or both: an enumerator may know a procedure only by its name.
    if (code === '' && name === '') return null;
    procedure = { code, name };
  }

  const answers = o.answers;
  if (!answersOk(answers)) return null;

  let durationMs = o.durationMs;
  if (durationMs === undefined) durationMs = {};
  else if (!isJsonObject(durationMs) || !durationsOk(durationMs)) return null;

  let flags = o.flags;
  if (flags === undefined) flags = [];
  else if (!Array.isArray(flags) || !flagsOk(flags)) return null;
  else flags = flags.slice();

  // The schema's refinements: zod reports these; we only decline.
  if (Date.parse(completedAt) < Date.parse(startedAt)) return null;
  if (mode === 'interview' && !enumeratorId) return null;

  return {
    id,
    formId: formId as string,
    formVersion: formVersion as number,
    mode,
    siteId: siteId as string,
    deviceId: deviceId as string,
    enumeratorId: enumeratorId as string | null,
    procedure,
    locale,
    startedAt,
    completedAt,
    answers: answers as Response['answers'],
    durationMs: durationMs as Record<string, number>,
    flags: flags as Response['flags'],
    appVersion: appVersion as string,
  };
}
