// A batch of submitted items → one verdict each, in order: invalid items are judged first, the rest stored in one transaction.
import type { Db } from '../db/index';
import { insertResponses } from '../db/queries/responses';
import type { FormDefinition } from '../../core/forms/schema';
import { rollupHook } from '../scores/rollup';
import { prepareItem, type PreparedRow, type Scope, type Verdict, type VerdictStatus } from './prepare';

export type { Scope, Verdict, VerdictStatus } from './prepare';

export type VerdictCounts = Record<VerdictStatus, number>;

export async function ingest(
  db: Db,
  items: readonly unknown[],
  scope: Scope,
  forms: ReadonlyMap<string, FormDefinition>,
  receivedAt: Date,
): Promise<Verdict[]> {
  const received = receivedAt.toISOString();
  const verdicts: (Verdict | undefined)[] = new Array(items.length);
  const rows: PreparedRow[] = [];
  const rowIndex: number[] = [];
  // Same id twice in one batch: the first is inserted, later ones are judged against what ends up stored.
  const firstById = new Map<string, number>();
  const repeats: { index: number; hash: string; id: string }[] = [];

  for (let i = 0; i < items.length; i++) {
    const p = prepareItem(items[i], scope, forms, received);
    if (!p.ok) {
      verdicts[i] = p.verdict;
      continue;
    }
    if (firstById.has(p.row.id)) {
      repeats.push({ index: i, hash: p.row.payload_hash, id: p.row.id });
      continue;
    }
    firstById.set(p.row.id, rows.length);
    rows.push(p.row);
    rowIndex.push(i);
  }

  const stored = await insertResponses(db, rows, rollupHook(forms));
  const finalHash = new Map<string, string>();
  stored.forEach((storedHash, k) => {
    const row = rows[k];
    const i = rowIndex[k];
    finalHash.set(row.id, storedHash ?? row.payload_hash);
    verdicts[i] = judge(row.id, row.payload_hash, storedHash);
  });
  for (const r of repeats) {
    const hash = finalHash.get(r.id)!;
    verdicts[r.index] = hash === r.hash ? { id: r.id, status: 'duplicate' } : conflict(r.id);
  }
  return verdicts as Verdict[];
}

function judge(id: string, hash: string, storedHash: string | null): Verdict {
  if (storedHash === null) return { id, status: 'accepted' };
  return storedHash === hash ? { id, status: 'duplicate' } : conflict(id);
}

function conflict(id: string): Verdict {
  return { id, status: 'conflict', code: 409.1, reason: 'a different response with this id is already stored; nothing was changed' };
}

export function countVerdicts(verdicts: readonly Verdict[]): VerdictCounts {
  const counts: VerdictCounts = { accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
  for (const v of verdicts) counts[v.status]++;
  return counts;
}
