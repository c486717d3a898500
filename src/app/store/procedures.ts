// The device's recently used procedures (TTHC), offered first when an interview starts.
import type { Procedure } from '../../core';
import { db } from './db';
import { guardedWrite } from './errors';

export function recentProcedures(limit = 8) {
  return db.procedures.orderBy('usedAt').reverse().limit(limit).toArray();
}

export function rememberProcedure(p: Procedure): Promise<void> {
  return guardedWrite(() =>
    db.transaction('rw', db.procedures, async () => {
      const prev = await db.procedures.get(p.code);
      await db.procedures.put({ code: p.code, name: p.name, usedAt: new Date().toISOString(), uses: (prev?.uses ?? 0) + 1 });
    }),
  );
}
