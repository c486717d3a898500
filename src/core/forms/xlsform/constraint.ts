// XLSForm `constraint` ⇄ our bounds: `. >= 1 and . <= 10` on numbers, `count-selected(.) <= 3` on a multiple
// choice, `string-length(.) <= 100` on text. Any other rule is refused: the tablet could not enforce it.
import { numberText, parseExpression, straightenQuotes, ExpressionError, type CompareOp, type Expr } from './expression';
import type { ExprProblem } from './relevant';

/** What the constraint limits: the answer itself (whole or decimal number), the count of choices, or the length of text. */
export type Measured = 'integer' | 'decimal' | 'choices' | 'length';

export interface Bounds {
  min?: number;
  max?: number;
}

const MIRROR: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<=': '>=', '>=': '<=', '<': '>', '>': '<' };

function isMeasure(e: Expr, measured: Measured): boolean {
  if (measured === 'integer' || measured === 'decimal') return e.t === 'self';
  const fn = measured === 'choices' ? 'count-selected' : 'string-length';
  return e.t === 'call' && e.name === fn && e.args.length === 1 && e.args[0].t === 'self';
}

export function readConstraint(source: string, measured: Measured): { bounds?: Bounds; problems: ExprProblem[] } {
  const text = straightenQuotes(source);
  let ast: Expr;
  try {
    ast = parseExpression(text);
  } catch (e) {
    if (!(e instanceof ExpressionError)) throw e;
    return { problems: [{ code: 'expression-unreadable', params: { expression: text, position: e.position, near: text.slice(e.position - 1, e.position + 19) } }] };
  }
  const refuse = (e: Expr) => ({ problems: [{ code: 'constraint-unsupported' as const, params: { expression: text, part: text.slice(e.start, e.end), measure: measured } }] });
  const parts = ast.t === 'and' ? ast.items : [ast];
  const bounds: Bounds = {};
  const whole = measured !== 'decimal';
  for (const part of parts) {
    if (part.t !== 'cmp') return refuse(part);
    let op: CompareOp;
    let n: number;
    if (isMeasure(part.left, measured) && part.right.t === 'num') [op, n] = [part.op, part.right.value];
    else if (isMeasure(part.right, measured) && part.left.t === 'num') [op, n] = [MIRROR[part.op], part.left.value];
    else return refuse(part);
    // Strict bounds fit our inclusive ones only for whole numbers.
    if ((op === '<' || op === '>') && (!whole || !Number.isInteger(n))) return refuse(part);
    if (op === '>') [op, n] = ['>=', n + 1];
    if (op === '<') [op, n] = ['<=', n - 1];
    if (op === '>=') {
      if (measured !== 'integer' && measured !== 'decimal') return refuse(part);
      if (bounds.min !== undefined) return refuse(part);
      bounds.min = n;
    } else if (op === '<=') {
      if (bounds.max !== undefined) return refuse(part);
      if (measured !== 'integer' && measured !== 'decimal' && (!Number.isInteger(n) || n < 1)) return refuse(part);
      bounds.max = n;
    } else return refuse(part);
  }
  if (bounds.min !== undefined && bounds.max !== undefined && bounds.min > bounds.max)
    return { problems: [{ code: 'constraint-bounds', params: { min: bounds.min, max: bounds.max } }] };
  return { bounds, problems: [] };
}


/** The constraint cell for these bounds, or '' when there are none. */
export function writeConstraint(bounds: Bounds, measured: Measured): string {
  const subject = measured === 'choices' ? 'count-selected(.)' : measured === 'length' ? 'string-length(.)' : '.';
  const parts: string[] = [];
  if (bounds.min !== undefined) parts.push(`${subject} >= ${numberText(bounds.min)}`);
  if (bounds.max !== undefined) parts.push(`${subject} <= ${numberText(bounds.max)}`);
  return parts.join(' and ');
}
