// POST /api/v1/imports/people (admin): a sites-and-people file, XLSX or CSV, as the raw body; a dry run unless ?apply=1.
// With ?apply=1 and any row in error nothing is written and the answer is a 400.5 whose body carries the rows
// (PeopleImportProblem), so a client cannot mistake a refused apply for a success. The templates to fill are GETs here.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CSV_CONTENT_TYPE, IMPORT_COLUMNS, MAX_PEOPLE_IMPORT_BYTES, MAX_PEOPLE_IMPORT_ROWS, XLSX_CONTENT_TYPE } from '../../core/protocol/people-import';
import { problem } from '../../core/protocol/problems';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { readImportFile, templateCsv, templateXlsx, type ImportFormat } from '../imports/people-file';
import { runPeopleImport } from '../imports/run-people-import';
import { problemSchema } from '../openapi';
import { parseQuery, querySchema } from './query';
import { route } from './route';

const Query = querySchema<'POST /api/v1/imports/people'>()(z.object({ apply: z.string().regex(/^(0|1|true|false)$/, 'apply is 1 (write) or 0 (dry run)').optional() }));

const rowSchema = {
  type: 'object',
  properties: {
    sheet: { type: 'string', enum: ['sites', 'people'] },
    row: { type: 'integer', description: 'the row number a spreadsheet shows (header = 1)' },
    key: { type: 'string', description: 'site code or username' },
    outcome: { type: 'string', enum: ['create', 'update', 'unchanged', 'error'] },
    errors: { type: 'array', items: { type: 'object', properties: { column: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } } } },
  },
} as const;

const answerSchema = {
  type: 'object',
  properties: {
    applied: { type: 'boolean' },
    rows: { type: 'array', items: rowSchema },
    counts: { type: 'object', properties: { create: { type: 'integer' }, update: { type: 'integer' }, unchanged: { type: 'integer' }, error: { type: 'integer' } } },
  },
} as const;

const formatOf = (contentType: string | undefined): ImportFormat => (contentType?.toLowerCase().startsWith(XLSX_CONTENT_TYPE) ? 'xlsx' : 'csv');

export function registerPeopleImport(app: FastifyInstance, ctx: ServerContext): void {
  // A plugin of its own, so the raw-file parsers apply to this route only; JSON and every other type are a 415.1 here.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser([CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE], { parseAs: 'buffer', bodyLimit: MAX_PEOPLE_IMPORT_BYTES }, (_request, body, done) => done(null, body));

    route(
      scope,
      'POST /api/v1/imports/people',
      {
        auth: 'session',
        roles: ['admin'],
        bodyLimit: MAX_PEOPLE_IMPORT_BYTES,
        schema: {
          tags: ['administration'],
          summary: `Import sites and people from the template (admin; XLSX or CSV, at most ${MAX_PEOPLE_IMPORT_ROWS} rows and ${MAX_PEOPLE_IMPORT_BYTES / 1024 / 1024} MB)`,
          description:
            `A dry run unless apply=1: every row's outcome and errors by row and column. apply=1 writes all rows in one transaction when every row is valid; ` +
            `otherwise nothing is written and the answer is a 400.5 problem carrying the same rows in "answer". ` +
            `Columns — sites: ${IMPORT_COLUMNS.sites.join(', ')}; people: ${IMPORT_COLUMNS.people.join(', ')}. CSV: one table with a first column "sheet".`,
          security: [{ session: [] }],
          consumes: [CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE],
          querystring: { type: 'object', properties: { apply: { type: 'string', enum: ['0', '1'], description: '1 writes the file when every row is valid' } } },
          body: { type: 'string', format: 'binary' },
          response: { 200: answerSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema },
        },
      },
      async (request) => {
        const caller = await requireUser(ctx, request, ['admin']);
        const q = parseQuery(Query, request.query);
        const apply = q.apply === '1' || q.apply === 'true';
        const body = request.body;
        if (!(body instanceof Uint8Array)) throw problem.importFileInvalid({ errors: [{ path: '(file)', message: 'the file is empty' }] });
        const tables = await readImportFile(body, formatOf(request.headers['content-type']));
        const answer = await runPeopleImport(ctx.db, tables, { apply, actor: caller.user.username, now: ctx.now() });
        if (apply && !answer.applied) throw problem.importHasErrors({ answer });
        // New or moved enumerators are checked at ingest from this moment, not after the cache's 10 s.
        if (answer.applied) ctx.enumerators.invalidate();
        return answer;
      },
    );

    const template = (format: ImportFormat) => ({
      auth: 'session' as const,
      roles: ['admin'] as const,
      schema: {
        tags: ['administration'],
        summary: `The sites-and-people import template as ${format.toUpperCase()}, with an example row of each kind and notes in Vietnamese and English`,
        security: [{ session: [] }],
        produces: [format === 'xlsx' ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE],
        response: { 401: problemSchema, 403: problemSchema },
      },
    });
    route(scope, 'GET /api/v1/imports/people/template.xlsx', template('xlsx'), async (request, reply) => {
      await requireUser(ctx, request, ['admin']);
      return reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', 'attachment; filename="hailong-import-template.xlsx"')
        .send(Buffer.from(await templateXlsx()));
    });
    route(scope, 'GET /api/v1/imports/people/template.csv', template('csv'), async (request, reply) => {
      await requireUser(ctx, request, ['admin']);
      return reply.header('content-type', `${CSV_CONTENT_TYPE}; charset=utf-8`).header('content-disposition', 'attachment; filename="hailong-import-template.csv"').send(templateCsv());
    });
  });
}
