// The JSON body parser: strict UTF-8, Fastify's prototype-poisoning guard, and any parse failure is a 400.1.
import type { FastifyInstance } from 'fastify';
import { Problem } from './problems';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function installJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const buf = body as Buffer;
    // An empty body (a DELETE sent with a JSON content type) is no body; routes that need one say so themselves.
    if (buf.length === 0) return done(null, undefined);
    let text: string;
    try {
      text = strictUtf8.decode(buf);
    } catch {
      return done(new Problem('400.1', 'the body is not valid UTF-8'), undefined);
    }
    try {
      parseJson(request, text, (err, value) => {
        if (err) done(new Problem('400.1', `the body is not valid JSON: ${err.message}`), undefined);
        else done(null, value);
      });
    } catch (e) {
      // Deep nesting can overflow the guard's recursion: still the client's bad input.
      done(new Problem('400.1', `the body could not be read: ${e instanceof Error ? e.message : String(e)}`), undefined);
    }
  });
}
