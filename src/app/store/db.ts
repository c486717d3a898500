// The tablet's IndexedDB (Dexie): versioned schema, each version's upgrade step from restore.ts; every record read
// back passes through restore.ts's repair.
import Dexie, { type Table } from 'dexie';
import type { CachedForm, Draft, OutboxEntry, RecentProcedure, RefusalEntry, SettingRow } from './types';
import { draftV1toV2, restoreDraft, restoreOutboxEntry, type DraftV1 } from './restore';

/** The tables and indexes of schema version 1 (version 2 changed records, not indexes). */
export const SCHEMA_V1 = {
  drafts: 'id, updatedAt, mode',
  outbox: 'id, state, queuedAt, [state+queuedAt]',
  settings: 'key',
  procedures: 'code, usedAt',
  forms: 'key, id',
} as const;

/** Version 3 adds the refusals' queue (issue 11); every table of version 2 stays as it was, records untouched. */
const SCHEMA_V3 = { ...SCHEMA_V1, refusals: 'id, state, queuedAt, [state+queuedAt]' } as const;

/**
 * Rewrites each record with an upgrade step. A record the step cannot read stays as it was (the repair on read
 * copes with it): one damaged record must never keep the database from opening, with every response in it.
 */
function upgradeEach<From, To>(table: Table, step: (record: From) => To) {
  return table.toCollection().modify((value: From, ref: { value: unknown }) => {
    try {
      ref.value = step(value);
    } catch {
      // Left as stored.
    }
  });
}

export class HaiLongDb extends Dexie {
  drafts!: Table<Draft, string>;
  outbox!: Table<OutboxEntry, string>;
  settings!: Table<SettingRow, string>;
  procedures!: Table<RecentProcedure, string>;
  forms!: Table<CachedForm, string>;
  refusals!: Table<RefusalEntry, string>;

  constructor(name = 'hailong') {
    super(name);
    // Kept as long as a tablet may still hold a version-1 database: Dexie upgrades it step by step.
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V1)
      .upgrade((tx) => upgradeEach(tx.table('drafts'), (d: DraftV1) => draftV1toV2(d)));
    this.version(3).stores(SCHEMA_V3);
    // Repair on read, so an old or damaged record never crashes a screen and is never dropped.
    this.drafts.hook('reading', restoreDraft);
    this.outbox.hook('reading', restoreOutboxEntry);
  }
}

export const db = new HaiLongDb();
