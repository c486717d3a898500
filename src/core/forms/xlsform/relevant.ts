// XLSForm `relevant` ⇄ our showIf tree. Reading follows XLSForm's meaning exactly (an empty answer makes `=` false
// and `!=` true); writing gives the expression a person would type, and reading it back gives the same tree.
import { MAX_CONDITION_DEPTH, conditionDepth, type Condition, type Item, type LeafCondition } from '../schema';
import { numberText, parseExpression, straightenQuotes, ExpressionError, type CompareOp, type Expr } from './expression';
import type { XlsFormCode } from './types';

/** What a condition needs to know of the question it reads. */
export type Target = Pick<Item, 'id' | 'type'> & { values?: readonly string[]; allowNA?: boolean; levels?: number; integer?: boolean };

export function targetOf(item: Item): Target {
  switch (item.type) {
    case 'single':
    case 'multi':
      return { id: item.id, type: item.type, values: item.options.map((o) => o.value) };
    case 'likert5':
      return { id: item.id, type: item.type, allowNA: item.allowNA };
    case 'rating':
      return { id: item.id, type: item.type, levels: item.levels };
    case 'number':
      return { id: item.id, type: item.type, integer: item.integer };
    default:
      return { id: item.id, type: item.type };
  }
}

/** How a `${name}` resolves: a question before this row, or why not. */
export type Resolve = (name: string) => Target | { problem: 'relevant-not-question' | 'relevant-later-question' } | { problem: 'broken' };

export interface ExprProblem {
  code: XlsFormCode;
  params: Record<string, string | number>;
}

const MIRROR: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<=': '>=', '>=': '<=', '<': '>', '>': '<' };

/** Reads a relevant expression into a condition, or every problem found in it. */
export function readRelevant(source: string, resolve: Resolve): { condition?: Condition; problems: ExprProblem[] } {
  const text = straightenQuotes(source);
  let ast: Expr;
  try {
    ast = parseExpression(text);
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    return { problems: [{ code: 'expression-unreadable', params: { expression: text, position: e.position, near: text.slice(e.position - 1, e.position + 19) } }] };
  }
  const problems: ExprProblem[] = [];
  const part = (e: Expr) => text.slice(e.start, e.end);
  const unsupported = (e: Expr): undefined => {
    problems.push({ code: 'relevant-unsupported', params: { expression: text, part: part(e) } });
    return undefined;
  };
  /** The question a ${name} names, with the problem recorded when it does not. */
  const target = (e: Expr & { t: 'ref' }): Target | undefined => {
    const r = resolve(e.name);
    if ('problem' in r) {
      if (r.problem !== 'broken') problems.push({ code: r.problem, params: { name: e.name } });
      return undefined;
    }
    return r;
  };

  /** A literal as the value the question's answers hold, or undefined (problem recorded). */
  function valueFor(t: Target, lit: Expr & { t: 'str' | 'num' }): string | number | undefined {
    const raw = lit.t === 'num' ? String(lit.value) : lit.value;
    const bad = () => {
      problems.push({ code: 'relevant-unknown-choice', params: { name: t.id, value: raw } });
      return undefined;
    };
    switch (t.type) {
      case 'single':
      case 'multi':
        return t.values?.includes(raw) ? raw : bad();
      case 'likert5':
        if (raw === 'na') return t.allowNA ? 'na' : bad();
        return /^[1-5]$/.test(raw) ? Number(raw) : bad();
      case 'rating':
        return /^[1-9]$/.test(raw) && Number(raw) <= (t.levels ?? 0) ? Number(raw) : bad();
      case 'number': {
        const n = lit.t === 'num' ? lit.value : raw.trim() === '' ? NaN : Number(raw);
        if (Number.isFinite(n)) return n;
        problems.push({ code: 'relevant-not-number', params: { name: t.id, value: raw } });
        return undefined;
      }
      default:
        return raw;
    }
  }

  function compare(op: CompareOp, ref: Expr & { t: 'ref' }, lit: Expr & { t: 'str' | 'num' }, whole: Expr): Condition | undefined {
    const t = target(ref);
    if (!t) return undefined;
    if (op === '=' || op === '!=') {
      // `${q} = ''` asks whether q is unanswered: what XLSForm authors write for "answered or not".
      if (lit.t === 'str' && lit.value.trim() === '') {
        const answered: Condition = { item: t.id, op: 'answered' };
        return op === '!=' ? answered : { op: 'not', condition: answered };
      }
      if (t.type === 'multi') {
        problems.push({ code: 'relevant-multi-equals', params: { name: t.id, part: part(whole) } });
        return undefined;
      }
      const v = valueFor(t, lit);
      if (v === undefined) return undefined;
      const hit: Condition = { item: t.id, op: 'in', values: [v] };
      return op === '=' ? hit : { op: 'not', condition: hit };
    }
    if (t.type !== 'number' && t.type !== 'likert5' && t.type !== 'rating') {
      problems.push({ code: 'relevant-compare-not-number', params: { name: t.id, part: part(whole) } });
      return undefined;
    }
    const n = lit.t === 'num' ? lit.value : Number(lit.value);
    if (!Number.isFinite(n) || (lit.t === 'str' && lit.value.trim() === '')) {
      problems.push({ code: 'relevant-not-number', params: { name: t.id, value: lit.t === 'num' ? String(lit.value) : lit.value } });
      return undefined;
    }
    if (op === '<=' || op === '>=') return { item: t.id, op: op === '<=' ? 'lte' : 'gte', value: n };
    // `<` and `>` fit our inclusive bounds exactly only for whole-number answers compared with a whole number.
    const whole_ = t.type !== 'number' || t.integer !== false;
    if (!whole_ || !Number.isInteger(n)) {
      problems.push({ code: 'relevant-strict-comparison', params: { name: t.id, part: part(whole) } });
      return undefined;
    }
    return op === '<' ? { item: t.id, op: 'lte', value: n - 1 } : { item: t.id, op: 'gte', value: n + 1 };
  }

  function convert(e: Expr): Condition | undefined {
    switch (e.t) {
      case 'or':
      case 'and': {
        const parts = e.items.map(convert);
        if (parts.some((p) => p === undefined)) return undefined;
        return { op: e.t === 'and' ? 'all' : 'any', conditions: parts as Condition[] };
      }
      case 'cmp': {
        const { left, right } = e;
        if (left.t === 'ref' && (right.t === 'str' || right.t === 'num')) return compare(e.op, left, right, e);
        if (right.t === 'ref' && (left.t === 'str' || left.t === 'num')) return compare(MIRROR[e.op], right, left, e);
        return unsupported(e);
      }
      case 'call': {
        if (e.name === 'not' && e.args.length === 1) {
          const inner = convert(e.args[0]);
          return inner && { op: 'not', condition: inner };
        }
        if (e.name === 'selected' && e.args.length === 2) {
          const [ref, lit] = e.args;
          if (ref.t !== 'ref' || (lit.t !== 'str' && lit.t !== 'num')) return unsupported(e);
          const t = target(ref);
          if (!t) return undefined;
          if (t.type !== 'single' && t.type !== 'multi' && t.type !== 'likert5' && t.type !== 'rating') {
            problems.push({ code: 'relevant-selected-not-select', params: { name: t.id } });
            return undefined;
          }
          const v = valueFor(t, lit);
          return v === undefined ? undefined : { item: t.id, op: 'in', values: [v] };
        }
        return unsupported(e);
      }
      default:
        return unsupported(e);
    }
  }

  const raw = convert(ast);
  if (!raw || problems.length) return { problems };
  const condition = simplify(raw);
  if (conditionDepth(condition) > MAX_CONDITION_DEPTH) return { problems: [{ code: 'relevant-too-deep', params: { depth: MAX_CONDITION_DEPTH } }] };
  return { condition, problems };
}

const sameItemIn = (a: Condition, b: Condition): boolean => a.op === 'in' && b.op === 'in' && a.item === b.item;

/**
 * The canonical tree: nested all/any flattened, `q = a or q = b` as one `in`, and `q != '' and not(q = a)`
 * as `notIn` (the leaf the JSON forms already use), so writing a definition and reading it back is the identity.
 */
export function simplify(cond: Condition): Condition {
  if (cond.op === 'not') return { op: 'not', condition: simplify(cond.condition) };
  if (cond.op !== 'all' && cond.op !== 'any') return cond;
  const flat: Condition[] = [];
  for (const c of cond.conditions.map(simplify)) {
    if (c.op === cond.op) flat.push(...c.conditions);
    else flat.push(c);
  }
  const parts: Condition[] = [];
  if (cond.op === 'any') {
    for (const c of flat) {
      const last = parts[parts.length - 1];
      if (last && sameItemIn(last, c)) {
        const l = last as LeafCondition & { op: 'in' };
        parts[parts.length - 1] = { item: l.item, op: 'in', values: [...l.values, ...(c as typeof l).values] };
      } else parts.push(c);
    }
  } else {
    for (const c of flat) {
      const last = parts[parts.length - 1];
      if (last?.op === 'answered' && c.op === 'not' && c.condition.op === 'in' && c.condition.item === last.item)
        parts[parts.length - 1] = { item: last.item, op: 'notIn', values: c.condition.values };
      else parts.push(c);
    }
  }
  return parts.length === 1 ? parts[0] : { op: cond.op, conditions: parts };
}

/** A string literal XPath can hold (it has no escapes), or null when the text holds both kinds of quote. */
function literal(v: string): string | null {
  if (!v.includes("'")) return `'${v}'`;
  if (!v.includes('"')) return `"${v}"`;
  return null;
}

export class WriteError extends Error {}

/**
 * The XLSForm expression for a condition. `targets` gives each item's type, so a multiple-choice answer is
 * tested with selected() and a number is written as one. Throws WriteError for a value XPath cannot spell.
 */
export function writeRelevant(cond: Condition, targets: ReadonlyMap<string, Target>): string {
  const ref = (id: string) => `\${${id}}`;
  const value = (t: Target | undefined, v: string | number): string => {
    if (typeof v === 'number' && (t?.type === 'number' || t?.type === 'likert5' || t?.type === 'rating')) return numberText(v);
    const s = literal(String(v));
    if (s === null) throw new WriteError(`the value ${JSON.stringify(v)} has both kinds of quote`);
    return s;
  };
  const inExpr = (item: string, values: readonly (string | number)[]): string[] => {
    const t = targets.get(item);
    return values.map((v) => (t?.type === 'multi' ? `selected(${ref(item)}, ${value(t, v)})` : `${ref(item)} = ${value(t, v)}`));
  };
  /** `prec` 1 means inside an `and`, where an `or` needs parentheses. */
  function write(c: Condition, prec: number): string {
    switch (c.op) {
      case 'answered':
        return `${ref(c.item)} != ''`;
      case 'in': {
        const parts = inExpr(c.item, c.values);
        return parts.length > 1 && prec > 0 ? `(${parts.join(' or ')})` : parts.join(' or ');
      }
      case 'notIn':
        return `${ref(c.item)} != '' and not(${inExpr(c.item, c.values).join(' or ')})`;
      case 'lte':
        return `${ref(c.item)} <= ${numberText(c.value)}`;
      case 'gte':
        return `${ref(c.item)} >= ${numberText(c.value)}`;
      case 'not':
        return `not(${write(c.condition, 0)})`;
      case 'all':
        return c.conditions.map((x) => write(x, 1)).join(' and ');
      case 'any': {
        const s = c.conditions.map((x) => write(x, 0)).join(' or ');
        return prec > 0 ? `(${s})` : s;
      }
    }
  }
  return write(cond, 0);
}
