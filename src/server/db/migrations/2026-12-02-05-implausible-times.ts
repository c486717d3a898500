// Responses stored before the time bounds existed (issue 12, finding 1) and outside them are kept, as evidence, but
// marked excluded: scores leave them out (db/migrate.ts rebuilds the rollups when this marks any) and count them.
// The column serves later exclusions too (a supervisor's, with a reason).
import type { Kysely } from 'kysely';
import { implausibleTime } from '../../../core/response/plausible-times';

const PAGE = 5_000;
const DAY_MS = 86_400_000;

interface Row {
  id: string;
  started_at: string;
  completed_at: string;
  received_at: string;
  duration_ms: number | string | null;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('excluded', 'text').execute();
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('responses')
      .select(['id', 'started_at', 'completed_at', 'received_at', 'duration_ms'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Row[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    const excluded: string[] = [];
    for (const r of rows) {
      // A section over a day needs a total over a day: only then is the payload read for the sections.
      let durationMs: Record<string, number> = {};
      if (Number(r.duration_ms ?? 0) > DAY_MS) {
        const { payload } = (await db.selectFrom('responses').select('payload').where('id', '=', r.id).executeTakeFirst()) as { payload: string };
        const parsed = JSON.parse(payload) as { durationMs?: Record<string, number> };
        durationMs = parsed.durationMs ?? {};
      }
      if (implausibleTime({ startedAt: r.started_at, completedAt: r.completed_at, durationMs }, Date.parse(r.received_at))) excluded.push(r.id);
    }
    if (excluded.length) await db.updateTable('responses').set({ excluded: 'implausible-time' }).where('id', 'in', excluded).execute();
  }
}
