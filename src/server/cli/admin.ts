// `npm run admin -- <command>`: sets up sites, people and devices from a terminal, on SQLite or PostgreSQL alike.
import { hashEnumeratorPin } from '../auth/pin-hash';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SITE_KINDS } from '../../core/protocol/sites';
import { formatDateTime, formatNumber } from '../../core/format';
import { ENROLMENT_CODE_HOURS } from '../api/enrolment-codes';
import { hashSecret, newEnrolmentCode, sha256 } from '../auth/secrets';
import { openDb, type Db } from '../db/index';
import { migrate } from '../db/migrate';
import { audit } from '../db/queries/audit';
import type { DeviceJson } from '../../core/protocol/devices';
import { listDevices, revokeDevice } from '../db/queries/devices';
import { createEnrolmentCode } from '../db/queries/enrolment-codes';
import { createSite, getSiteByCode, listSites } from '../db/queries/sites';
import { createUser, getUserByUsername, listUsers } from '../db/queries/users';
import type { Site } from '../db/schema';
import { rebuildRollups } from '../scores/rebuild';

export const USAGE = `Hài Lòng admin — usage: npm run admin -- <command> [options]

  create-admin   --username U --password P [--name "Display name"]
  create-site    --code C --name "Name" --kind so-nganh|quan-huyen|xa-phuong [--time-zone Asia/Ho_Chi_Minh]
  create-user    --username U --role supervisor|enumerator --name "Display name" --sites CODE[,CODE…]
                 [--password P] (required for supervisors)  [--pin 1234] (enumerators, optional)
  enrolment-code --site CODE      a one-time code a tablet of that site types within ${ENROLMENT_CODE_HOURS} h
  list-sites
  list-users
  list-devices   [--site CODE]   each tablet's health: last seen, last sync, app version, waiting, storage, flags
  revoke-device  --id DEVICE_ID
  rebuild-rollups  recompute the score tables from the stored responses (after a restore or a manual fix)

The database is SQLite at ./data/hailong.db (DATA_DIR to move it), or PostgreSQL when DATABASE_URL=postgres://… is set.
`;

export class UsageError extends Error {}

export interface AdminIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** An already open database (tests); otherwise one is opened from the environment and closed at the end. */
  db?: Db;
}

const OPTIONS = {
  username: { type: 'string' },
  password: { type: 'string' },
  name: { type: 'string' },
  code: { type: 'string' },
  kind: { type: 'string' },
  'time-zone': { type: 'string' },
  role: { type: 'string' },
  sites: { type: 'string' },
  site: { type: 'string' },
  pin: { type: 'string' },
  id: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function need(values: Values, key: keyof Values, what: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`missing --${key} (${what})`);
  return v.trim();
}

function checkPassword(p: string): string {
  if (p.length < 8) throw new UsageError('the password must have at least 8 characters');
  return p;
}

async function sitesByCodes(db: Db, codes: string): Promise<Site[]> {
  const list = codes.split(',').map((c) => c.trim()).filter(Boolean);
  if (!list.length) throw new UsageError('--sites needs at least one site code');
  const sites: Site[] = [];
  for (const code of list) {
    const site = await getSiteByCode(db, code);
    if (!site) throw new UsageError(`no site with code "${code}" (see list-sites)`);
    sites.push(site);
  }
  return sites;
}

async function ensureNewUsername(db: Db, username: string): Promise<void> {
  if (!/^[A-Za-z0-9._-]{2,64}$/.test(username)) throw new UsageError('a username has 2–64 letters, digits, dots, dashes or underscores');
  if (await getUserByUsername(db, username)) throw new UsageError(`the username "${username}" is taken`);
}

async function run(command: string, values: Values, db: Db, io: AdminIo, now: Date): Promise<void> {
  switch (command) {
    case 'create-admin': {
      const username = need(values, 'username', 'login name');
      const password = checkPassword(need(values, 'password', 'at least 8 characters'));
      await ensureNewUsername(db, username);
      const user = await createUser(db, { username, displayName: values.name?.trim() || username, role: 'admin', passwordHash: await hashSecret(password) }, now);
      await audit(db, { actor: 'cli', action: 'user.create', details: { username, role: 'admin' } }, now);
      io.out(`admin "${username}" created (id ${user.id})`);
      return;
    }
    case 'create-site': {
      const code = need(values, 'code', 'short unique code');
      const name = need(values, 'name', 'the site name');
      const kind = need(values, 'kind', SITE_KINDS.join('|'));
      if (!(SITE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${SITE_KINDS.join(', ')}`);
      const timeZone = values['time-zone']?.trim() || 'Asia/Ho_Chi_Minh';
      try {
        new Intl.DateTimeFormat('en', { timeZone });
      } catch {
        throw new UsageError(`unknown time zone "${timeZone}"`);
      }
      if (await getSiteByCode(db, code)) throw new UsageError(`a site with code "${code}" exists already`);
      const site = await createSite(db, { code, name, kind: kind as Site['kind'], timeZone }, now);
      await audit(db, { actor: 'cli', action: 'site.create', details: { code, name, kind } }, now);
      io.out(`site ${code} "${name}" created (id ${site.id})`);
      return;
    }
    case 'create-user': {
      const username = need(values, 'username', 'login name');
      const role = need(values, 'role', 'supervisor|enumerator');
      if (role !== 'supervisor' && role !== 'enumerator') throw new UsageError('--role must be supervisor or enumerator (use create-admin for admins)');
      const displayName = need(values, 'name', 'the name people see');
      const sites = await sitesByCodes(db, need(values, 'sites', 'comma-separated site codes'));
      let passwordHash: string | null = null;
      if (role === 'supervisor') passwordHash = await hashSecret(checkPassword(need(values, 'password', 'supervisors sign in on the web')));
      else if (values.password) throw new UsageError('enumerators do not sign in on the web: give --pin instead of --password');
      let pinHash: string | null = null;
      if (values.pin !== undefined) {
        if (role !== 'enumerator') throw new UsageError('--pin is for enumerators');
        if (!/^\d{4,8}$/.test(values.pin)) throw new UsageError('--pin must be 4 to 8 digits');
        pinHash = await hashEnumeratorPin(values.pin);
      }
      await ensureNewUsername(db, username);
      const user = await createUser(db, { username, displayName, role, passwordHash, pinHash, siteIds: sites.map((s) => s.id) }, now);
      await audit(db, { actor: 'cli', action: 'user.create', details: { username, role, sites: sites.map((s) => s.code) } }, now);
      io.out(`${role} "${username}" created for ${sites.map((s) => s.code).join(', ')} (id ${user.id})`);
      return;
    }
    case 'enrolment-code': {
      const code = need(values, 'site', 'site code');
      const site = await getSiteByCode(db, code);
      if (!site) throw new UsageError(`no site with code "${code}" (see list-sites)`);
      const enrolment = newEnrolmentCode();
      const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3600_000);
      await createEnrolmentCode(db, { codeHash: sha256(enrolment), siteId: site.id, createdBy: null, now, expiresAt });
      await audit(db, { actor: 'cli', action: 'enrolment-code.create', details: { siteId: site.id, siteCode: site.code } }, now);
      io.out(enrolment);
      io.err(`one-time code for ${site.code} "${site.name}", valid until ${expiresAt.toISOString()}`);
      return;
    }
    case 'list-sites': {
      for (const s of await listSites(db)) io.out(`${s.code}\t${s.kind}\t${s.time_zone}\t${s.name}\t${s.id}`);
      return;
    }
    case 'list-users': {
      for (const u of await listUsers(db)) io.out(`${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.display_name}\t${u.id}`);
      return;
    }
    case 'list-devices': {
      let ids: string[] | undefined;
      if (values.site) {
        const site = await getSiteByCode(db, values.site);
        if (!site) throw new UsageError(`no site with code "${values.site}"`);
        ids = [site.id];
      }
      const devices = await listDevices(db, ids);
      if (!devices.length) io.err('no devices');
      // Loaded here, not at the top: it reads package.json (the app version), which the e2e's in-process use of
      // this CLI (its loader takes no JSON imports) must not load.
      const { deviceJson } = await import('../api/devices');
      for (const d of devices) io.out(deviceLine(deviceJson(d, now.getTime()), d.site_time_zone));
      return;
    }
    case 'revoke-device': {
      const id = need(values, 'id', 'device id from list-devices');
      if (!(await revokeDevice(db, id, now))) throw new UsageError(`no device with id "${id}" (see list-devices)`);
      await audit(db, { actor: 'cli', action: 'device.revoke', details: { deviceId: id } }, now);
      io.out(`device ${id} revoked`);
      return;
    }
    case 'rebuild-rollups': {
      const r = await rebuildRollups(db);
      await audit(db, { actor: 'cli', action: 'rollups.rebuild', details: { ...r } }, now);
      io.out(`rebuilt from ${r.responses} responses: ${r.rollupRows} rollup rows, ${r.marks} quality marks`);
      return;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/**
 * One tablet of list-devices: id, site, status and name as before, then its health as labelled columns, times in
 * the site's local time ("—" for what the tablet has not reported yet).
 */
function deviceLine(d: DeviceJson, timeZone: string): string {
  const at = (iso: string | null) => (iso ? formatDateTime(iso, 'vi', timeZone) : '—');
  const waiting = d.waiting === null ? '—' : `${d.waiting}${d.oldestWaitingAt ? ` (oldest ${at(d.oldestWaitingAt)})` : ''}`;
  const persisted = d.storagePersisted === null ? 'persistence unknown' : d.storagePersisted ? 'persisted' : 'not persisted';
  const storage = d.storageUsedBytes === null ? persisted : `${formatNumber(d.storageUsedBytes / 1_048_576, 'vi', 1)} MB, ${persisted}`;
  return [
    d.id,
    d.siteCode,
    d.revokedAt ? `revoked ${at(d.revokedAt)}` : 'active',
    d.name,
    `enrolled ${at(d.createdAt)}`,
    `last seen ${at(d.lastSeenAt)}`,
    `last sync ${at(d.lastSyncAt)}`,
    `app ${d.appVersion ?? '—'}`,
    `waiting ${waiting}`,
    `storage ${storage}`,
    `last error ${d.lastSyncError ?? '—'}`,
    `flags ${d.flags.join(',') || '—'}`,
  ].join('\t');
}

/** Runs one command; returns the exit code (0 done, 1 failed, 2 usage). */
export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (!command || parsed.values.help || command === 'help') {
    (command || parsed.values.help ? io.out : io.err)(USAGE);
    return command || parsed.values.help ? 0 : 2;
  }
  if (extra.length) {
    io.err(`unexpected argument "${extra[0]}" (values go after --option)\n\n${USAGE}`);
    return 2;
  }
  const env = io.env ?? process.env;
  const db = io.db ?? openDb({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const now = (io.now ?? (() => new Date()))();
  try {
    if (!io.db) await migrate(db, now);
    await run(command, parsed.values, db, io, now);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    io.err(`error: ${e instanceof Error ? e.message : String(e)} (database ${db.describe})`);
    return 1;
  } finally {
    if (!io.db) await db.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runAdmin(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => {
    process.exitCode = code;
  });
}
