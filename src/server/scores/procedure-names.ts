// Names the groups of a breakdown by procedure (issue 11: "enumerator and procedure breakdowns on screen, with names").
import type { Group } from '../../core/protocol/scores';
import type { Db } from '../db/index';
import { procedureNames } from '../db/queries/procedures';

export async function nameProcedureGroups(db: Db, groups: Group[]): Promise<void> {
  const names = await procedureNames(db, groups.filter((g) => g.key !== '' && !g.label).map((g) => g.key));
  for (const g of groups) {
    const name = names.get(g.key);
    if (name && !g.label) g.label = { vi: name, en: name };
  }
}
