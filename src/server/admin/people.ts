// Creating and changing a person, with the rules that need the database (sites that exist and are active, a free
// username, the last admin) and the audit row: the API and the CLI both go through here, after their own scope checks.
import { randomInt } from 'node:crypto';
import type { NewPersonBody, PersonPatch } from '../../core/protocol/people';
import { problem } from '../../core/protocol/problems';
import { hashEnumeratorPin } from '../auth/pin-hash';
import { hashSecret } from '../auth/secrets';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/index';
import type { AuditAction } from '../../core/protocol/audit';
import { audit } from '../db/queries/audit';
import { deleteUserSessions } from '../db/queries/sessions';
import { listSites } from '../db/queries/sites';
import { countActiveAdmins, createUser, getUser, getUserByUsername, updateUser, userSiteIds } from '../db/queries/users';
import type { Site, User } from '../db/schema';
import { roleSitesProblem } from './rules';

const invalid = (path: string, message: string) => problem.invalidBody({ errors: [{ path, message }] });

/**
 * The sites a person is to have: each must exist (404.3), and one they do not have yet must be active (403.3: a
 * deactivated site takes no new people). Answers them.
 */
async function sitesToAssign(db: Db, siteIds: readonly string[], already: readonly string[] = []): Promise<Site[]> {
  if (!siteIds.length) return [];
  const sites = await listSites(db, siteIds);
  const missing = siteIds.filter((id) => !sites.some((s) => s.id === id));
  if (missing.length) throw problem.noSuchSites({ siteIds: missing });
  const closed = sites.find((s) => s.deactivated_at !== null && !already.includes(s.id));
  if (closed) throw problem.siteDeactivated({ code: closed.code });
  return sites;
}

const USERNAME_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** "hn-hk-7q3m": the site's code and a short random tail, retried (and lengthened) until no one has it. */
async function newEnumeratorUsername(db: Db, siteCode: string): Promise<string> {
  const stem = siteCode.toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 40) || 'enum';
  for (let attempt = 0; ; attempt++) {
    let tail = '';
    for (let i = 0; i < 4 + Math.floor(attempt / 3); i++) tail += USERNAME_ALPHABET[randomInt(USERNAME_ALPHABET.length)];
    const username = `${stem}-${tail}`;
    if (!(await getUserByUsername(db, username))) return username;
  }
}

/** The one site a change concerns, for the audit row's site column (a supervisor of several names none). */
const onlySite = (siteIds: readonly string[]) => (siteIds.length === 1 ? siteIds[0] : null);

/** Creates a person from a body the field rules have passed; 409.2 when the username is taken. */
export async function addPerson(db: Db, body: NewPersonBody, actor: string, now: Date): Promise<{ user: User; siteIds: string[] }> {
  const siteIds = body.role === 'admin' ? [] : body.role === 'supervisor' ? body.siteIds : [body.siteId];
  const sitesWrong = roleSitesProblem(body.role, siteIds);
  if (sitesWrong) throw invalid(body.role === 'enumerator' ? 'siteId' : 'siteIds', sitesWrong);
  const sites = await sitesToAssign(db, siteIds);
  let username = body.username;
  if (username !== undefined) {
    if (await getUserByUsername(db, username)) throw problem.usernameTaken({ username });
  } else {
    username = await newEnumeratorUsername(db, sites[0]!.code);
  }
  const passwordHash = body.role === 'enumerator' ? null : await hashSecret(body.password);
  const pinHash = body.role === 'enumerator' && body.pin ? await hashEnumeratorPin(body.pin) : null;
  const taken = username;
  // The check above is for the common case; the unique index decides a race between two requests.
  const user = await createUser(db, { username, displayName: body.displayName, role: body.role, passwordHash, pinHash, siteIds }, now).catch((e: unknown) => {
    throw isUniqueViolation(e) ? problem.usernameTaken({ username: taken }) : e;
  });
  await audit(
    db,
    {
      actor,
      action: 'user.create',
      siteId: onlySite(siteIds),
      details: { userId: user.id, username, role: body.role, displayName: body.displayName, siteIds, siteCodes: sites.map((s) => s.code), hasPin: pinHash !== null },
    },
    now,
  );
  return { user, siteIds };
}

export interface ChangeOptions {
  actor: string;
  /** The person making the change, when it is a person (the CLI is none): they may not disable themself. */
  actorId?: string;
  /** Their own session stays when they change their own password. */
  keepSession?: string;
}

/** The single-change actions the log filters by; several changes in one request are one "user.update". */
function actionOf(changed: readonly string[], patch: PersonPatch): AuditAction {
  if (changed.length !== 1) return 'user.update';
  switch (changed[0]) {
    case 'disabled':
      return patch.disabled ? 'user.disable' : 'user.enable';
    case 'password':
      return 'user.password-reset';
    case 'pin':
      return patch.pin === null ? 'user.pin-clear' : 'user.pin-set';
    case 'siteIds':
      return 'user.sites';
    default:
      return 'user.update';
  }
}

/**
 * Applies a patch the field rules have passed to a person the caller may touch. Disabling someone or giving them a
 * new password ends their web sessions; the audit row names what changed, never the password or the PIN.
 */
export async function changePerson(db: Db, target: User, patch: PersonPatch, opts: ChangeOptions, now: Date): Promise<{ user: User; siteIds: string[] }> {
  if (patch.password !== undefined && target.role === 'enumerator') throw invalid('password', 'an enumerator has no web password; set a PIN instead');
  if (patch.pin !== undefined && target.role !== 'enumerator') throw invalid('pin', 'only enumerators have a PIN');
  const before = await userSiteIds(db, target.id);
  if (patch.siteIds) {
    const wrong = roleSitesProblem(target.role, patch.siteIds);
    if (wrong) throw invalid('siteIds', wrong);
    await sitesToAssign(db, patch.siteIds, before);
  }
  if (patch.disabled === true && !target.disabled) {
    if (opts.actorId === target.id) throw problem.cannotDisableSelf();
    if (target.role === 'admin' && (await countActiveAdmins(db)) <= 1) throw problem.lastAdmin();
  }

  const details: Record<string, unknown> = { userId: target.id, username: target.username, role: target.role };
  const changed: string[] = [];
  if (patch.displayName !== undefined && patch.displayName !== target.display_name) {
    changed.push('displayName');
    details.displayName = { from: target.display_name, to: patch.displayName };
  }
  if (patch.password !== undefined) changed.push('password');
  if (patch.pin !== undefined) {
    changed.push('pin');
    details.pin = patch.pin === null ? 'cleared' : 'set';
  }
  const sameSites = patch.siteIds && patch.siteIds.length === before.length && patch.siteIds.every((id) => before.includes(id));
  if (patch.siteIds && !sameSites) {
    changed.push('siteIds');
    details.siteIds = { from: before, to: patch.siteIds };
  }
  if (patch.disabled !== undefined && patch.disabled !== (target.disabled === 1)) {
    changed.push('disabled');
    details.disabled = patch.disabled;
  }

  await updateUser(db, target.id, {
    displayName: patch.displayName,
    passwordHash: patch.password !== undefined ? await hashSecret(patch.password) : undefined,
    pinHash: patch.pin === undefined ? undefined : patch.pin === null ? null : await hashEnumeratorPin(patch.pin),
    disabled: patch.disabled,
    siteIds: patch.siteIds && !sameSites ? patch.siteIds : undefined,
  });
  // Two admins disabling each other at once both passed the count above: the second to finish undoes its own change.
  if (target.role === 'admin' && changed.includes('disabled') && patch.disabled && (await countActiveAdmins(db)) === 0) {
    await updateUser(db, target.id, { disabled: false });
    throw problem.lastAdmin();
  }
  if (changed.includes('password') || (changed.includes('disabled') && patch.disabled)) {
    await deleteUserSessions(db, target.id, opts.actorId === target.id ? opts.keepSession : undefined);
  }
  const siteIds = patch.siteIds ?? before;
  details.changed = changed;
  await audit(db, { actor: opts.actor, action: actionOf(changed, patch), siteId: onlySite(siteIds), details }, now);
  const user = await getUser(db, target.id);
  if (!user) throw problem.noSuchPerson({ id: target.id });
  return { user, siteIds: [...siteIds] };
}
