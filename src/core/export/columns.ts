// The export layout of a form: fixed columns, one column per item in form order, and the codebook that decodes them.
import { allItems, type FormDefinition, type Item, type ItemType, type LocalizedText } from '../forms/schema';
import {
  FIXED_COLUMN_KEYS,
  FIXED_COLUMN_LABELS,
  FLAG_LABELS,
  MODE_LABELS,
  TYPE_LABELS,
  CODEBOOK_HEADER,
  type ExportLocale,
  type FixedColumnKey,
} from './labels';

/**
 * A multiple-choice answer is ONE column holding its codes in form option order joined by this: the
 * issue asks for one column per item, and a fixed order makes equal choices equal cells. The codebook
 * lists the codes. (Option values containing ";" would be ambiguous; the built-in forms have none.)
 */
export const MULTI_SEPARATOR = ';';

export type ExportColumn =
  | { kind: 'fixed'; key: FixedColumnKey; header: string }
  | { kind: 'item'; key: string; header: string; itemId: string; itemType: ItemType };

function text(label: LocalizedText, locale: ExportLocale): string {
  return label[locale] ?? label.vi;
}

/** Item headers carry the id first ("E1.1: Nơi ngồi chờ…"), so a column is found by id in either language. */
function itemHeader(item: Item, locale: ExportLocale): string {
  return `${item.id}: ${text(item.label, locale)}`;
}

/** Every column of the export, in order. */
export function exportColumns(form: FormDefinition, locale: ExportLocale): ExportColumn[] {
  return [
    ...FIXED_COLUMN_KEYS.map((key): ExportColumn => ({ kind: 'fixed', key, header: FIXED_COLUMN_LABELS[key][locale] })),
    ...allItems(form).map(
      (item): ExportColumn => ({ kind: 'item', key: item.id, header: itemHeader(item, locale), itemId: item.id, itemType: item.type }),
    ),
  ];
}

/** The header row. */
export function exportHeader(form: FormDefinition, locale: ExportLocale): string[] {
  return exportColumns(form, locale).map((c) => c.header);
}

interface CodebookCode {
  code: string | number;
  label: string;
}

export interface CodebookEntry {
  /** Item id, or a fixed column key for the columns that carry codes (mode, flags). */
  itemId: string;
  label: string;
  type: ItemType | 'meta';
  typeLabel: string;
  /** Scoring element of a likert5 criterion. */
  element: string | null;
  codes: CodebookCode[];
}

function itemCodes(form: FormDefinition, item: Item, locale: ExportLocale): CodebookCode[] {
  switch (item.type) {
    case 'likert5': {
      const levels = [1, 2, 3, 4, 5].map((code, i) => ({ code, label: form.scale ? text(form.scale.levels[i] as LocalizedText, locale) : String(code) }));
      return item.allowNA ? [...levels, { code: 'na', label: form.scale ? text(form.scale.na, locale) : 'na' }] : levels;
    }
    case 'rating':
      return item.labels.map((l, i) => ({ code: i + 1, label: text(l, locale) }));
    case 'single':
    case 'multi':
      return item.options.map((o) => ({ code: o.value, label: text(o.label, locale) }));
    default:
      return [];
  }
}

/** The codebook: the coded fixed columns, then every item in form order with its codes. Labels are neutralised. */
export function codebook(form: FormDefinition, locale: ExportLocale): CodebookEntry[] {
  const meta = (key: 'mode' | 'flags', codes: Record<string, Record<ExportLocale, string>>): CodebookEntry => ({
    itemId: key,
    label: FIXED_COLUMN_LABELS[key][locale],
    type: 'meta',
    typeLabel: TYPE_LABELS.meta[locale],
    element: null,
    codes: Object.entries(codes).map(([code, l]) => ({ code, label: l[locale] })),
  });
  return [
    meta('mode', MODE_LABELS),
    meta('flags', FLAG_LABELS),
    ...allItems(form).map((item) => ({
      itemId: item.id,
      label: text(item.label, locale),
      type: item.type,
      typeLabel: TYPE_LABELS[item.type][locale],
      element: item.type === 'likert5' ? (item.element ?? null) : null,
      codes: itemCodes(form, item, locale),
    })),
  ];
}

/** The codebook's header row. */
export function codebookHeader(locale: ExportLocale): string[] {
  return [...(CODEBOOK_HEADER[locale] as string[])];
}

/** The codebook flattened for a sheet or CSV: one row per code, or one row with empty code cells for free answers. */
export function* codebookRows(form: FormDefinition, locale: ExportLocale): Generator<(string | number | null)[]> {
  for (const e of codebook(form, locale)) {
    if (e.codes.length === 0) yield [e.itemId, e.label, e.typeLabel, null, null];
    else for (const c of e.codes) yield [e.itemId, e.label, e.typeLabel, c.code, c.label];
  }
}
