// Keeps score_rollup and response_marks in step with responses, inside the transaction that inserts them.
import type BetterSqlite3 from 'better-sqlite3';
import { allItems, type FormDefinition } from '../../core/forms/schema';
import type { Answers } from '../../core/response/schema';
import { isValidLikert, SATISFIED_AT_LEAST, scoringPlan } from '../../core/scoring/indices';
import { STRAIGHT_LINING_MIN_ITEMS } from '../../core/scoring/quality';
import type { Grain, RollupCounts, RollupKey } from './tables';

/** What the rollup needs of a stored response row (a StoredResponseRow has all of it). */
export interface RollupSource {
  id: string;
  form_id: string;
  form_version: number;
  site_id: string;
  local_day: string;
  procedure_code: string | null;
  enumerator_id: string | null;
  /** JSON array of client flags, as stored. */
  flags: string;
  /** The canonical payload; parsed unless `answers` is given. */
  payload: string;
  answers?: Answers;
}

/** Forms by "id@version", as the ingest's FormCache snapshot holds them. */
export type FormLookup = ReadonlyMap<string, FormDefinition>;

/** Pseudo item ids: every response; respondents with a valid criterion answer; per element; kiosk follow-up walk-aways. */
export const ITEM_RESPONSES = '#n';
export const ITEM_RESPONDENTS = '#all';
export const ITEM_FOLLOWUP_UNANSWERED = '#followup-unanswered';
export const elementItem = (elementId: string) => `#${elementId}`;
export const optionItem = (itemId: string, option: string) => `${itemId}=${option}`;

export const COUNT_COLUMNS = ['satisfied', 'valid', 'n1', 'n2', 'n3', 'n4', 'n5', 'na', 'misuse'] as const satisfies readonly (keyof RollupCounts)[];
const SAT = 0;
const VALID = 1;
const N1 = 2;
const NA = 7;
const MISUSE = 8;

export const KEY_COLUMNS = ['form_id', 'grain', 'local_day', 'site_id', 'form_version', 'procedure_code', 'enumerator_id', 'item_id'] as const satisfies readonly (keyof RollupKey)[];

export interface Mark {
  response_id: string;
  flag: 'straight-lining' | 'kiosk-misuse';
  form_id: string;
  site_id: string;
  local_day: string;
}

// ---- compiled per form once: which items count, and where each sits in a key's count vector

type Plan = {
  kind: 'interview' | 'kiosk';
  /** item_id of each slot; a slot holds COUNT_COLUMNS.length counts. */
  items: string[];
  slot: Map<string, number>;
  elements: { slot: number; items: { id: string; slot: number }[] }[];
  rating: { id: string; slot: number; levels: number; satisfiedAtLeast: number } | null;
  followUps: { id: string; slot: number; options: Map<string, number> }[];
  likert: string[];
};

const NC = COUNT_COLUMNS.length;
const plans = new WeakMap<FormDefinition, Plan>();

function planOf(form: FormDefinition): Plan {
  let p = plans.get(form);
  if (p) return p;
  const items: string[] = [ITEM_RESPONSES, ITEM_RESPONDENTS];
  const add = (id: string) => items.push(id) - 1;
  const all = allItems(form);
  const likert = all.filter((i) => i.type === 'likert5').map((i) => i.id);
  if (form.kind === 'kiosk') {
    const r = all.find((i) => i.id === form.kiosk.ratingItem);
    if (!r || r.type !== 'rating') throw new Error(`form ${form.id}@${form.version}: no rating item`);
    const rating = { id: r.id, slot: add(r.id), levels: r.levels, satisfiedAtLeast: r.satisfiedAtLeast };
    add(ITEM_FOLLOWUP_UNANSWERED);
    const followUps = form.kiosk.followUpItems
      .map((id) => all.find((i) => i.id === id))
      .filter((i): i is Extract<typeof i, { type: 'single' | 'multi' }> & object => i?.type === 'single' || i?.type === 'multi')
      .map((i) => ({ id: i.id, slot: add(i.id), options: new Map(i.options.map((o) => [o.value, add(optionItem(i.id, o.value))])) }));
    p = { kind: 'kiosk', items, slot: new Map(), elements: [], rating, followUps, likert };
  } else {
    const elements = scoringPlan(form).map((e) => ({ slot: add(elementItem(e.id)), items: e.criteria.map((c) => ({ id: c.itemId, slot: add(c.itemId) })) }));
    p = { kind: 'interview', items, slot: new Map(), elements, rating: null, followUps: [], likert };
  }
  p.items.forEach((id, i) => p!.slot.set(id, i));
  plans.set(form, p);
  return p;
}

// ---- pre-aggregation in memory: a batch collapses to a few keys before it touches the database

const SEP = '\u0001';

interface Accumulator {
  key: Omit<RollupKey, 'item_id'>;
  plan: Plan;
  /** plan.items.length × COUNT_COLUMNS.length counts. */
  counts: Int32Array;
}

/** A RollupDelta as plain data (structured-clone friendly): what an ingest worker hands to the thread that writes. */
export interface RollupDeltaData {
  groups: { key: Omit<RollupKey, 'item_id'>; counts: Int32Array }[];
  marks: Mark[];
}

const groupKey = (k: Omit<RollupKey, 'item_id'>) =>
  `${k.form_id}${SEP}${k.grain}${SEP}${k.local_day}${SEP}${k.site_id}${SEP}${k.form_version}${SEP}${k.procedure_code}${SEP}${k.enumerator_id}`;

/** Summed counts by key, ready to be added to score_rollup: one vector per (form, grain, day, site, version, procedure, enumerator). */
export class RollupDelta {
  private readonly acc = new Map<string, Accumulator>();
  /** A response's count vectors (one per grain) by everything that places it, so each response looks up one key, not three. */
  private readonly byResponseKey = new Map<string, Int32Array[]>();
  readonly marks: Mark[] = [];
  private slots = 0;

  /** Roughly how many rollup rows the delta holds (slots of all vectors). */
  get size(): number {
    return this.slots;
  }

  private vector(plan: Plan, row: RollupSource, grain: Grain): Int32Array {
    const procedure = grain === 'p' ? (row.procedure_code ?? '') : '';
    const enumerator = grain === 'e' ? (row.enumerator_id ?? '') : '';
    const k = `${row.form_id}${SEP}${grain}${SEP}${row.local_day}${SEP}${row.site_id}${SEP}${row.form_version}${SEP}${procedure}${SEP}${enumerator}`;
    let a = this.acc.get(k);
    if (!a) {
      a = {
        key: { form_id: row.form_id, grain, local_day: row.local_day, site_id: row.site_id, form_version: row.form_version, procedure_code: procedure, enumerator_id: enumerator },
        plan,
        counts: new Int32Array(plan.items.length * NC),
      };
      this.acc.set(k, a);
      this.slots += plan.items.length;
    }
    return a.counts;
  }

  private vectorsOf(plan: Plan, row: RollupSource): Int32Array[] {
    const k = `${plan.kind}${SEP}${row.form_id}${SEP}${row.form_version}${SEP}${row.local_day}${SEP}${row.site_id}${SEP}${row.procedure_code ?? ''}${SEP}${row.enumerator_id ?? ''}`;
    let vs = this.byResponseKey.get(k);
    if (!vs) {
      // Kiosk ratings have neither procedure nor enumerator: their 'p' and 'e' rows would only repeat 't'.
      vs = plan.kind === 'interview' ? [this.vector(plan, row, 't'), this.vector(plan, row, 'p'), this.vector(plan, row, 'e')] : [this.vector(plan, row, 't')];
      this.byResponseKey.set(k, vs);
    }
    return vs;
  }

  /** The delta as plain data (counts are copied, so the delta may be reused). */
  toData(): RollupDeltaData {
    return { groups: [...this.acc.values()].map((a) => ({ key: a.key, counts: a.counts.slice() })), marks: [...this.marks] };
  }

  /**
   * A delta rebuilt from toData() against the same forms (for the slot layout of each group). Throws when a
   * group's form is unknown or its layout differs, rather than add counts to the wrong items.
   */
  static fromData(data: RollupDeltaData, forms: FormLookup): RollupDelta {
    const d = new RollupDelta();
    for (const g of data.groups) {
      const form = forms.get(`${g.key.form_id}@${g.key.form_version}`);
      const plan = form && planOf(form);
      if (!plan || plan.items.length * NC !== g.counts.length) throw new Error(`rollup data for ${g.key.form_id}@${g.key.form_version} does not fit the form`);
      const k = groupKey(g.key);
      const a = d.acc.get(k);
      if (a) {
        for (let i = 0; i < g.counts.length; i++) a.counts[i] += g.counts[i];
      } else {
        d.acc.set(k, { key: g.key, plan, counts: Int32Array.from(g.counts) });
        d.slots += plan.items.length;
      }
    }
    d.marks.push(...data.marks);
    return d;
  }

  /** Every slot with a count, unsorted: (group key, item id, the counts array and the slot's offset in it). */
  eachSlot(fn: (key: Omit<RollupKey, 'item_id'>, itemId: string, counts: Int32Array, offset: number) => void): void {
    for (const a of this.acc.values()) {
      const { key, plan, counts } = a;
      for (let i = 0, o = 0; i < plan.items.length; i++, o += NC) {
        let any = 0;
        for (let c = 0; c < NC; c++) any |= counts[o + c];
        if (any !== 0) fn(key, plan.items[i] as string, counts, o);
      }
    }
  }

  /** Adds one response; returns false when its form is unknown (then nothing is counted). */
  add(row: RollupSource, forms: FormLookup): boolean {
    const form = forms.get(`${row.form_id}@${row.form_version}`);
    if (!form) return false;
    const plan = planOf(form);
    const answers = row.answers ?? (JSON.parse(row.payload) as { answers: Answers }).answers;
    const flags = row.flags === '[]' ? [] : (JSON.parse(row.flags) as string[]);
    const misuse = flags.includes('kiosk-misuse');

    if (plan.kind === 'interview') {
      const vs = this.vectorsOf(plan, row);
      for (const c of vs) c[VALID] += 1; // slot 0: #n
      let any = false;
      for (const el of plan.elements) {
        let inElement = false;
        for (const it of el.items) {
          const v = answers[it.id];
          const base = it.slot * NC;
          if (isValidLikert(v)) {
            inElement = true;
            const sat = v >= SATISFIED_AT_LEAST ? 1 : 0;
            for (const c of vs) {
              c[base + VALID] += 1;
              c[base + SAT] += sat;
              c[base + N1 + v - 1] += 1;
            }
          } else if (v === 'na') {
            for (const c of vs) c[base + NA] += 1;
          }
        }
        if (inElement) for (const c of vs) c[el.slot * NC + VALID] += 1;
        any ||= inElement;
      }
      if (any) for (const c of vs) c[NC + VALID] += 1; // slot 1: #all
    } else {
      const c = this.vectorsOf(plan, row)[0]!;
      c[VALID] += 1;
      const r = plan.rating!;
      const v = answers[r.id];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= r.levels) {
        const base = r.slot * NC;
        if (misuse) {
          c[base + MISUSE] += 1;
        } else {
          c[base + VALID] += 1;
          c[base + N1 + v - 1] += 1;
          if (v >= r.satisfiedAtLeast) c[base + SAT] += 1;
          c[NC + VALID] += 1;
          if (flags.includes('followup-unanswered')) c[(plan.slot.get(ITEM_FOLLOWUP_UNANSWERED) as number) * NC + VALID] += 1;
          for (const f of plan.followUps) {
            const a = answers[f.id];
            const chosen = Array.isArray(a) ? a : typeof a === 'string' && a !== '' ? [a] : [];
            if (chosen.length === 0) continue;
            c[f.slot * NC + VALID] += 1;
            for (const o of new Set(chosen)) {
              const s = f.options.get(o);
              if (s !== undefined) c[s * NC + VALID] += 1;
            }
          }
        }
      }
    }

    if (plan.likert.length >= STRAIGHT_LINING_MIN_ITEMS && isStraight(plan.likert, answers)) this.mark(row, 'straight-lining');
    if (misuse) this.mark(row, 'kiosk-misuse');
    return true;
  }

  private mark(row: RollupSource, flag: Mark['flag']): void {
    this.marks.push({ response_id: row.id, flag, form_id: row.form_id, site_id: row.site_id, local_day: row.local_day });
  }

  /** Rows to upsert (slots with any count), sorted by key so concurrent transactions lock rows in one order (no deadlocks). */
  rows(): { key: RollupKey; counts: number[] }[] {
    const out: { sort: string; key: RollupKey; counts: number[] }[] = [];
    for (const [k, a] of this.acc) {
      for (let i = 0; i < a.plan.items.length; i++) {
        const counts = Array.from(a.counts.subarray(i * NC, (i + 1) * NC));
        if (counts.every((x) => x === 0)) continue;
        const item_id = a.plan.items[i] as string;
        out.push({ sort: `${k}${SEP}${item_id}`, key: { ...a.key, item_id }, counts });
      }
    }
    out.sort((x, y) => (x.sort < y.sort ? -1 : x.sort > y.sort ? 1 : 0));
    return out.map(({ key, counts }) => ({ key, counts }));
  }

  clear(): void {
    this.acc.clear();
    this.byResponseKey.clear();
    this.marks.length = 0;
    this.slots = 0;
  }
}

/** The same rule as core's isStraightLining, over a precomputed list of likert5 item ids. */
function isStraight(likert: readonly string[], answers: Answers): boolean {
  let first: number | undefined;
  let n = 0;
  for (const id of likert) {
    const v = answers[id];
    if (!isValidLikert(v)) continue;
    if (first === undefined) first = v;
    else if (v !== first) return false;
    n++;
  }
  return n >= STRAIGHT_LINING_MIN_ITEMS;
}

export function deltaOf(rows: Iterable<RollupSource>, forms: FormLookup): RollupDelta {
  const d = new RollupDelta();
  for (const r of rows) d.add(r, forms);
  return d;
}

// ---- SQLite: synchronous, so it runs inside the better-sqlite3 transaction that inserted the rows

const UPSERT_COLUMNS = [...KEY_COLUMNS, ...COUNT_COLUMNS];
const UPDATE_SET = COUNT_COLUMNS.map((c) => `${c} = score_rollup.${c} + excluded.${c}`).join(', ');
export const SQLITE_ROLLUP_UPSERT =
  `INSERT INTO score_rollup (${UPSERT_COLUMNS.join(', ')}) VALUES (${UPSERT_COLUMNS.map(() => '?').join(', ')}) ` +
  `ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${UPDATE_SET}`;
const SQLITE_MARK = 'INSERT INTO response_marks (response_id, flag, form_id, site_id, local_day) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';

// Slots that only count respondents (#n, #all, elements, follow-ups) carry just `valid`: a narrower statement binds 9 values, not 17.
const SQLITE_ROLLUP_UPSERT_VALID =
  `INSERT INTO score_rollup (${KEY_COLUMNS.join(', ')}, valid) VALUES (${KEY_COLUMNS.map(() => '?').join(', ')}, ?) ` +
  `ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET valid = score_rollup.valid + excluded.valid`;

const sqliteStatements = new WeakMap<BetterSqlite3.Database, { upsert: BetterSqlite3.Statement; upsertValid: BetterSqlite3.Statement; mark: BetterSqlite3.Statement }>();

/**
 * Adds the delta inside the caller's SQLite transaction. Unsorted: SQLite has one writer at a time, so the
 * row order that keeps PostgreSQL free of deadlocks buys nothing here. Arguments are passed one by one (no
 * spread, no intermediate row objects): this runs on the ingest's critical path.
 */
export function writeDeltaSqlite(sqlite: BetterSqlite3.Database, delta: RollupDelta): void {
  let s = sqliteStatements.get(sqlite);
  if (!s) {
    s = { upsert: sqlite.prepare(SQLITE_ROLLUP_UPSERT), upsertValid: sqlite.prepare(SQLITE_ROLLUP_UPSERT_VALID), mark: sqlite.prepare(SQLITE_MARK) };
    sqliteStatements.set(sqlite, s);
  }
  const { upsert, upsertValid } = s;
  delta.eachSlot((k, item, c, o) => {
    let others = 0;
    for (let j = 0; j < NC; j++) if (j !== VALID) others |= c[o + j];
    if (others === 0) {
      upsertValid.run(k.form_id, k.grain, k.local_day, k.site_id, k.form_version, k.procedure_code, k.enumerator_id, item, c[o + VALID]);
    } else {
      upsert.run(k.form_id, k.grain, k.local_day, k.site_id, k.form_version, k.procedure_code, k.enumerator_id, item,
        c[o], c[o + 1], c[o + 2], c[o + 3], c[o + 4], c[o + 5], c[o + 6], c[o + 7], c[o + 8]);
    }
  });
  for (const m of delta.marks) s.mark.run(m.response_id, m.flag, m.form_id, m.site_id, m.local_day);
}

/**
 * Call inside the SQLite transaction that inserted `inserted` (only the rows actually inserted, never the
 * duplicates). Synchronous on purpose: better-sqlite3 transactions cannot span an await.
 */
export function applyRollupSqlite(sqlite: BetterSqlite3.Database, inserted: readonly RollupSource[], forms: FormLookup): void {
  if (inserted.length === 0) return;
  writeDeltaSqlite(sqlite, deltaOf(inserted, forms));
}

// ---- PostgreSQL: one statement of column arrays for the counts, one for the marks

/** Anything that runs a parameterised query on the connection holding the transaction (a pg.PoolClient). */
export interface PgQueryable {
  query(config: { text: string; values?: unknown[]; name?: string }): Promise<unknown>;
}

const PG_KEY_TYPES: Record<(typeof KEY_COLUMNS)[number], string> = {
  form_id: 'text',
  grain: 'text',
  local_day: 'text',
  site_id: 'text',
  form_version: 'int4',
  procedure_code: 'text',
  enumerator_id: 'text',
  item_id: 'text',
};
export const PG_ROLLUP_UPSERT =
  `INSERT INTO score_rollup (${UPSERT_COLUMNS.join(', ')}) SELECT * FROM unnest(` +
  [...KEY_COLUMNS.map((c, i) => `$${i + 1}::${PG_KEY_TYPES[c]}[]`), ...COUNT_COLUMNS.map((_, j) => `$${KEY_COLUMNS.length + j + 1}::int4[]`)].join(', ') +
  `) ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${UPDATE_SET}`;
const PG_MARKS =
  'INSERT INTO response_marks (response_id, flag, form_id, site_id, local_day) ' +
  'SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ON CONFLICT DO NOTHING';

const PG_CHUNK = 20_000;

export async function writeDeltaPostgres(client: PgQueryable, delta: RollupDelta): Promise<void> {
  const rows = delta.rows();
  for (let i = 0; i < rows.length; i += PG_CHUNK) {
    const chunk = rows.slice(i, i + PG_CHUNK);
    const values: unknown[][] = [
      ...KEY_COLUMNS.map((c) => chunk.map((r) => r.key[c])),
      ...COUNT_COLUMNS.map((_, j) => chunk.map((r) => r.counts[j])),
    ];
    await client.query({ name: 'hailong_rollup_upsert', text: PG_ROLLUP_UPSERT, values });
  }
  for (let i = 0; i < delta.marks.length; i += PG_CHUNK) {
    const m = delta.marks.slice(i, i + PG_CHUNK);
    await client.query({
      name: 'hailong_marks_insert',
      text: PG_MARKS,
      values: [m.map((x) => x.response_id), m.map((x) => x.flag), m.map((x) => x.form_id), m.map((x) => x.site_id), m.map((x) => x.local_day)],
    });
  }
}

/** Call on the client holding the insert's transaction, after it, with only the rows actually inserted (RETURNING id). */
export async function applyRollupPostgres(client: PgQueryable, inserted: readonly RollupSource[], forms: FormLookup): Promise<void> {
  if (inserted.length === 0) return;
  await writeDeltaPostgres(client, deltaOf(inserted, forms));
}

/** An insertResponses hook that counts every inserted row from its payload (bench/scores.ts; the ingest's own hook reuses the delta prepared with the batch). */
export function rollupHook(forms: FormLookup): {
  sqlite(sqlite: BetterSqlite3.Database, inserted: readonly RollupSource[]): void;
  postgres(client: PgQueryable, inserted: readonly RollupSource[]): Promise<void>;
} {
  return {
    sqlite: (sqlite, inserted) => applyRollupSqlite(sqlite, inserted, forms),
    postgres: (client, inserted) => applyRollupPostgres(client, inserted, forms),
  };
}
