// The canonical JSON of a parsed Response, written for its known shape: byte-for-byte core canonicalJson, several times faster.
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

/**
 * canonicalJson(r) for a Response that passed the strict schema: its top-level keys are fixed, so they are
 * written in their sorted order directly; only answers and durationMs need sorting. A test checks the two agree.
 */
export function canonicalResponseJson(r: Response): string {
  const p = r.procedure;
  return (
    `{"answers":${recordJson(r.answers)}` +
    `,"appVersion":${str(r.appVersion)}` +
    `,"completedAt":${str(r.completedAt)}` +
    `,"deviceId":${str(r.deviceId)}` +
    `,"durationMs":${recordJson(r.durationMs)}` +
    `,"enumeratorId":${str(r.enumeratorId)}` +
    `,"flags":${valueJson(r.flags)}` +
    `,"formId":${str(r.formId)}` +
    `,"formVersion":${str(r.formVersion)}` +
    `,"id":${str(r.id)}` +
    `,"locale":${str(r.locale)}` +
    `,"mode":${str(r.mode)}` +
    `,"procedure":${p === null ? 'null' : `{"code":${str(p.code)},"name":${str(p.name)}}`}` +
    `,"siteId":${str(r.siteId)}` +
    `,"startedAt":${str(r.startedAt)}}`
  );
}

/** The keys canonicalResponseJson writes; the test compares them with the schema's, so a new field cannot be missed. */
export const CANONICAL_RESPONSE_KEYS = [
  'answers', 'appVersion', 'completedAt', 'deviceId', 'durationMs', 'enumeratorId', 'flags', 'formId',
  'formVersion', 'id', 'locale', 'mode', 'procedure', 'siteId', 'startedAt',
] as const;
