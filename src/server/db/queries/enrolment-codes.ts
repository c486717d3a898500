// One-time enrolment codes: a supervisor makes one, a tablet trades it for a device token within 24 hours.
import { randomBytes } from 'node:crypto';
import type { Db } from '../index';
import type { NewDevice } from '../schema';

/** Stores a new code (its hash) and answers the id that names it in lists, never derived from the code. */
export async function createEnrolmentCode(
  db: Db,
  c: { codeHash: string; siteId: string; createdBy: string | null; now: Date; expiresAt: Date },
): Promise<string> {
  const id = randomBytes(9).toString('base64url');
  await db.k
    .insertInto('enrolment_codes')
    .values({
      id,
      code_hash: c.codeHash,
      site_id: c.siteId,
      created_by: c.createdBy,
      created_at: c.now.toISOString(),
      expires_at: c.expiresAt.toISOString(),
      used_at: null,
      device_id: null,
    })
    .execute();
  return id;
}

/**
 * Spends a code and creates the device in one transaction. The conditional UPDATE is what makes the code
 * one-time: of two tablets racing with the same code, the database lets exactly one change the row. A code of a
 * deactivated site is not spent: the answer says so (the site takes no new tablets).
 */
export async function redeemEnrolmentCode(
  db: Db,
  codeHash: string,
  device: Omit<NewDevice, 'revoked_at' | 'site_id'>,
  now: Date,
): Promise<{ siteId: string } | { deactivatedSite: string } | undefined> {
  return db.k.transaction().execute(async (tx) => {
    const nowIso = now.toISOString();
    const inactive = await tx
      .selectFrom('enrolment_codes')
      .innerJoin('sites', 'sites.id', 'enrolment_codes.site_id')
      .select('sites.code')
      .where('enrolment_codes.code_hash', '=', codeHash)
      .where('sites.deactivated_at', 'is not', null)
      .executeTakeFirst();
    if (inactive) return { deactivatedSite: inactive.code };
    const spent = await tx
      .updateTable('enrolment_codes')
      .set({ used_at: nowIso, device_id: device.id })
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .where('cancelled_at', 'is', null)
      .where('expires_at', '>', nowIso)
      .returning('site_id')
      .executeTakeFirst();
    if (!spent) return undefined;
    await tx.insertInto('devices').values({ ...device, site_id: spent.site_id, revoked_at: null }).execute();
    return { siteId: spent.site_id };
  });
}

export interface PendingCode {
  id: string;
  site_id: string;
  created_by_username: string | null;
  created_at: string;
  expires_at: string;
}

/** Codes still usable now (not used, cancelled or expired), of the given sites or all, newest first. */
export function listPendingCodes(db: Db, now: Date, siteIds?: readonly string[]): Promise<PendingCode[]> {
  if (siteIds && siteIds.length === 0) return Promise.resolve([]);
  let q = db.k
    .selectFrom('enrolment_codes')
    .leftJoin('users', 'users.id', 'enrolment_codes.created_by')
    .select(['enrolment_codes.id', 'enrolment_codes.site_id', 'enrolment_codes.created_at', 'enrolment_codes.expires_at', 'users.username as created_by_username'])
    // Never the code's hash in its place: an 8-character code falls to a search from its SHA-256.
    .where('enrolment_codes.id', 'is not', null)
    .where('enrolment_codes.used_at', 'is', null)
    .where('enrolment_codes.cancelled_at', 'is', null)
    .where('enrolment_codes.expires_at', '>', now.toISOString())
    .orderBy('enrolment_codes.created_at', 'desc');
  if (siteIds) q = q.where('enrolment_codes.site_id', 'in', siteIds);
  return q.execute() as Promise<PendingCode[]>;
}

/** The site of a code still usable now, or undefined (unknown, used, cancelled or expired). */
export async function pendingCodeSite(db: Db, id: string, now: Date): Promise<string | undefined> {
  const row = await db.k
    .selectFrom('enrolment_codes')
    .select('site_id')
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  return row?.site_id;
}

/** Cancels a code still usable; false when it was not (a race with its use, or a second cancel). */
export async function cancelEnrolmentCode(db: Db, id: string, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  const done = await db.k
    .updateTable('enrolment_codes')
    .set({ cancelled_at: nowIso })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', nowIso)
    .executeTakeFirst();
  return Number(done.numUpdatedRows) > 0;
}
