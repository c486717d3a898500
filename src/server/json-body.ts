// The JSON body reader: strict UTF-8, a prototype-poisoning guard, and any failure is a 400.1; one function for the parser and the ingest workers.
import type { FastifyInstance } from 'fastify';
import { problem, Problem } from '../core/protocol/problems';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

// The checks secure-json-parse (Fastify's default) makes, kept here so an ingest worker reads bodies exactly as
// the parser does: a key "__proto__" anywhere, or a "constructor" object with its own "prototype", is refused.
// The scan only runs when the text could hold one of those keys (also written with \u escapes).
const SUSPECT_PROTO = /"(?:_|\\u005[Ff])(?:_|\\u005[Ff])(?:p|\\u0070)(?:r|\\u0072)(?:o|\\u006[Ff])(?:t|\\u0074)(?:o|\\u006[Ff])(?:_|\\u005[Ff])(?:_|\\u005[Ff])"\s*:/;
const SUSPECT_CONSTRUCTOR =
  /"(?:c|\\u0063)(?:o|\\u006[Ff])(?:n|\\u006[Ee])(?:s|\\u0073)(?:t|\\u0074)(?:r|\\u0072)(?:u|\\u0075)(?:c|\\u0063)(?:t|\\u0074)(?:o|\\u006[Ff])(?:r|\\u0072)"\s*:/;
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Whether the text could name either key: a cheap substring look first (most bodies hold neither word nor a \u escape), then the patterns. */
function mayPoison(text: string): boolean {
  if (!text.includes('\\u') && !text.includes('proto') && !text.includes('constructor')) return false;
  return SUSPECT_PROTO.test(text) || SUSPECT_CONSTRUCTOR.test(text);
}

/** Breadth first, without recursion, so deep nesting cannot overflow the stack. */
function poisoned(root: object): boolean {
  let next: object[] = [root];
  while (next.length) {
    const nodes = next;
    next = [];
    for (const node of nodes) {
      if (hasOwn(node, '__proto__')) return true;
      const c = hasOwn(node, 'constructor') ? (node as { constructor: unknown }).constructor : undefined;
      if (c !== null && typeof c === 'object' && hasOwn(c, 'prototype')) return true;
      for (const key in node) {
        const v = (node as Record<string, unknown>)[key];
        if (v !== null && typeof v === 'object') next.push(v);
      }
    }
  }
  return false;
}

/**
 * A request body as JSON: undefined when empty (a DELETE sent with a JSON content type is no body; routes that
 * need one say so themselves). Throws a 400.1 Problem for anything else that is not a clean JSON text.
 */
export function readJsonBody(buf: Uint8Array): unknown {
  if (buf.length === 0) return undefined;
  let text: string;
  try {
    // A leading BOM is dropped, as files saved by Windows tools carry one.
    text = strictUtf8.decode(buf);
  } catch {
    throw problem.notUtf8();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw problem.notJson({ reason: e instanceof Error ? e.message : String(e) });
  }
  if (value !== null && typeof value === 'object' && mayPoison(text) && poisoned(value)) {
    throw problem.prototypePoisoning();
  }
  return value;
}

/** Route config flag: hand the handler the body's bytes (still size- and type-checked) and let it read them, e.g. in a worker. */
export interface RawJsonBodyConfig {
  rawJsonBody?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rawJsonBody?: boolean;
  }
}

export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  // Fastify parses text/plain by default; no route of ours takes it, so it must be refused as the wrong type (415), not read and refused as a bad body (400).
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const buf = body as Buffer;
    if ((request.routeOptions.config as RawJsonBodyConfig | undefined)?.rawJsonBody) return done(null, buf);
    try {
      done(null, readJsonBody(buf));
    } catch (e) {
      done(e instanceof Problem ? e : problem.unreadableBody({ reason: e instanceof Error ? e.message : String(e) }), undefined);
    }
  });
}
