// A person asked but not interviewed (issue 11): the draft becomes a refusal in the refusals' queue in one transaction,
// so it is in exactly one of the two tables; the refusal carries the reason and nothing the person answered.
import { toIsoWithOffset } from '../../core';
import { Refusal, type RefusalReason } from '../../core/protocol/refusals';
import { db } from './db';
import { guardedWrite } from './errors';
import type { RefusalEntry } from './types';

declare const __APP_VERSION__: string;

/** Records the refusal of the draft's person and drops the draft; the draft's id (a UUIDv7) is the refusal's, so a second tap records nothing new. */
export function recordRefusal(draftId: string, reason: RefusalReason, at = toIsoWithOffset()): Promise<RefusalEntry> {
  return guardedWrite(() =>
    db.transaction('rw', db.drafts, db.refusals, async () => {
      const already = await db.refusals.get(draftId);
      if (already) return already;
      const d = await db.drafts.get(draftId);
      if (!d) throw new Error(`draft ${draftId} not found`);
      if (d.formId === null || d.formVersion === null) throw new Error(`draft ${draftId} has lost its form`);
      const refusal = Refusal.parse({
        id: d.id,
        formId: d.formId,
        formVersion: d.formVersion,
        siteId: d.siteId,
        deviceId: d.deviceId,
        enumeratorId: d.enumeratorId,
        reason,
        occurredAt: at,
        appVersion: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
      });
      const entry: RefusalEntry = { id: d.id, refusal, state: 'queued', queuedAt: new Date().toISOString(), attempts: 0 };
      await db.refusals.put(entry);
      await db.drafts.delete(d.id);
      return entry;
    }),
  );
}
