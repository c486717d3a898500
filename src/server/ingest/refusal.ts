// Judges a batch of refusals before any write, by the rules a response is judged by (schema, times, device, site and
// enumerator scope, a published form), and stores the valid ones once: the same verdicts as POST /api/v1/submissions.
import { hash } from 'node:crypto';
import type { FormDefinition } from '../../core/forms/schema';
import { localDay } from '../../core/local-day';
import { REFUSAL_CONFLICT_REASON, rejection } from '../../core/protocol/problems';
import { Refusal } from '../../core/protocol/refusals';
import { rejected, type Verdict } from '../../core/protocol/verdicts';
import { canonicalJson } from '../../core/response/canonical';
import { implausibleTime } from '../../core/response/plausible-times';
import type { Db } from '../db/index';
import { insertRefusals, type RefusalRow } from '../db/queries/refusals';
import { splitItems } from './batch';
import { verdictsOf } from './ingest';
import { isoUtc } from './iso-utc';
import type { Scope } from './prepare';

const MAX_ECHOED_ID = 100;

type Prepared = { ok: true; row: RefusalRow } | { ok: false; verdict: Verdict };

function prepareRefusal(item: unknown, scope: Scope, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string): Prepared {
  const rawId = item !== null && typeof item === 'object' && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
  if (typeof rawId !== 'string' || rawId.length > MAX_ECHOED_ID) return { ok: false, verdict: rejected(null, rejection.notARefusal()) };
  const parsed = Refusal.safeParse(item);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return { ok: false, verdict: rejected(rawId, rejection.invalidResponse({ issues })) };
  }
  const r = parsed.data;
  // A refusal happens at one instant: the bounds of a response's completion apply to it.
  const badTime = implausibleTime({ startedAt: r.occurredAt, completedAt: r.occurredAt, durationMs: {} }, Date.parse(receivedAt));
  if (badTime) {
    const issue = { path: 'occurredAt', message: badTime.message.replace(/completedAt|startedAt/g, 'occurredAt') };
    return { ok: false, verdict: rejected(r.id, rejection.invalidResponse({ issues: [issue] })) };
  }
  const scoped = scope.check(r);
  if (scoped) return { ok: false, verdict: rejected(r.id, scoped) };
  const form = forms.get(`${r.formId}@${r.formVersion}`);
  if (!form) {
    const known = [...forms.values()].some((f) => f.id === r.formId);
    return { ok: false, verdict: rejected(r.id, known ? rejection.formVersionNotPublished({ formId: r.formId, version: r.formVersion }) : rejection.formNotPublished({ formId: r.formId })) };
  }
  if (form.kind !== 'interview') {
    return { ok: false, verdict: rejected(r.id, rejection.invalidResponse({ issues: [{ path: 'formId', message: `formId: "${r.formId}" is a kiosk form; only interviews are refused` }] })) };
  }
  const payload = canonicalJson(r);
  if (/\\u0000|\\ud[89a-f]/i.test(payload)) return { ok: false, verdict: rejected(r.id, rejection.illFormedText({ path: '' })) };
  const at = Date.parse(r.occurredAt);
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
      reason: r.reason,
      occurred_at: isoUtc(at),
      received_at: receivedAt,
      local_day: localDay(at, scope.timeZoneOf(r.siteId)),
    },
  };
}

function refusalConflict(id: string): Verdict {
  return { id, status: 'conflict', code: 409.8, reason: REFUSAL_CONFLICT_REASON };
}

/** One verdict per item, in order: refused items are judged first, the rest inserted in one statement. */
export async function ingestRefusals(db: Db, items: readonly unknown[], scope: Scope, forms: ReadonlyMap<string, FormDefinition>, receivedAt: Date): Promise<Verdict[]> {
  const at = receivedAt.toISOString();
  const batch = splitItems(items, (item) => prepareRefusal(item, scope, forms, at));
  return verdictsOf(batch, await insertRefusals(db, batch.rows), refusalConflict);
}
