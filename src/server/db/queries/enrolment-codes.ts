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
 * one-time: of two tablets racing with the same code, the database lets exactly one change the row.
 */
export async function redeemEnrolmentCode(
  db: Db,
  codeHash: string,
  device: Omit<NewDevice, 'revoked_at' | 'site_id'>,
  now: Date,
): Promise<{ siteId: string } | undefined> {
  return db.k.transaction().execute(async (tx) => {
    const nowIso = now.toISOString();
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
