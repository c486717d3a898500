// A reader for the small part of XPath that XLSForm `relevant` and `constraint` cells use: ${name}, ., literals,
// comparisons, and / or, not(), function calls and parentheses. Anything else is a readable error, never a guess.

type Operand =
  | { t: 'ref'; name: string; start: number; end: number }
  | { t: 'self'; start: number; end: number }
  | { t: 'str'; value: string; start: number; end: number }
  | { t: 'num'; value: number; start: number; end: number }
  | { t: 'call'; name: string; args: Expr[]; start: number; end: number };

export type CompareOp = '=' | '!=' | '<=' | '>=' | '<' | '>';

export type Expr =
  | Operand
  | { t: 'or' | 'and'; items: Expr[]; start: number; end: number }
  | { t: 'cmp'; op: CompareOp; left: Expr; right: Expr; start: number; end: number };

type Token =
  | { k: 'ref'; name: string; start: number; end: number }
  | { k: 'str'; value: string; start: number; end: number }
  | { k: 'num'; value: number; start: number; end: number }
  | { k: 'name'; value: string; start: number; end: number }
  | { k: 'op'; value: CompareOp; start: number; end: number }
  | { k: '(' | ')' | ',' | '.' | 'end'; start: number; end: number };

/** Where reading stopped: `position` is 1-based, as a person counts characters. */
export class ExpressionError extends Error {
  constructor(readonly position: number) {
    super(`cannot read the expression from character ${position}`);
  }
}

/** A number as XPath reads it: plain decimals, never an exponent ("1e-7"). */
export function numberText(n: number): string {
  const s = String(n);
  return /e/i.test(s) ? n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Curly quotes, which a spreadsheet puts in by itself, read as plain ones (pyxform does the same). */
export function straightenQuotes(s: string): string {
  return s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '$' && src[i + 1] === '{') {
      const close = src.indexOf('}', i);
      if (close === -1) throw new ExpressionError(i + 1);
      const name = src.slice(i + 2, close).trim();
      if (!name) throw new ExpressionError(i + 1);
      out.push({ k: 'ref', name, start, end: close + 1 });
      i = close + 1;
    } else if (c === "'" || c === '"') {
      // XPath 1.0 has no escapes: a string ends at the next quote of its kind.
      const close = src.indexOf(c, i + 1);
      if (close === -1) throw new ExpressionError(i + 1);
      out.push({ k: 'str', value: src.slice(i + 1, close), start, end: close + 1 });
      i = close + 1;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^[0-9]*\.?[0-9]*/.exec(src.slice(i))!;
      out.push({ k: 'num', value: Number(m[0]), start, end: i + m[0].length });
      i += m[0].length;
    } else if (c === '-' && /[0-9.]/.test(src[i + 1] ?? '') && !['num', 'ref', 'str', ')', '.'].includes(out.at(-1)?.k ?? '')) {
      const m = /^-[0-9]*\.?[0-9]*/.exec(src.slice(i))!;
      if (m[0] === '-' || m[0] === '-.') throw new ExpressionError(i + 1);
      out.push({ k: 'num', value: Number(m[0]), start, end: i + m[0].length });
      i += m[0].length;
    } else if (c === '.') {
      out.push({ k: '.', start, end: i + 1 });
      i++;
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ k: c, start, end: i + 1 });
      i++;
    } else if (c === '!' && src[i + 1] === '=') {
      out.push({ k: 'op', value: '!=', start, end: i + 2 });
      i += 2;
    } else if (c === '<' || c === '>') {
      const eq = src[i + 1] === '=';
      out.push({ k: 'op', value: (eq ? `${c}=` : c) as CompareOp, start, end: i + (eq ? 2 : 1) });
      i += eq ? 2 : 1;
    } else if (c === '=') {
      out.push({ k: 'op', value: '=', start, end: i + 1 });
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.-]*(:[A-Za-z_][A-Za-z0-9_.-]*)?/.exec(src.slice(i))!;
      out.push({ k: 'name', value: m[0], start, end: i + m[0].length });
      i += m[0].length;
    } else throw new ExpressionError(i + 1);
  }
  out.push({ k: 'end', start: src.length, end: src.length });
  return out;
}

/** Parses an expression; throws ExpressionError at the first character it cannot read. */
export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let p = 0;
  const peek = () => tokens[p];
  const fail = (): never => {
    throw new ExpressionError(peek().start + 1);
  };
  const isWord = (w: string) => {
    const t = peek();
    return t.k === 'name' && t.value === w;
  };

  function expr(): Expr {
    const first = conjunction();
    if (!isWord('or')) return first;
    const items = [first];
    while (isWord('or')) {
      p++;
      items.push(conjunction());
    }
    return { t: 'or', items, start: first.start, end: items[items.length - 1].end };
  }
  function conjunction(): Expr {
    const first = comparison();
    if (!isWord('and')) return first;
    const items = [first];
    while (isWord('and')) {
      p++;
      items.push(comparison());
    }
    return { t: 'and', items, start: first.start, end: items[items.length - 1].end };
  }
  function comparison(): Expr {
    const left = operand();
    const t = peek();
    if (t.k !== 'op') return left;
    p++;
    const right = operand();
    if (peek().k === 'op') fail();
    return { t: 'cmp', op: t.value, left, right, start: left.start, end: right.end };
  }
  function operand(): Expr {
    const t = peek();
    switch (t.k) {
      case 'ref':
        p++;
        return { t: 'ref', name: t.name, start: t.start, end: t.end };
      case '.':
        p++;
        return { t: 'self', start: t.start, end: t.end };
      case 'str':
        p++;
        return { t: 'str', value: t.value, start: t.start, end: t.end };
      case 'num':
        p++;
        return { t: 'num', value: t.value, start: t.start, end: t.end };
      case '(': {
        p++;
        const inner = expr();
        if (peek().k !== ')') fail();
        p++;
        return inner;
      }
      case 'name': {
        // A bare name ("and", a path) is not something we read; a name followed by "(" is a call.
        if (tokens[p + 1]?.k !== '(') return fail();
        p += 2;
        const args: Expr[] = [];
        if (peek().k !== ')') {
          args.push(expr());
          while (peek().k === ',') {
            p++;
            args.push(expr());
          }
        }
        if (peek().k !== ')') fail();
        const end = peek().end;
        p++;
        return { t: 'call', name: t.value, args, start: t.start, end };
      }
      default:
        return fail();
    }
  }

  const result = expr();
  if (peek().k !== 'end') fail();
  return result;
}
