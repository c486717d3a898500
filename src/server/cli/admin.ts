// `npm run admin -- <command>`: sets up and changes sites, people and devices from a terminal, on SQLite or PostgreSQL
// alike, by the same rules as the API (admin/rules.ts, admin/people.ts, admin/sites.ts); every change is audited as 'cli'.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_TIME_ZONE, formatDateTime, formatNumber } from '../../core/format';
import type { PersonPatch } from '../../core/protocol/people';
import { Problem } from '../../core/protocol/problems';
import { SITE_KINDS, type SitePatch } from '../../core/protocol/sites';
import { addPerson, changePerson } from '../admin/people';
import { fieldProblem, personFields, siteFields } from '../admin/rules';
import { addSite, changeSite } from '../admin/sites';
import { ENROLMENT_CODE_HOURS } from '../api/enrolment-codes';
import { newEnrolmentCode, sha256 } from '../auth/secrets';
import { importPeople } from './import-people';
import { listForms, publishFormFile, withdrawFormVersion } from './forms';
import { openDb, type Db } from '../db/index';
import { migrate } from '../db/migrate';
import { audit } from '../db/queries/audit';
import type { DeviceJson } from '../../core/protocol/devices';
import { listDevices, revokeDevice } from '../db/queries/devices';
import { createEnrolmentCode } from '../db/queries/enrolment-codes';
import { getSiteByCode, listSites } from '../db/queries/sites';
import { getUserByUsername, listUsers, sitesOfUsers } from '../db/queries/users';
import type { Site, User } from '../db/schema';
import { rebuildRollups } from '../scores/rebuild';

export const USAGE = `Hài Lòng admin — usage: npm run admin -- <command> [options]

  create-admin   --username U --password P [--name "Display name"]
  create-site    --code C --name "Name" --kind so-nganh|quan-huyen|xa-phuong [--tz Asia/Ho_Chi_Minh]
  update-site    --code C [--name "Name"] [--kind K] [--tz ZONE] [--deactivate | --activate]
                 a deactivated site takes no new tablets or people; its data stays in scores and exports
  create-user    --username U --role supervisor|enumerator --name "Display name" --sites CODE[,CODE…]
                 [--password P] (required for supervisors)  [--pin 1234] (enumerators, optional; one site)
  reset-password --username U --password P   ends the person's web sessions
  disable-user   --username U                ends their web sessions; an enumerator leaves the tablets
  enable-user    --username U
  set-sites      --username U --sites CODE[,CODE…]   a supervisor's sites, or an enumerator's one site
  enrolment-code --site CODE      a one-time code a tablet of that site types within ${ENROLMENT_CODE_HOURS} h
  list-sites
  list-users     with each person's site codes
  list-devices   [--site CODE]   each tablet's health: last seen, last sync, app version, waiting, storage, flags
  revoke-device  --id DEVICE_ID
  import-people  --file F.xlsx|F.csv [--apply]   sites and people from the console's template: a dry run
                 unless --apply; writes only when every row is valid (see GET /api/v1/imports/people/template.xlsx)
  publish-form   --file F.xlsx|F.json [--sites CODE[,CODE…]|all]   validates, stores and publishes a form version
                 (without --sites: the sites of its previous version, or all for a new form); prints id and version
  withdraw-form  --id FORM_ID --version N   tablets stop offering it at their next sync; started responses still count
  list-forms     every stored version with its status and sites
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
  tz: { type: 'string' },
  deactivate: { type: 'boolean' },
  activate: { type: 'boolean' },
  role: { type: 'string' },
  sites: { type: 'string' },
  site: { type: 'string' },
  pin: { type: 'string' },
  id: { type: 'string' },
  file: { type: 'string' },
  version: { type: 'string' },
  apply: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function need(values: Values, key: keyof Values, what: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`missing --${key} (${what})`);
  return v.trim();
}

/** The value if it keeps the field's rule (the API's own), else a usage error naming the option. */
function checked<T>(option: string, schema: Parameters<typeof fieldProblem>[0], value: T): T {
  const why = fieldProblem(schema, value);
  if (why) throw new UsageError(`--${option}: ${why}`);
  return value;
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

async function userNamed(db: Db, values: Values): Promise<User> {
  const username = need(values, 'username', 'login name, see list-users');
  const user = await getUserByUsername(db, username);
  if (!user) throw new UsageError(`no person with username "${username}" (see list-users)`);
  return user;
}

async function siteCoded(db: Db, values: Values): Promise<Site> {
  const code = need(values, 'code', 'site code, see list-sites');
  const site = await getSiteByCode(db, code);
  if (!site) throw new UsageError(`no site with code "${code}" (see list-sites)`);
  return site;
}

const timeZoneOf = (values: Values) => (values.tz ?? values['time-zone'])?.trim();

async function changed(db: Db, io: AdminIo, user: User, patch: PersonPatch, now: Date, said: string): Promise<void> {
  await changePerson(db, user, patch, { actor: 'cli' }, now);
  io.out(`${user.role} "${user.username}" ${said}`);
}

async function run(command: string, values: Values, db: Db, io: AdminIo, now: Date): Promise<void> {
  switch (command) {
    case 'create-admin': {
      const username = checked('username', personFields.username, need(values, 'username', 'login name'));
      const password = checked('password', personFields.password, need(values, 'password', 'a web password'));
      const displayName = checked('name', personFields.displayName, values.name?.trim() || username);
      const { user } = await addPerson(db, { role: 'admin', username, displayName, password }, 'cli', now);
      io.out(`admin "${username}" created (id ${user.id})`);
      return;
    }
    case 'create-site': {
      const code = checked('code', siteFields.code, need(values, 'code', 'short unique code'));
      const name = checked('name', siteFields.name, need(values, 'name', 'the site name'));
      const kind = need(values, 'kind', SITE_KINDS.join('|'));
      if (!(SITE_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${SITE_KINDS.join(', ')}`);
      const timeZone = checked('tz', siteFields.timeZone, timeZoneOf(values) || DEFAULT_TIME_ZONE);
      const site = await addSite(db, { code, name, kind: kind as Site['kind'], timeZone }, 'cli', now);
      io.out(`site ${code} "${name}" created (id ${site.id})`);
      return;
    }
    case 'update-site': {
      const site = await siteCoded(db, values);
      if (values.deactivate && values.activate) throw new UsageError('--deactivate or --activate, not both');
      const patch: SitePatch = {};
      if (values.name !== undefined) patch.name = checked('name', siteFields.name, values.name.trim());
      if (values.kind !== undefined) {
        if (!(SITE_KINDS as readonly string[]).includes(values.kind)) throw new UsageError(`--kind must be one of ${SITE_KINDS.join(', ')}`);
        patch.kind = values.kind as Site['kind'];
      }
      const tz = timeZoneOf(values);
      if (tz !== undefined) patch.timeZone = checked('tz', siteFields.timeZone, tz);
      if (values.deactivate) patch.active = false;
      if (values.activate) patch.active = true;
      if (!Object.keys(patch).length) throw new UsageError('nothing to change: give --name, --kind, --tz, --deactivate or --activate');
      const updated = await changeSite(db, site, patch, 'cli', now);
      io.out(`site ${updated.code} "${updated.name}" ${updated.kind} ${updated.time_zone} ${updated.deactivated_at ? `deactivated ${updated.deactivated_at}` : 'active'}`);
      return;
    }
    case 'create-user': {
      const username = checked('username', personFields.username, need(values, 'username', 'login name'));
      const role = need(values, 'role', 'supervisor|enumerator');
      if (role !== 'supervisor' && role !== 'enumerator') throw new UsageError('--role must be supervisor or enumerator (use create-admin for admins)');
      const displayName = checked('name', personFields.displayName, need(values, 'name', 'the name people see'));
      const sites = await sitesByCodes(db, need(values, 'sites', 'comma-separated site codes'));
      if (role === 'supervisor') {
        if (values.pin !== undefined) throw new UsageError('--pin is for enumerators');
        const password = checked('password', personFields.password, need(values, 'password', 'supervisors sign in on the web'));
        const { user } = await addPerson(db, { role, username, displayName, password, siteIds: sites.map((s) => s.id) }, 'cli', now);
        io.out(`supervisor "${username}" created for ${sites.map((s) => s.code).join(', ')} (id ${user.id})`);
        return;
      }
      if (values.password) throw new UsageError('enumerators do not sign in on the web: give --pin instead of --password');
      if (sites.length !== 1) throw new UsageError('an enumerator works at exactly one site: give one code to --sites');
      const pin = values.pin === undefined ? null : checked('pin', personFields.pin, values.pin);
      const { user } = await addPerson(db, { role, username, displayName, siteId: sites[0]!.id, pin }, 'cli', now);
      io.out(`enumerator "${username}" created for ${sites[0]!.code} (id ${user.id})`);
      return;
    }
    case 'reset-password': {
      const user = await userNamed(db, values);
      const password = checked('password', personFields.password, need(values, 'password', 'the new web password'));
      await changed(db, io, user, { password }, now, 'has a new password; their web sessions ended');
      return;
    }
    case 'disable-user': {
      await changed(db, io, await userNamed(db, values), { disabled: true }, now, 'disabled');
      return;
    }
    case 'enable-user': {
      await changed(db, io, await userNamed(db, values), { disabled: false }, now, 'enabled');
      return;
    }
    case 'set-sites': {
      const user = await userNamed(db, values);
      const sites = await sitesByCodes(db, need(values, 'sites', 'comma-separated site codes'));
      await changed(db, io, user, { siteIds: sites.map((s) => s.id) }, now, `now works at ${sites.map((s) => s.code).join(', ')}`);
      return;
    }
    case 'enrolment-code': {
      const code = need(values, 'site', 'site code');
      const site = await getSiteByCode(db, code);
      if (!site) throw new UsageError(`no site with code "${code}" (see list-sites)`);
      const enrolment = newEnrolmentCode();
      const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3600_000);
      if (site.deactivated_at !== null) throw new UsageError(`site ${site.code} is deactivated: it takes no new tablets (update-site --activate)`);
      const id = await createEnrolmentCode(db, { codeHash: sha256(enrolment), siteId: site.id, createdBy: null, now, expiresAt });
      await audit(db, { actor: 'cli', action: 'enrolment-code.create', siteId: site.id, details: { id, siteId: site.id, siteCode: site.code, expiresAt: expiresAt.toISOString() } }, now);
      io.out(enrolment);
      io.err(`one-time code for ${site.code} "${site.name}", valid until ${expiresAt.toISOString()}`);
      return;
    }
    case 'list-sites': {
      for (const s of await listSites(db)) io.out(`${s.code}\t${s.kind}\t${s.time_zone}\t${s.name}\t${s.id}${s.deactivated_at ? `\tdeactivated ${s.deactivated_at}` : ''}`);
      return;
    }
    case 'list-users': {
      const users = await listUsers(db);
      const siteIds = await sitesOfUsers(db, users.map((u) => u.id));
      const codes = new Map((await listSites(db)).map((s) => [s.id, s.code]));
      for (const u of users) {
        const sites = u.role === 'admin' ? '(all sites)' : (siteIds.get(u.id) ?? []).map((id) => codes.get(id) ?? id).sort().join(',') || '(no site)';
        io.out(`${u.username}\t${u.role}\t${u.disabled ? 'disabled' : 'active'}\t${u.display_name}\t${sites}\t${u.id}`);
      }
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
      const revoked = await revokeDevice(db, id, now);
      if (!revoked) throw new UsageError(`no device with id "${id}" (see list-devices)`);
      await audit(db, { actor: 'cli', action: 'device.revoke', siteId: revoked.site_id, details: { deviceId: id } }, now);
      io.out(`device ${id} revoked`);
      return;
    }
    case 'import-people':
      return importPeople(db, need(values, 'file', 'an .xlsx or .csv file of the template'), values.apply === true, io, now);
    case 'publish-form':
      return publishFormFile(db, need(values, 'file', 'an XLSForm .xlsx or a .json definition'), values.sites, io, now, (m) => new UsageError(m));
    case 'withdraw-form':
      return withdrawFormVersion(db, need(values, 'id', 'form id, see list-forms'), need(values, 'version', 'version number'), io, now);
    case 'list-forms':
      return listForms(db, io);
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
    `clock ${d.clockSkewMs === null ? '—' : `${d.clockSkewMs >= 0 ? '+' : '−'}${formatNumber(Math.abs(d.clockSkewMs) / 60_000, 'vi', 0)} min`}`,
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
    // The API's own refusals (a taken username, the last admin, a deactivated site…): the person's mistake, not a failure.
    if (e instanceof Problem && e.status < 500) {
      io.err(`error: ${e.detail}`);
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
