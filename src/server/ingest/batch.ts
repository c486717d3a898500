// A batch judged before any write: verdicts for the invalid items, the rows to insert and their score delta; pure CPU, so it can run in a worker.
import type { FormDefinition } from '../../core/forms/schema';
import { Problem, type ProblemData } from '../../core/protocol/problems';
import type { Verdict } from '../../core/protocol/verdicts';
import { batchItems } from '../api/envelope';
import type { StoredResponseRow } from '../db/queries/responses';
import { readJsonBody } from '../json-body';
import { deltaOf, type RollupDeltaData } from '../scores/rollup';
import { deviceScope, type DeviceScopeData } from './device-scope';
import { prepareItem, type PreparedRow, type Scope } from './prepare';

/** Everything the writing side needs to store a batch and answer it; plain data (structured-clone friendly). */
export interface PreparedBatch {
  /** One slot per submitted item: the verdict when it was refused before any write, else null. */
  verdicts: (Verdict | null)[];
  /** Valid items with distinct ids, in order: what to insert. */
  rows: StoredResponseRow[];
  /** Item index of each row. */
  rowIndex: number[];
  /** Later items repeating an id of this batch: judged against what ends up stored under it. */
  repeats: { index: number; id: string; hash: string }[];
  /** The score delta of all rows, valid if every one of them is inserted (the usual case). */
  rollup: RollupDeltaData;
}

/** Items split before any write: verdicts of the refused, distinct rows to insert, and later copies of an id. */
export interface SplitItems<R> {
  verdicts: (Verdict | null)[];
  rows: R[];
  rowIndex: number[];
  repeats: PreparedBatch['repeats'];
}

/** Judges each item alone, then keeps the first of each id to insert (responses and refusals alike). */
export function splitItems<R extends { id: string; payload_hash: string }>(
  items: readonly unknown[],
  prepare: (item: unknown) => { ok: true; row: R } | { ok: false; verdict: Verdict },
): SplitItems<R> {
  const verdicts: (Verdict | null)[] = new Array(items.length).fill(null);
  const rows: R[] = [];
  const rowIndex: number[] = [];
  const repeats: PreparedBatch['repeats'] = [];
  // Same id twice in one batch: the first is inserted, later ones are judged against what ends up stored.
  const seen = new Set<string>();
  for (let i = 0; i < items.length; i++) {
    const p = prepare(items[i]);
    if (!p.ok) {
      verdicts[i] = p.verdict;
      continue;
    }
    if (seen.has(p.row.id)) {
      repeats.push({ index: i, id: p.row.id, hash: p.row.payload_hash });
      continue;
    }
    seen.add(p.row.id);
    rows.push(p.row);
    rowIndex.push(i);
  }
  return { verdicts, rows, rowIndex, repeats };
}

export function prepareBatch(items: readonly unknown[], scope: Scope, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string): PreparedBatch & { rows: PreparedRow[] } {
  const split = splitItems(items, (item) => prepareItem(item, scope, forms, receivedAt));
  return { ...split, rollup: deltaOf(split.rows, forms).toData() };
}

/** The rows as one array per column: between threads, far cheaper to copy than an object per row. */
type RowColumns = { [C in keyof StoredResponseRow]: StoredResponseRow[C][] };

/** A PreparedBatch as it travels from a worker: rows by column. */
export type WireBatch = Omit<PreparedBatch, 'rows'> & { columns: RowColumns };

function toWire({ rows, ...rest }: PreparedBatch): WireBatch {
  const col = <C extends keyof StoredResponseRow>(c: C) => rows.map((r) => r[c]);
  return {
    ...rest,
    columns: {
      id: col('id'), payload: col('payload'), payload_hash: col('payload_hash'), form_id: col('form_id'), form_version: col('form_version'),
      site_id: col('site_id'), device_id: col('device_id'), enumerator_id: col('enumerator_id'), mode: col('mode'), started_at: col('started_at'),
      completed_at: col('completed_at'), received_at: col('received_at'), local_day: col('local_day'), duration_ms: col('duration_ms'),
      flags: col('flags'), procedure_code: col('procedure_code'),
    },
  };
}

export function fromWire({ columns: c, ...rest }: WireBatch): PreparedBatch {
  const rows: StoredResponseRow[] = new Array(c.id.length);
  for (let i = 0; i < rows.length; i++) {
    rows[i] = {
      id: c.id[i], payload: c.payload[i], payload_hash: c.payload_hash[i], form_id: c.form_id[i], form_version: c.form_version[i],
      site_id: c.site_id[i], device_id: c.device_id[i], enumerator_id: c.enumerator_id[i], mode: c.mode[i], started_at: c.started_at[i],
      completed_at: c.completed_at[i], received_at: c.received_at[i], local_day: c.local_day[i], duration_ms: c.duration_ms[i],
      flags: c.flags[i], procedure_code: c.procedure_code[i],
    };
  }
  return { ...rest, rows };
}

/** What to do with a submissions body, decided without touching the database. */
export type BodyOutcome = { ok: true; batch: WireBatch } | { ok: false; problem: ProblemData };

/**
 * A submissions request body (bytes) → its prepared batch, or the problem that refuses the whole request
 * (not JSON, not a batch, too many items). The rows leave without their parsed answers: the writer has the
 * rollup delta already, and the payload if it ever needs them again.
 */
export function prepareBody(body: Uint8Array, scope: DeviceScopeData, forms: ReadonlyMap<string, FormDefinition>, receivedAt: string, maxItems: number): BodyOutcome {
  const o = prepareBodyBatch(body, scope, forms, receivedAt, maxItems);
  return o.ok ? { ok: true, batch: toWire(o.batch) } : o;
}

/** prepareBody for a caller on the same thread (an ingest worker that stores the batch itself): the batch as rows. */
export function prepareBodyBatch(
  body: Uint8Array,
  scope: DeviceScopeData,
  forms: ReadonlyMap<string, FormDefinition>,
  receivedAt: string,
  maxItems: number,
): { ok: true; batch: PreparedBatch } | Extract<BodyOutcome, { ok: false }> {
  let items: unknown[];
  try {
    items = batchItems(readJsonBody(body), maxItems);
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    return { ok: false, problem: e.toData() };
  }
  return { ok: true, batch: prepareBatch(items, deviceScope(scope), forms, receivedAt) };
}
