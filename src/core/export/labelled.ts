// Coded export rows → the same rows in words (the codebook's meanings), for people who open the CSV in a spreadsheet.
import { codebook, MULTI_SEPARATOR } from './columns';
import { FIXED_COLUMN_KEYS, type ExportLocale } from './labels';
import type { Cell } from './rows';
import type { FormDefinition } from '../forms/schema';

/** Several labels in one cell: "; " reads better than the codes' bare ";" and no label of the built-in forms has it. */
const LABEL_SEPARATOR = '; ';

/**
 * A function from a coded row (createRowEncoder's order) to the row in words: every column the codebook
 * decodes (mode, flags, scale, rating, single and multi choice) gets its meaning; other cells, unknown codes
 * and any cells past the form's columns are left as they are.
 */
export function createRowLabeller(form: FormDefinition, locale: ExportLocale): (row: readonly Cell[]) => Cell[] {
  const columns = new Map<number, { multi: boolean; labels: Map<string, string> }>();
  const itemStart = FIXED_COLUMN_KEYS.length;
  const entries = codebook(form, locale);
  // Item entries follow the form's order, as the item columns do.
  const itemIndex = new Map(entries.filter((e) => e.type !== 'meta').map((e, i) => [e.itemId, i]));
  for (const e of entries) {
    if (e.codes.length === 0) continue;
    const at = e.type === 'meta' ? FIXED_COLUMN_KEYS.indexOf(e.itemId as 'mode' | 'flags') : itemStart + itemIndex.get(e.itemId)!;
    columns.set(at, { multi: e.type === 'multi' || e.itemId === 'flags', labels: new Map(e.codes.map((c) => [String(c.code), c.label])) });
  }
  return (row) =>
    row.map((cell, i) => {
      const col = columns.get(i);
      if (!col || cell === null) return cell;
      const word = (code: string) => col.labels.get(code) ?? code;
      return col.multi ? String(cell).split(MULTI_SEPARATOR).map(word).join(LABEL_SEPARATOR) : word(String(cell));
    });
}
