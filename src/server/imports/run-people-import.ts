// One people import, dry run or applied, for the API and the CLI alike: plan against what exists, and write only a valid plan.
import { planPeopleImport, type ImportPlan, type ImportTables, type PersonWrite } from '../../core/admin/people-import';
import type { PeopleImportAnswer } from '../../core/protocol/people-import';
import { enumeratorPinMatches, hashEnumeratorPin } from '../auth/pin-hash';
import { hashSecret } from '../auth/secrets';
import { problem } from '../../core/protocol/problems';
import { isUniqueViolation } from '../db/errors';
import type { Db } from '../db/index';
import { applyImport, importState, type PersonRecord } from '../db/queries/people-import';

async function hashed(p: PersonWrite): Promise<PersonRecord> {
  if (p.op === 'create') {
    const { password, pin, ...rest } = p;
    return { ...rest, passwordHash: password ? await hashSecret(password) : null, pinHash: pin ? await hashEnumeratorPin(pin) : null };
  }
  const { password, pin, ...rest } = p;
  return { ...rest, ...(password ? { passwordHash: await hashSecret(password) } : {}), ...(pin ? { pinHash: await hashEnumeratorPin(pin) } : {}) };
}

// Applies run one at a time in this process: the same file sent twice at once (a double click) must plan the second
// against what the first wrote, not fail on a username the first just took. A person or site created through the
// API (or by another process) between the plan and the write makes the transaction fail and roll back whole; the
// file is then planned again against what exists now, once (see applyRetrying).
let applying: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = applying.then(work, work);
  applying = run.catch(() => undefined);
  return run;
}

const answerOf = (plan: ImportPlan, applied: boolean): PeopleImportAnswer => ({ applied, rows: plan.rows, counts: plan.counts });

/**
 * Plans the file; with `apply`, writes it when every row is valid (nothing otherwise), in one transaction with one
 * audit row of the counts. applied is true only when apply was asked and every row was valid.
 */
export function runPeopleImport(db: Db, tables: ImportTables, opts: { apply: boolean; actor: string | null; now: Date }): Promise<PeopleImportAnswer> {
  return opts.apply ? oneAtATime(() => applyRetrying(db, tables, opts)) : planAndApply(db, tables, opts);
}

/** A unique key taken by someone else since the plan: planned again (the taken name is then an update), once. */
async function applyRetrying(db: Db, tables: ImportTables, opts: { apply: boolean; actor: string | null; now: Date }): Promise<PeopleImportAnswer> {
  try {
    return await planAndApply(db, tables, opts);
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
  try {
    return await planAndApply(db, tables, opts);
  } catch (e) {
    throw isUniqueViolation(e) ? problem.importRaced() : e;
  }
}

async function planAndApply(db: Db, tables: ImportTables, opts: { apply: boolean; actor: string | null; now: Date }): Promise<PeopleImportAnswer> {
  const state = await importState(db);
  const plan = await planPeopleImport(tables, {
    sites: state.sites,
    people: state.people,
    pinMatches: (username, pin) => {
      const stored = state.pinHashes.get(username);
      return stored ? enumeratorPinMatches(pin, stored) : Promise.resolve(false);
    },
  });
  if (!opts.apply || !plan.valid) return answerOf(plan, false);
  // A file that changes nothing writes nothing, not even an audit row: importing it again is harmless.
  if (!plan.sites.length && !plan.people.length) return answerOf(plan, true);
  const people = await Promise.all(plan.people.map(hashed));
  const { create, update, unchanged } = plan.counts;
  const sitesCreated = plan.rows.filter((r) => r.sheet === 'sites' && r.outcome === 'create').length;
  const sitesUpdated = plan.rows.filter((r) => r.sheet === 'sites' && r.outcome === 'update').length;
  await applyImport(
    db,
    {
      sites: plan.sites,
      people,
      audit: {
        actor: opts.actor,
        details: { rows: plan.rows.length, create, update, unchanged, sites: { create: sitesCreated, update: sitesUpdated }, people: { create: create - sitesCreated, update: update - sitesUpdated } },
      },
    },
    opts.now,
  );
  return answerOf(plan, true);
}
