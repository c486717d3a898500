// Form versions for the administration (issue 10): upload a definition as JSON or XLSForm (stored as a draft), read it
// back (also as form.json and form.xlsx downloads), publish, withdraw, and choose the sites whose tablets are offered it.
// Writes are the admin's; supervisors may read. GET /api/v1/forms (api/forms.ts) is what tablets receive.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { writeXlsForm, xlsformMessage } from '../../core/forms/xlsform';
import type { FormDefinition } from '../../core/forms/schema';
import { FORM_STATUSES, MAX_FORM_UPLOAD_BYTES } from '../../core/protocol/forms';
import { XLSX_CONTENT_TYPE } from '../../core/protocol/people-import';
import { problem } from '../../core/protocol/problems';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { listFormVersions } from '../db/queries/forms';
import { assignFormSites, definitionFromJson, definitionFromXlsx, formVersionJson, publishForm, requireFormVersion, uploadForm, withdrawForm } from '../forms/lifecycle';
import { xlsxFromWorkbook } from '../forms/xlsform-file';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { forgetStoredForms } from '../scores/scope';
import { route } from './route';

const SitesBody = bodySchema<'PUT /api/v1/forms/:id/:version/sites'>()(
  z.strictObject({
    sites: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).max(10_000)]).describe('"all" (every site, also those created later) or site ids; [] offers it to no tablet'),
  }),
);

const localized = { type: 'object', additionalProperties: { type: 'string' } } as const;
const versionSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    version: { type: 'integer' },
    kind: { type: 'string', enum: ['interview', 'kiosk'] },
    title: localized,
    status: { type: 'string', enum: [...FORM_STATUSES] },
    sites: { description: '"all" or the site ids', oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }] },
    createdAt: { type: 'string' },
    createdBy: { type: 'string', nullable: true },
    publishedAt: { type: 'string', nullable: true },
    publishedBy: { type: 'string', nullable: true },
    withdrawnAt: { type: 'string', nullable: true },
    withdrawnBy: { type: 'string', nullable: true },
  },
} as const;
const issueSchema = {
  type: 'object',
  properties: { code: { type: 'string' }, sheet: { type: 'string' }, row: { type: 'integer' }, column: { type: 'string' }, cell: { type: 'string' }, params: { type: 'object', additionalProperties: true } },
} as const;
const params = { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' } }, required: ['id', 'version'] } as const;
const readErrors = { 401: problemSchema, 403: problemSchema, 404: problemSchema } as const;
const writeErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema } as const;

const isXlsx = (contentType: string | undefined) => contentType?.toLowerCase().startsWith(XLSX_CONTENT_TYPE) ?? false;
const fileName = (f: { id: string; version: number }, ext: string) => `attachment; filename="${f.id}-v${f.version}.${ext}"`;

export function registerFormVersions(app: FastifyInstance, ctx: ServerContext): void {
  // A plugin of its own, so the XLSX parser applies to these routes only; JSON is read by the app's parser as everywhere.
  void app.register(async (scope) => {
    scope.addContentTypeParser(XLSX_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit: MAX_FORM_UPLOAD_BYTES }, (_request, body, done) => done(null, body));

    route(
      scope,
      'POST /api/v1/forms',
      {
        auth: 'session',
        roles: ['admin'],
        bodyLimit: MAX_FORM_UPLOAD_BYTES,
        schema: {
          tags: ['forms'],
          summary: `Upload a form definition as a draft (admin; JSON or XLSForm, at most ${MAX_FORM_UPLOAD_BYTES / 1024 / 1024} MB)`,
          description:
            'application/json: a form definition (as GET …/form.json gives it). The XLSX type: an XLSForm (survey, choices, settings; elements and kiosk sheets optional). ' +
            '201 when stored (a draft of the same id and version is replaced: it never reached a tablet); 200 when the same content is already stored, whatever its status. ' +
            'A published or withdrawn (id, version) with other content is a 409.4: a changed definition needs a new version. ' +
            'Errors are a 400.6 listing every one: by JSON path, or by sheet, row and column (and, for an XLSForm, as data in "formErrors": code, sheet, row, column, cell, params). ' +
            'A new version is offered to the sites of the form’s latest stored version (every site for a new form) once published.',
          security: [{ session: [] }],
          consumes: ['application/json', XLSX_CONTENT_TYPE],
          body: { type: 'object', additionalProperties: true, description: 'the definition (JSON), or the .xlsx bytes' },
          response: {
            200: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' }, status: { type: 'string', enum: [...FORM_STATUSES] }, warnings: { type: 'array', items: issueSchema } } },
            201: { type: 'object', properties: { id: { type: 'string' }, version: { type: 'integer' }, status: { type: 'string', enum: ['draft'] }, warnings: { type: 'array', items: issueSchema } } },
            ...writeErrors,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request, reply) => {
        const caller = await requireUser(ctx, request, ['admin']);
        let form: FormDefinition;
        let warnings: Awaited<ReturnType<typeof definitionFromXlsx>>['warnings'] = [];
        if (isXlsx(request.headers['content-type'])) {
          const body = request.body;
          if (!(body instanceof Uint8Array) || body.length === 0) throw problem.formInvalid({ errors: [{ path: '(file)', message: 'the file is empty' }] });
          ({ form, warnings } = await definitionFromXlsx(body));
        } else {
          if (request.body === undefined) throw problem.formInvalid({ errors: [{ path: '(root)', message: 'the body is empty: send a form definition' }] });
          form = definitionFromJson(request.body);
        }
        const { created, answer } = await uploadForm(ctx.db, form, warnings, caller.user.username, ctx.now());
        return reply.code(created ? 201 : 200).send(answer);
      },
    );
  });

  route(
    app,
    'GET /api/v1/form-versions',
    {
      auth: 'session',
      schema: {
        tags: ['forms'],
        summary: 'Every stored form version with its status and sites (drafts and withdrawn ones too)',
        security: [{ session: [] }],
        response: { 200: { type: 'object', properties: { forms: { type: 'array', items: versionSchema } } }, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      await requireUser(ctx, request);
      return { forms: (await listFormVersions(ctx.db)).map(formVersionJson) };
    },
  );

  route(
    app,
    'GET /api/v1/forms/:id/:version',
    {
      auth: 'session',
      schema: {
        tags: ['forms'],
        summary: 'One form version: status, sites and the full definition',
        security: [{ session: [] }],
        params,
        response: { 200: { ...versionSchema, properties: { ...versionSchema.properties, definition: { type: 'object', additionalProperties: true } } }, ...readErrors },
      },
    },
    async (request) => {
      await requireUser(ctx, request);
      const stored = await requireFormVersion(ctx.db, request.params.id, request.params.version);
      return { ...formVersionJson(stored), definition: JSON.parse(stored.row.definition) as FormDefinition };
    },
  );

  route(
    app,
    'GET /api/v1/forms/:id/:version/form.json',
    {
      auth: 'session',
      schema: {
        tags: ['forms'],
        summary: 'The definition as a JSON file, as POST /api/v1/forms takes it',
        security: [{ session: [] }],
        params,
        produces: ['application/json'],
        response: readErrors,
      },
    },
    async (request, reply) => {
      await requireUser(ctx, request);
      const { row } = await requireFormVersion(ctx.db, request.params.id, request.params.version);
      const text = JSON.stringify(JSON.parse(row.definition), null, 2);
      return reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', fileName(row, 'json')).send(`${text}\n`);
    },
  );

  route(
    app,
    'GET /api/v1/forms/:id/:version/form.xlsx',
    {
      auth: 'session',
      schema: {
        tags: ['forms'],
        summary: 'The definition as an XLSForm; uploaded again, it reads to the same definition',
        security: [{ session: [] }],
        params,
        produces: [XLSX_CONTENT_TYPE],
        response: { ...readErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await requireUser(ctx, request);
      const { row } = await requireFormVersion(ctx.db, request.params.id, request.params.version);
      const written = writeXlsForm(JSON.parse(row.definition) as FormDefinition);
      if (!written.ok) throw problem.formNotXlsForm({ id: row.id, version: row.version, reasons: written.errors.map((e) => xlsformMessage(e, 'en')) });
      return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', fileName(row, 'xlsx')).send(Buffer.from(await xlsxFromWorkbook(written.workbook)));
    },
  );

  const change = (summary: string, description: string, body?: Record<string, unknown>) => ({
    auth: 'session' as const,
    roles: ['admin'] as const,
    schema: { tags: ['forms'], summary, description, security: [{ session: [] }], params, ...(body ? { body } : {}), response: { 200: versionSchema, ...writeErrors } },
  });

  route(
    app,
    'POST /api/v1/forms/:id/:version/publish',
    change(
      'Publish a form version (admin)',
      'From draft (or withdrawn, to offer it again): the tablets of its sites receive it at their next sync. Publishing a published version changes nothing. Its content can never change after this.',
    ),
    async (request) => {
      const caller = await requireUser(ctx, request, ['admin']);
      const stored = await publishForm(ctx.db, request.params.id, request.params.version, caller.user.username, ctx.now());
      ctx.forms.invalidate();
      forgetStoredForms(ctx.db);
      return formVersionJson(stored);
    },
  );

  route(
    app,
    'POST /api/v1/forms/:id/:version/withdraw',
    change(
      'Withdraw a published form version (admin)',
      'Tablets stop offering it at their next sync; responses already started on it are still accepted and scored. A draft is a 409.5 (nothing to withdraw); withdrawing a withdrawn version changes nothing.',
    ),
    async (request) => {
      const caller = await requireUser(ctx, request, ['admin']);
      const stored = await withdrawForm(ctx.db, request.params.id, request.params.version, caller.user.username, ctx.now());
      ctx.forms.invalidate();
      forgetStoredForms(ctx.db);
      return formVersionJson(stored);
    },
  );

  route(
    app,
    'PUT /api/v1/forms/:id/:version/sites',
    change(
      'Choose the sites whose tablets are offered a form version (admin)',
      '"all" offers it to every site, also sites created later (the built-in forms are so); a list offers it to those sites only; an empty list to no tablet (nothing is "all" by omission). Any status; it takes effect for tablets while the version is published.',
      inputSchema(SitesBody),
    ),
    async (request) => {
      const caller = await requireUser(ctx, request, ['admin']);
      const { sites } = parseBody(SitesBody, request.body);
      const stored = await assignFormSites(ctx.db, request.params.id, request.params.version, sites, caller.user.username, ctx.now());
      ctx.forms.invalidate();
      forgetStoredForms(ctx.db);
      return formVersionJson(stored);
    },
  );
}
