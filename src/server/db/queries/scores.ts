// Sums of score_rollup over a form, period and set of sites, optionally grouped: the only read the scores API makes.
import { sql } from 'kysely';
import type { Db } from '../index';
import type { Grain, RollupCounts } from '../schema';

export interface RollupFilter {
  formId: string;
  /** Inclusive local days, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Undefined: every site. Empty: none. */
  siteIds?: readonly string[];
  /** Only this version; undefined pools every version (items with the same id count as the same item). */
  formVersion?: number;
}

export type RollupGroup = 'none' | 'site' | 'day' | 'procedure' | 'enumerator';

export interface RollupSum extends RollupCounts {
  group: string;
  item_id: string;
}

const GRAIN: Record<RollupGroup, Grain> = { none: 't', site: 't', day: 't', procedure: 'p', enumerator: 'e' };
const GROUP_COLUMN = { none: null, site: 'site_id', day: 'local_day', procedure: 'procedure_code', enumerator: 'enumerator_id' } as const;

export async function sumRollup(db: Db, f: RollupFilter, by: RollupGroup = 'none'): Promise<RollupSum[]> {
  if (f.siteIds && f.siteIds.length === 0) return [];
  const col = GROUP_COLUMN[by];
  let q = db.k
    .selectFrom('score_rollup')
    .select([
      col ? sql<string>`${sql.ref(col)}`.as('group') : sql<string>`''`.as('group'),
      'item_id',
      (eb) => eb.fn.sum<number | string>('satisfied').as('satisfied'),
      (eb) => eb.fn.sum<number | string>('valid').as('valid'),
      (eb) => eb.fn.sum<number | string>('n1').as('n1'),
      (eb) => eb.fn.sum<number | string>('n2').as('n2'),
      (eb) => eb.fn.sum<number | string>('n3').as('n3'),
      (eb) => eb.fn.sum<number | string>('n4').as('n4'),
      (eb) => eb.fn.sum<number | string>('n5').as('n5'),
      (eb) => eb.fn.sum<number | string>('na').as('na'),
      (eb) => eb.fn.sum<number | string>('misuse').as('misuse'),
    ])
    .where('form_id', '=', f.formId)
    .where('grain', '=', GRAIN[by])
    .where('local_day', '>=', f.from)
    .where('local_day', '<=', f.to);
  if (f.siteIds) q = q.where('site_id', 'in', f.siteIds);
  if (f.formVersion !== undefined) q = q.where('form_version', '=', f.formVersion);
  q = col ? q.groupBy([col, 'item_id']) : q.groupBy('item_id');
  const rows = await q.execute();
  return rows.map((r) => ({
    group: r.group,
    item_id: r.item_id,
    satisfied: Number(r.satisfied),
    valid: Number(r.valid),
    n1: Number(r.n1),
    n2: Number(r.n2),
    n3: Number(r.n3),
    n4: Number(r.n4),
    n5: Number(r.n5),
    na: Number(r.na),
    misuse: Number(r.misuse),
  }));
}
