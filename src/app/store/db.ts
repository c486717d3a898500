// The tablet's IndexedDB (Dexie): versioned schema; every record read back passes through restore.ts.
import Dexie, { type Table } from 'dexie';
import type { CachedForm, Draft, OutboxEntry, RecentProcedure, SettingRow } from './types';
import { restoreDraft, restoreOutboxEntry } from './restore';

export class HaiLongDb extends Dexie {
  drafts!: Table<Draft, string>;
  outbox!: Table<OutboxEntry, string>;
  settings!: Table<SettingRow, string>;
  procedures!: Table<RecentProcedure, string>;
  forms!: Table<CachedForm, string>;

  constructor(name = 'hailong') {
    super(name);
    this.version(1).stores({
      drafts: 'id, updatedAt, mode',
      outbox: 'id, state, queuedAt, [state+queuedAt]',
      settings: 'key',
      procedures: 'code, usedAt',
      forms: 'key, id',
    });
    // Repair on read, so an old or damaged record never crashes a screen and is never dropped.
    this.drafts.hook('reading', restoreDraft);
    this.outbox.hook('reading', restoreOutboxEntry);
  }
}

export const db = new HaiLongDb();
