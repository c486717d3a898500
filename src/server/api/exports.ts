// GET /api/v1/exports/responses.csv|.xlsx: the day's (or a range's) sample, streamed from keyset pages and audit-logged;
// GET /api/v1/exports/codebook.csv: what the CSV's codes mean (the Excel file carries it as a sheet).
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { codebookHeader, codebookRows } from '../../core/export/columns';
import { neutralizeCell } from '../../core/export/neutralize';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ExportLocale } from '../../core/export/labels';
import { requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { targetsFor } from '../db/queries/sample-targets';
import type { RollupFilter } from '../db/queries/scores';
import type { ExportProgress } from '../exports/csv';
import { reportXlsx } from '../exports/report-xlsx';
import { prepareExport } from '../exports/run';
import { problemSchema } from '../openapi';
import { resolvePeriod } from '../scores/period';
import { readResponseRates } from '../scores/response-rate';
import { resolveForm, resolveSites } from '../scores/scope';
import { parseQuery, querySchema, ScopeQuery } from './query';

const Lang = z.enum(['vi', 'en']).default('vi');
const Query = querySchema<'GET /api/v1/exports/responses.csv'>()(
  z.object({ ...ScopeQuery, lang: Lang, values: z.enum(['codes', 'labels']).default('codes') }),
);
const CodebookQuery = querySchema<'GET /api/v1/exports/codebook.csv'>()(z.object({ form: ScopeQuery.form, version: ScopeQuery.version, lang: Lang }));

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const querystring = {
  type: 'object',
  required: ['form'],
  properties: {
    form: { type: 'string', example: 'sipas-2017' },
    version: { type: 'string' },
    sites: { type: 'string', description: 'comma-separated site ids; none = every site in scope' },
    period: { type: 'string', enum: ['day', 'week', 'month', 'custom'], description: 'default: day, or custom when "to" is given' },
    from: { type: 'string', format: 'date' },
    to: { type: 'string', format: 'date' },
    lang: { type: 'string', enum: ['vi', 'en'], default: 'vi', description: 'language of the header, codebook and summary' },
    values: { type: 'string', enum: ['codes', 'labels'], default: 'codes', description: 'coded values (decoded by codebook.csv or the codebook sheet) or their meanings in lang' },
  },
} as const;

const codebookQuerystring = {
  type: 'object',
  required: ['form'],
  properties: {
    form: querystring.properties.form,
    version: querystring.properties.version,
    lang: { type: 'string', enum: ['vi', 'en'], default: 'vi', description: 'language of the labels' },
  },
} as const;

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 60);
}

export function registerExports(app: FastifyInstance, ctx: ServerContext): void {
  const handle = (format: 'csv' | 'xlsx') => async (request: FastifyRequest, reply: FastifyReply) => {
    const caller = await requireUser(ctx, request);
    const q = parseQuery(Query, request.query);
    const period = resolvePeriod(q.period ?? (q.to ? 'custom' : 'day'), q.from, q.to, ctx.now());
    const { siteIds, sites } = await resolveSites(ctx, caller, q.sites);
    const form = await resolveForm(ctx.db, q.form, q.version);
    const lang = q.lang as ExportLocale;
    const filter: RollupFilter = { formId: form.id, from: period.from, to: period.to, siteIds, formVersion: q.version === undefined ? undefined : form.version };
    const now = ctx.now();
    const prepared = await prepareExport(ctx.db, { form, filter, sites, allSites: !siteIds, format, lang, values: q.values, now });

    // Logged before the first byte: the audit trail must show an export even when the download is cut short.
    await audit(
      ctx.db,
      {
        actor: caller.user.username,
        action: `export.${format}`,
        siteId: siteIds?.length === 1 ? siteIds[0] : null,
        details: {
          form: form.id,
          version: q.version === undefined ? 'all' : form.version,
          from: period.from,
          to: period.to,
          sites: siteIds ?? 'all',
          siteCodes: sites.map((s) => s.code),
          lang,
          values: q.values,
          rows: prepared.rows,
        },
      },
      now,
    );

    const out = new PassThrough();
    const progress: ExportProgress = { rows: 0 };
    prepared.write(out, progress).catch((err: unknown) => {
      request.log.error({ err, rows: progress.rows }, 'export failed part-way');
      out.destroy(err as Error);
    });
    const scope = siteIds && sites.length === 1 ? `-${safeName(sites[0]!.code)}` : '';
    const range = period.from === period.to ? period.from : `${period.from}_${period.to}`;
    const filename = `hailong-${safeName(form.id)}${scope}-${range}.${format}`;
    return reply
      .header('content-type', CONTENT_TYPES[format])
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .header('x-export-rows', String(prepared.rows))
      .send(out);
  };

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/v1/exports/responses.${format}`,
      {
        config: { auth: 'session' },
        schema: {
          tags: ['exports'],
          summary: `Responses as ${format.toUpperCase()} (${format === 'csv' ? 'UTF-8 with BOM, one column per item, coded values' : 'data, codebook and summary sheets'}); every export is audit-logged`,
          security: [{ session: [] }],
          querystring,
          response: { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
        },
      },
      handle(format),
    );
  }

  // The report: figures only (no responses), built in memory (a few sheets of one row per site or criterion), audit-logged.
  app.get(
    '/api/v1/exports/report.xlsx',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['exports'],
        summary: 'The report as Excel: headline (pooled and unit mean), blocks, ranking with n and interval, elements and criteria per site, the response rate (interview forms), method notes',
        security: [{ session: [] }],
        querystring: { ...querystring, properties: { ...querystring.properties, period: { ...querystring.properties.period, description: 'default: month, or custom when "to" is given' } } },
        response: { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(Query, request.query);
      // Same period rule as GET /api/v1/scores, so the same query gives the same figures.
      const period = resolvePeriod(q.period ?? (q.to ? 'custom' : 'month'), q.from, q.to, ctx.now());
      const { siteIds, sites } = await resolveSites(ctx, caller, q.sites);
      const form = await resolveForm(ctx.db, q.form, q.version);
      const lang = q.lang as ExportLocale;
      const filter: RollupFilter = { formId: form.id, from: period.from, to: period.to, siteIds, formVersion: q.version === undefined ? undefined : form.version };
      const now = ctx.now();
      const populations = new Map((await targetsFor(ctx.db, siteIds, period.from, period.to)).map((t) => [t.site_id, t.population]));
      const rates = form.kind === 'interview' ? await readResponseRates(ctx.db, sites, filter) : null;
      const file = await reportXlsx(ctx.db, { form, filter, sites, allSites: !siteIds, lang, now, populations, rates });
      await audit(
        ctx.db,
        {
          actor: caller.user.username,
          action: 'export.report',
          siteId: siteIds?.length === 1 ? siteIds[0] : null,
          details: { form: form.id, from: period.from, to: period.to, sites: siteIds ?? 'all', lang },
        },
        now,
      );
      const scope = siteIds && sites.length === 1 ? `-${safeName(sites[0]!.code)}` : '';
      const range = period.from === period.to ? period.from : `${period.from}_${period.to}`;
      return reply
        .header('content-type', CONTENT_TYPES.xlsx)
        .header('content-disposition', `attachment; filename="hailong-report-${safeName(form.id)}${scope}-${range}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );

  // The form's codebook holds no responses: any signed-in staff member may read it, and it is not audit-logged.
  app.get(
    '/api/v1/exports/codebook.csv',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['exports'],
        summary: 'The codebook of a form as CSV (UTF-8 with BOM): item, label, type, code, meaning; decodes responses.csv in codes',
        security: [{ session: [] }],
        querystring: codebookQuerystring,
        response: { 400: problemSchema, 401: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await requireUser(ctx, request);
      const q = parseQuery(CodebookQuery, request.query);
      const form = await resolveForm(ctx.db, q.form, q.version);
      const lang = q.lang as ExportLocale;
      const rows = [codebookHeader(lang), ...codebookRows(form, lang)].map((r) => r.map((c) => (typeof c === 'string' ? neutralizeCell(c) : c)));
      const body = Readable.from(rows).pipe(stringify({ bom: true, record_delimiter: 'windows' }));
      return reply
        .header('content-type', CONTENT_TYPES.csv)
        .header('content-disposition', `attachment; filename="hailong-${safeName(form.id)}-v${form.version}-codebook-${lang}.csv"`)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
