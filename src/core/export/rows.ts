// One response as one export row of coded values, a row at a time so 100,000+ responses stream in flat memory.
import { allItems, type FormDefinition, type Item } from '../forms/schema';
import type { AnswerValue, Response } from '../response/schema';
import { responseDurationMs } from '../scoring/quality';
import { MULTI_SEPARATOR } from './columns';
import type { ExportLocale } from './labels';

/** A cell: numbers stay numbers (so -5 is never mistaken for a formula), text is neutralised, blank is null. */
export type Cell = string | number | null;

/** What the stored response does not hold itself: the site, its local day, display names, server flags. */
export interface RowContext {
  siteCode: string;
  siteName: string;
  /** YYYY-MM-DD in the site's time zone (see localDay in core/scoring). */
  localDay: string;
  /** The enumerator's display name; defaults to the response's enumeratorId. */
  enumerator?: string | null;
  /** Quality flags computed on the server, added after the response's own flags. */
  flags?: readonly string[];
  /** The times as written (the site's local time, see localDateTime); default: the response's own UTC strings. */
  startedAt?: string;
  completedAt?: string;
}

export type ExportableResponse = Pick<
  Response,
  'id' | 'formId' | 'formVersion' | 'mode' | 'enumeratorId' | 'procedure' | 'startedAt' | 'completedAt' | 'answers' | 'flags'
>;

function textCell(s: string): Cell {
  return s === '' ? null : s;
}

/**
 * The coded value of one answer: likert5 1–5 or "na", rating level, single = option value, multi = option
 * values in form option order joined by ";", number as a number, text neutralised; no answer = null.
 */
function encodeAnswer(item: Item, value: AnswerValue | undefined): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    const order = item.type === 'multi' ? item.options.map((o) => o.value) : [];
    const known = order.filter((v) => value.includes(v));
    const unknown = value.filter((v) => !order.includes(v));
    return textCell([...known, ...unknown].join(MULTI_SEPARATOR));
  }
  return textCell(value);
}

export type RowEncoder = (response: ExportableResponse, context: RowContext) => Cell[];

/** Builds the per-row function once per form, so a long export does no per-row lookups of the form. */
export function createRowEncoder(form: FormDefinition): RowEncoder {
  const items = allItems(form);
  return (r, ctx) => {
    const flags = [...new Set([...(r.flags ?? []), ...(ctx.flags ?? [])])];
    const duration = responseDurationMs(r);
    const fixed: Cell[] = [
      textCell(r.id),
      textCell(r.formId),
      r.formVersion,
      textCell(ctx.siteCode),
      textCell(ctx.siteName),
      textCell(ctx.localDay),
      textCell(ctx.startedAt ?? r.startedAt),
      textCell(ctx.completedAt ?? r.completedAt),
      textCell(r.mode),
      textCell(ctx.enumerator ?? r.enumeratorId ?? ''),
      textCell(r.procedure?.code ?? ''),
      textCell(r.procedure?.name ?? ''),
      Math.round(duration / 1000),
      flags.length ? textCell(flags.join(MULTI_SEPARATOR)) : null,
    ];
    return [...fixed, ...items.map((item) => encodeAnswer(item, r.answers[item.id]))];
  };
}

const encoders = new WeakMap<FormDefinition, RowEncoder>();

/**
 * One response as one row, matching exportColumns(form, …). Values are codes, so the row is the same in
 * every language; the locale is accepted for symmetry with the header and codebook and does not change it.
 */
export function responseToRow(form: FormDefinition, response: ExportableResponse, context: RowContext, _locale?: ExportLocale): Cell[] {
  let encode = encoders.get(form);
  if (!encode) {
    encode = createRowEncoder(form);
    encoders.set(form, encode);
  }
  return encode(response, context);
}
