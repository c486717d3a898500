// The procedures (TTHC) a site's interviews name most, counted from the responses it stored, for its tablets to offer.
import { sql } from 'kysely';
import type { Db } from '../index';

export interface SiteProcedure {
  code: string;
  name: string;
  uses: number;
}

/**
 * The site's most named procedure codes in interviews of its local days from `sinceDay` on, most used first, each with
 * the name its latest response gave. Bounded on both sides: the days read (through the site/day index) and `limit`.
 */
export async function siteProcedures(db: Db, siteId: string, sinceDay: string, limit: number): Promise<SiteProcedure[]> {
  const top = await db.k
    .selectFrom('responses')
    .select((eb) => ['procedure_code', eb.fn.countAll<string | number>().as('uses'), eb.fn.max('id').as('latest')])
    .where('site_id', '=', siteId)
    .where('local_day', '>=', sinceDay)
    .where('mode', '=', 'interview')
    .where('procedure_code', 'is not', null)
    .groupBy('procedure_code')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('procedure_code')
    .limit(limit)
    .execute();
  if (top.length === 0) return [];
  // UUIDv7 ids sort by time, so the greatest id is the latest response: its payload holds the name as last typed.
  const latest = await db.k
    .selectFrom('responses')
    .select(['id', 'payload'])
    .where('id', 'in', top.map((t) => t.latest))
    .execute();
  const names = new Map(latest.map((r) => [r.id, nameIn(r.payload)]));
  return top.map((t) => ({ code: t.procedure_code as string, name: names.get(t.latest) ?? '', uses: Number(t.uses) }));
}

function nameIn(payload: string): string {
  try {
    const name = (JSON.parse(payload) as { procedure?: { name?: unknown } | null }).procedure?.name;
    return typeof name === 'string' ? name : '';
  } catch {
    return '';
  }
}

/**
 * The name each procedure code's latest response gave (a breakdown by procedure shows names, issue 11): one
 * lookup per code down the (procedure_code, id) index, so the cost is the number of codes, not of responses.
 */
export async function procedureNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const code of codes) {
    const row = await db.k.selectFrom('responses').select('payload').where('procedure_code', '=', code).orderBy('procedure_code', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    const name = row ? nameIn(row.payload) : '';
    if (name) out.set(code, name);
  }
  return out;
}
