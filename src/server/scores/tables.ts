// Kysely's view of the rollup tables (migration 2026-11-26-02), kept beside the code that owns them.
import type { Kysely } from 'kysely';
import type { Db } from '../db/index';
import type { Database } from '../db/schema';

/** 't' = totals, 'p' = by procedure, 'e' = by enumerator (see the migration for why). */
export type Grain = 't' | 'p' | 'e';

/** Where a score_rollup row sits: the table's key, one row per distinct value. */
export interface RollupKey {
  form_id: string;
  grain: Grain;
  local_day: string;
  site_id: string;
  form_version: number;
  /** '' when the grain is not 'p' or the response named no procedure. */
  procedure_code: string;
  /** '' when the grain is not 'e' or the response has no enumerator. */
  enumerator_id: string;
  item_id: string;
}

/** The counts a score_rollup row holds (COUNT_COLUMNS in rollup.ts, in the same order). */
export interface RollupCounts {
  satisfied: number;
  valid: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
  n5: number;
  na: number;
  misuse: number;
}

export type ScoreRollupTable = RollupKey & RollupCounts;

export interface ResponseMarksTable {
  response_id: string;
  flag: string;
  form_id: string;
  site_id: string;
  local_day: string;
}

export interface ScoresDatabase extends Database {
  score_rollup: ScoreRollupTable;
  response_marks: ResponseMarksTable;
}

/** The database handle typed with the rollup tables too. */
export function sk(db: Db): Kysely<ScoresDatabase> {
  return db.k as unknown as Kysely<ScoresDatabase>;
}
