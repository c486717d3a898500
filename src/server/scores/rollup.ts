// Counts stored responses into score_rollup's vectors in memory: the pure part of the rollup (db/queries/rollup.ts writes it).
import { allItems, type FormDefinition } from '../../core/forms/schema';
import type { Answers } from '../../core/response/schema';
import { isValidLikert, SATISFIED_AT_LEAST, scoringPlan } from '../../core/scoring/indices';
import { STRAIGHT_LINING_MIN_ITEMS } from '../../core/scoring/quality';
import type { RollupBuffer, RollupGroupKey, RollupSourceRow } from '../db/queries/rollup';
import { ROLLUP_COUNT_COLUMNS, type Grain, type MarkFlag, type ResponseMark, type RollupKey } from '../db/schema';

/** What the rollup needs of a stored response row (a StoredResponseRow has all of it). */
export type RollupSource = RollupSourceRow & {
  /** The parsed answers when the caller has them; else the payload is parsed. */
  answers?: Answers;
};

/** Forms by "id@version", as the ingest's FormCache snapshot holds them. */
export type FormLookup = ReadonlyMap<string, FormDefinition>;

/** Pseudo item ids: every response; respondents with a valid criterion answer; per element; kiosk follow-up walk-aways. */
export const ITEM_RESPONSES = '#n';
export const ITEM_RESPONDENTS = '#all';
export const ITEM_FOLLOWUP_UNANSWERED = '#followup-unanswered';
export const elementItem = (elementId: string) => `#${elementId}`;
export const optionItem = (itemId: string, option: string) => `${itemId}=${option}`;

// Offsets in a slot's count vector: the column order the writer binds (n1…n5 follow each other).
const SAT = ROLLUP_COUNT_COLUMNS.indexOf('satisfied');
const VALID = ROLLUP_COUNT_COLUMNS.indexOf('valid');
const N1 = ROLLUP_COUNT_COLUMNS.indexOf('n1');
const NA = ROLLUP_COUNT_COLUMNS.indexOf('na');
const MISUSE = ROLLUP_COUNT_COLUMNS.indexOf('misuse');

// ---- compiled per form once: which items count, and where each sits in a key's count vector

interface PlanBase {
  /** item_id of each slot; a slot holds ROLLUP_COUNT_COLUMNS.length counts. Slot 0 is #n, slot 1 #all. */
  items: string[];
  /** likert5 items, for straight-lining. */
  likert: string[];
}

interface InterviewPlan extends PlanBase {
  kind: 'interview';
  elements: { slot: number; items: { id: string; slot: number }[] }[];
}

interface KioskPlan extends PlanBase {
  kind: 'kiosk';
  rating: { id: string; slot: number; levels: number; satisfiedAtLeast: number };
  followUpUnansweredSlot: number;
  followUps: { id: string; slot: number; options: Map<string, number> }[];
}

type Plan = InterviewPlan | KioskPlan;

const NC = ROLLUP_COUNT_COLUMNS.length;
const plans = new WeakMap<FormDefinition, Plan>();

function planOf(form: FormDefinition): Plan {
  const cached = plans.get(form);
  if (cached) return cached;
  const items: string[] = [ITEM_RESPONSES, ITEM_RESPONDENTS];
  const add = (id: string) => items.push(id) - 1;
  const all = allItems(form);
  const likert = all.filter((i) => i.type === 'likert5').map((i) => i.id);
  let p: Plan;
  if (form.kind === 'kiosk') {
    const r = all.find((i) => i.id === form.kiosk.ratingItem);
    if (!r || r.type !== 'rating') throw new Error(`form ${form.id}@${form.version}: no rating item`);
    const rating = { id: r.id, slot: add(r.id), levels: r.levels, satisfiedAtLeast: r.satisfiedAtLeast };
    const followUpUnansweredSlot = add(ITEM_FOLLOWUP_UNANSWERED);
    const followUps = form.kiosk.followUpItems
      .map((id) => all.find((i) => i.id === id))
      .filter((i): i is Extract<typeof i, { type: 'single' | 'multi' }> & object => i?.type === 'single' || i?.type === 'multi')
      .map((i) => ({ id: i.id, slot: add(i.id), options: new Map(i.options.map((o) => [o.value, add(optionItem(i.id, o.value))])) }));
    p = { kind: 'kiosk', items, likert, rating, followUpUnansweredSlot, followUps };
  } else {
    const elements = scoringPlan(form).map((e) => ({ slot: add(elementItem(e.id)), items: e.criteria.map((c) => ({ id: c.itemId, slot: add(c.itemId) })) }));
    p = { kind: 'interview', items, likert, elements };
  }
  plans.set(form, p);
  return p;
}

// ---- pre-aggregation in memory: a batch collapses to a few keys before it touches the database

const SEP = '\u0001';

interface Accumulator {
  key: RollupGroupKey;
  plan: Plan;
  /** plan.items.length × ROLLUP_COUNT_COLUMNS.length counts. */
  counts: Int32Array;
}

/** A RollupDelta as plain data (structured-clone friendly): what an ingest worker hands to the thread that writes. */
export interface RollupDeltaData {
  groups: { key: RollupGroupKey; counts: Int32Array }[];
  marks: ResponseMark[];
}

const groupKey = (k: RollupGroupKey) =>
  `${k.form_id}${SEP}${k.grain}${SEP}${k.local_day}${SEP}${k.site_id}${SEP}${k.form_version}${SEP}${k.procedure_code}${SEP}${k.enumerator_id}`;

/** Summed counts by key, ready to be added to score_rollup: one vector per (form, grain, day, site, version, procedure, enumerator). */
export class RollupDelta implements RollupBuffer {
  private readonly acc = new Map<string, Accumulator>();
  /** An interview's count vectors (one per grain) by everything that places it. */
  private readonly byResponseKey = new Map<string, Int32Array[]>();
  readonly marks: ResponseMark[] = [];
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

  /** An interview's vectors, one per grain, looked up by one key of everything that places it rather than three. */
  private vectorsOf(plan: InterviewPlan, row: RollupSource): Int32Array[] {
    const k = `${row.form_id}${SEP}${row.form_version}${SEP}${row.local_day}${SEP}${row.site_id}${SEP}${row.procedure_code ?? ''}${SEP}${row.enumerator_id ?? ''}`;
    let vs = this.byResponseKey.get(k);
    if (!vs) {
      vs = [this.vector(plan, row, 't'), this.vector(plan, row, 'p'), this.vector(plan, row, 'e')];
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
  eachSlot(fn: (key: RollupGroupKey, itemId: string, counts: Int32Array, offset: number) => void): void {
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
    if (plan.kind === 'interview') this.addInterview(plan, row, answers);
    else this.addRating(plan, row, answers, flags, misuse);
    if (plan.likert.length >= STRAIGHT_LINING_MIN_ITEMS && isStraight(plan.likert, answers)) this.mark(row, 'straight-lining');
    if (misuse) this.mark(row, 'kiosk-misuse');
    return true;
  }

  private addInterview(plan: InterviewPlan, row: RollupSource, answers: Answers): void {
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
  }

  private addRating(plan: KioskPlan, row: RollupSource, answers: Answers, flags: readonly string[], misuse: boolean): void {
    // Kiosk ratings have neither procedure nor enumerator: their 'p' and 'e' rows would only repeat 't'.
    const c = this.vector(plan, row, 't');
    c[VALID] += 1; // slot 0: #n
    const r = plan.rating;
    const v = answers[r.id];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > r.levels) return;
    const base = r.slot * NC;
    if (misuse) {
      c[base + MISUSE] += 1;
      return;
    }
    c[base + VALID] += 1;
    c[base + N1 + v - 1] += 1;
    if (v >= r.satisfiedAtLeast) c[base + SAT] += 1;
    c[NC + VALID] += 1; // slot 1: #all
    if (flags.includes('followup-unanswered')) c[plan.followUpUnansweredSlot * NC + VALID] += 1;
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

  private mark(row: RollupSource, flag: MarkFlag): void {
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

  /**
   * Every count turned to its opposite and the marks dropped: added to the rollup, it takes the counted responses
   * back out (a supervisor's exclusion; the caller deletes their marks).
   */
  negate(): this {
    for (const a of this.acc.values()) for (let i = 0; i < a.counts.length; i++) a.counts[i] = -(a.counts[i] as number);
    this.marks.length = 0;
    return this;
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

