// The canonical JSON of a parsed Response, written for its known shape: byte-for-byte core canonicalJson, several times faster.
import type { FormDefinition } from '../../core/forms/schema';
import { itemsById } from '../../core/forms/visibility';
import type { Response } from '../../core/response/schema';

const str = JSON.stringify;

/** Sorted keys of a record, as canonicalJson orders them (UTF-16 code units, which is Array.prototype.sort's default). */
function recordJson(rec: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(rec).sort();
  let s = '{';
  let first = true;
  for (const k of keys) {
    const v = rec[k];
    if (v === undefined) continue;
    s += `${first ? '' : ','}${str(k)}:${valueJson(v)}`;
    first = false;
  }
  return `${s}}`;
}

function valueJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return str(v ?? null);
  if (Array.isArray(v)) {
    let s = '[';
    for (let i = 0; i < v.length; i++) s += (i ? ',' : '') + valueJson(v[i]);
    return `${s}]`;
  }
  return recordJson(v as Record<string, unknown>);
}

/** A form's item ids in canonical (sorted) order, each with its `"id":` already written; built once per form. */
interface AnswerOrder {
  ids: string[];
  prefixes: string[];
}
const answerOrders = new WeakMap<FormDefinition, AnswerOrder>();

function answerOrderOf(form: FormDefinition): AnswerOrder {
  let o = answerOrders.get(form);
  if (!o) {
    const ids = [...itemsById(form).keys()].sort();
    o = { ids, prefixes: ids.map((id) => `${str(id)}:`) };
    answerOrders.set(form, o);
  }
  return o;
}

/**
 * The answers as canonicalJson writes them, walking the form's sorted item ids instead of sorting the keys of
 * every response. Only when every answered key is an item of the form (validateResponse guarantees it);
 * otherwise the general writer. Answer values are numbers, strings, lists of strings or null, which
 * JSON.stringify writes exactly as canonicalJson does.
 */
function answersJson(answers: Readonly<Record<string, unknown>>, form: FormDefinition | undefined): string {
  if (!form) return recordJson(answers);
  let present = 0;
  for (const k in answers) if (answers[k] !== undefined) present++;
  const { ids, prefixes } = answerOrderOf(form);
  let s = '{';
  let written = 0;
  for (let i = 0; i < ids.length && written < present; i++) {
    const v = answers[ids[i]];
    if (v === undefined || !Object.hasOwn(answers, ids[i])) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return recordJson(answers);
    s += (written ? ',' : '') + prefixes[i] + (typeof v === 'string' ? str(v) : typeof v === 'number' ? num(v) : valueJson(v));
    written++;
  }
  return written === present ? `${s}}` : recordJson(answers);
}

/** A number as JSON.stringify writes it (finite numbers print alike either way; the schema lets no other through, but stay exact). */
const num = (v: number) => (Number.isFinite(v) ? String(v) : 'null');

/** Section durations as canonicalJson writes them: the form's sections are the usual keys, so their sorted order is tried first. */
const sectionOrders = new WeakMap<FormDefinition, AnswerOrder>();
function durationsJson(d: Readonly<Record<string, number>>, form: FormDefinition | undefined): string {
  if (!form) return recordJson(d);
  let order = sectionOrders.get(form);
  if (!order) {
    const ids = form.sections.map((s) => s.id).sort();
    sectionOrders.set(form, (order = { ids, prefixes: ids.map((id) => `${str(id)}:`) }));
  }
  let present = 0;
  for (const k in d) if (d[k] !== undefined) present++;
  const { ids, prefixes } = order;
  let s = '{';
  let written = 0;
  for (let i = 0; i < ids.length && written < present; i++) {
    const v = d[ids[i]];
    if (v === undefined || !Object.hasOwn(d, ids[i])) continue;
    s += (written ? ',' : '') + prefixes[i] + (typeof v === 'number' ? num(v) : valueJson(v));
    written++;
  }
  return written === present ? `${s}}` : recordJson(d);
}

/**
 * canonicalJson(r) for a Response that passed the strict schema: its top-level keys are fixed, so they are
 * written in their sorted order directly; only answers and durationMs need sorting. With the form the
 * response was validated against, those follow the form's precomputed orders. id, the two timestamps, locale
 * and mode are quoted without escaping: the schema only lets through characters JSON writes as themselves.
 * A test checks both forms agree with canonicalJson.
 */
export function canonicalResponseJson(r: Response, form?: FormDefinition): string {
  const p = r.procedure;
  return (
    `{"answers":${answersJson(r.answers, form)}` +
    `,"appVersion":${str(r.appVersion)}` +
    `,"completedAt":"${r.completedAt}"` +
    `,"deviceId":${str(r.deviceId)}` +
    `,"durationMs":${durationsJson(r.durationMs, form)}` +
    `,"enumeratorId":${str(r.enumeratorId)}` +
    `,"flags":${r.flags.length === 0 ? '[]' : valueJson(r.flags)}` +
    `,"formId":${str(r.formId)}` +
    `,"formVersion":${str(r.formVersion)}` +
    `,"id":"${r.id}"` +
    `,"locale":"${r.locale}"` +
    `,"mode":"${r.mode}"` +
    `,"procedure":${p === null ? 'null' : `{"code":${str(p.code)},"name":${str(p.name)}}`}` +
    `,"siteId":${str(r.siteId)}` +
    `,"startedAt":"${r.startedAt}"}`
  );
}

/** The keys canonicalResponseJson writes; the test compares them with the schema's, so a new field cannot be missed. */
export const CANONICAL_RESPONSE_KEYS = [
  'answers', 'appVersion', 'completedAt', 'deviceId', 'durationMs', 'enumeratorId', 'flags', 'formId',
  'formVersion', 'id', 'locale', 'mode', 'procedure', 'siteId', 'startedAt',
] as const;
