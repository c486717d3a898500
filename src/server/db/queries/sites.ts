// Sites: the one-stop desks (sở/ngành, quận/huyện, xã/phường) that responses, users and devices belong to.
import type { SiteKind } from '../../../core/protocol/sites';
import { newResponseId as newId } from '../../../core/response/id';
import type { Db } from '../index';
import type { Site } from '../schema';

export async function createSite(db: Db, input: { code: string; name: string; kind: SiteKind; timeZone?: string }, now: Date): Promise<Site> {
  const site: Site = {
    id: newId(),
    code: input.code,
    name: input.name,
    kind: input.kind,
    time_zone: input.timeZone ?? 'Asia/Ho_Chi_Minh',
    created_at: now.toISOString(),
    deactivated_at: null,
  };
  await db.k.insertInto('sites').values(site).execute();
  return site;
}

export function getSite(db: Db, id: string): Promise<Site | undefined> {
  return db.k.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getSiteByCode(db: Db, code: string): Promise<Site | undefined> {
  return db.k.selectFrom('sites').selectAll().where('code', '=', code).executeTakeFirst();
}

/** All sites, or only those with the given ids (a supervisor's scope). */
export function listSites(db: Db, ids?: readonly string[]): Promise<Site[]> {
  let q = db.k.selectFrom('sites').selectAll().orderBy('code');
  if (ids) {
    if (ids.length === 0) return Promise.resolve([]);
    q = q.where('id', 'in', ids);
  }
  return q.execute();
}

export interface SiteChanges {
  name?: string;
  kind?: SiteKind;
  timeZone?: string;
  /** An ISO instant deactivates, null reactivates. */
  deactivatedAt?: string | null;
}

/** Changes the fields given; answers the site as it now is, or undefined when there is none. */
export async function updateSite(db: Db, id: string, c: SiteChanges): Promise<Site | undefined> {
  const set = {
    ...(c.name !== undefined ? { name: c.name } : {}),
    ...(c.kind !== undefined ? { kind: c.kind } : {}),
    ...(c.timeZone !== undefined ? { time_zone: c.timeZone } : {}),
    ...(c.deactivatedAt !== undefined ? { deactivated_at: c.deactivatedAt } : {}),
  };
  if (Object.keys(set).length) await db.k.updateTable('sites').set(set).where('id', '=', id).execute();
  return getSite(db, id);
}
