// The people import's reads and writes: what exists (sites, people with their site codes and PIN hashes), and a checked
// plan written in one transaction with its audit row, so a failure anywhere leaves the database as it was.
import type { ExistingPerson, ExistingSite, SiteWrite } from '../../../core/admin/people-import';
import type { SiteKind } from '../../../core/protocol/sites';
import { newResponseId as newId } from '../../../core/response/id';
import type { Db } from '../index';

export interface ImportState {
  sites: Map<string, ExistingSite>;
  people: Map<string, ExistingPerson>;
  /** Stored PIN hashes by username, for the plan's "is this PIN the stored one" question. */
  pinHashes: Map<string, string>;
}

export async function importState(db: Db): Promise<ImportState> {
  const [sites, users, links] = await Promise.all([
    db.k.selectFrom('sites').select(['id', 'code', 'name', 'kind', 'time_zone', 'deactivated_at']).execute(),
    db.k.selectFrom('users').select(['id', 'username', 'role', 'display_name', 'disabled', 'password_hash', 'pin_hash']).execute(),
    db.k.selectFrom('user_sites').innerJoin('sites', 'sites.id', 'user_sites.site_id').select(['user_sites.user_id', 'sites.code']).execute(),
  ]);
  const codesOf = new Map<string, string[]>();
  for (const l of links) codesOf.set(l.user_id, [...(codesOf.get(l.user_id) ?? []), l.code]);
  const state: ImportState = { sites: new Map(), people: new Map(), pinHashes: new Map() };
  for (const s of sites) state.sites.set(s.code, { code: s.code, name: s.name, kind: s.kind, timeZone: s.time_zone, deactivated: s.deactivated_at != null });
  for (const u of users) {
    state.people.set(u.username, {
      username: u.username,
      role: u.role,
      displayName: u.display_name,
      siteCodes: codesOf.get(u.id) ?? [],
      disabled: u.disabled === 1,
      hasPassword: u.password_hash !== null,
      hasPin: u.pin_hash !== null,
    });
    if (u.pin_hash !== null) state.pinHashes.set(u.username, u.pin_hash);
  }
  return state;
}

/** A person write with its secrets already hashed (hashing is slow: it is done before the transaction opens). */
export type PersonRecord =
  | { op: 'create'; role: 'supervisor' | 'enumerator'; username: string; displayName: string; siteCodes: string[]; passwordHash: string | null; pinHash: string | null }
  | { op: 'update'; username: string; displayName?: string; siteCodes?: string[]; passwordHash?: string; pinHash?: string };

export interface ImportWrites {
  sites: readonly SiteWrite[];
  people: readonly PersonRecord[];
  audit: { actor: string | null; details: Record<string, unknown> };
}

/** Rows per INSERT: far under SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** Writes the plan in one transaction; the audit row ("people.import") is part of it. */
export async function applyImport(db: Db, writes: ImportWrites, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.k.transaction().execute(async (tx) => {
    const newSites = writes.sites.filter((s) => s.op === 'create');
    for (const part of chunks(newSites)) {
      await tx
        .insertInto('sites')
        .values(part.map((s) => ({ id: newId(), code: s.code, name: s.name, kind: s.kind, time_zone: s.timeZone, created_at: at, deactivated_at: null })))
        .execute();
    }
    for (const s of writes.sites) {
      if (s.op !== 'update') continue;
      const set: { name?: string; kind?: SiteKind; time_zone?: string } = {};
      if (s.name !== undefined) set.name = s.name;
      if (s.kind !== undefined) set.kind = s.kind;
      if (s.timeZone !== undefined) set.time_zone = s.timeZone;
      await tx.updateTable('sites').set(set).where('code', '=', s.code).execute();
    }

    const named = new Set(writes.people.flatMap((p) => p.siteCodes ?? []));
    const siteIds = new Map<string, string>();
    for (const part of chunks([...named])) {
      for (const r of await tx.selectFrom('sites').select(['id', 'code']).where('code', 'in', part).execute()) siteIds.set(r.code, r.id);
    }
    const links = (userId: string, codes: readonly string[]) => codes.map((c) => ({ user_id: userId, site_id: siteIds.get(c)! }));

    const creates = writes.people.filter((p) => p.op === 'create').map((p) => ({ id: newId(), p }));
    for (const part of chunks(creates)) {
      await tx
        .insertInto('users')
        .values(part.map(({ id, p }) => ({ id, username: p.username, display_name: p.displayName, role: p.role, password_hash: p.passwordHash, pin_hash: p.pinHash, disabled: 0, created_at: at })))
        .execute();
    }
    for (const part of chunks(creates.flatMap(({ id, p }) => links(id, p.siteCodes)))) await tx.insertInto('user_sites').values(part).execute();

    for (const p of writes.people) {
      if (p.op !== 'update') continue;
      const user = await tx.selectFrom('users').select('id').where('username', '=', p.username).executeTakeFirstOrThrow();
      const set: { display_name?: string; password_hash?: string; pin_hash?: string } = {};
      if (p.displayName !== undefined) set.display_name = p.displayName;
      if (p.passwordHash !== undefined) set.password_hash = p.passwordHash;
      if (p.pinHash !== undefined) set.pin_hash = p.pinHash;
      if (Object.keys(set).length) await tx.updateTable('users').set(set).where('id', '=', user.id).execute();
      if (p.siteCodes) {
        await tx.deleteFrom('user_sites').where('user_id', '=', user.id).execute();
        if (p.siteCodes.length) await tx.insertInto('user_sites').values(links(user.id, p.siteCodes)).execute();
      }
    }

    // The audit row inside the same transaction (audit() writes outside one): no import is written without its record.
    await tx
      .insertInto('audit_log')
      .values({ id: newId(), at, actor: writes.audit.actor, action: 'people.import', site_id: null, details: JSON.stringify(writes.audit.details) })
      .execute();
  });
}
