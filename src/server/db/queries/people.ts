// Display names of enumerators, so a breakdown by enumerator shows people rather than ids.
import type { Db } from '../index';

export async function enumeratorNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.k.selectFrom('users').select(['id', 'display_name']).where('role', '=', 'enumerator').execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
