// The device's recently used procedures (TTHC), offered first when an interview starts.
import type { Procedure } from '../../core';
import { db } from './db';
import { guardedWrite } from './errors';
import type { RecentProcedure } from './types';

/**
 * The table is keyed by code (schema version 1). A procedure known only by its name is kept under its name with a
 * leading space, a key no trimmed code can have, so it is remembered too without changing the schema.
 */
const keyOf = (p: Procedure) => p.code || ` ${p.name}`;

export async function recentProcedures(limit = 8): Promise<RecentProcedure[]> {
  const rows = await db.procedures.orderBy('usedAt').reverse().limit(limit).toArray();
  return rows.map((r) => (r.code.startsWith(' ') ? { ...r, code: '' } : r));
}

export function rememberProcedure(p: Procedure): Promise<void> {
  const key = keyOf(p);
  return guardedWrite(() =>
    db.transaction('rw', db.procedures, async () => {
      const prev = await db.procedures.get(key);
      await db.procedures.put({ code: key, name: p.name, usedAt: new Date().toISOString(), uses: (prev?.uses ?? 0) + 1 });
    }),
  );
}
