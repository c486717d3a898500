// GET /api/v1/responses/:id: one stored response with its answers labelled, for the supervisor's drill-down from a flag; the
// responses list (GET /api/v1/responses, keyset pages) and a supervisor's exclusion of a response from the scores and its restoration.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { allItems, type Item, type LocalizedText } from '../../core/forms/schema';
import { addDays, isDay } from '../../core/protocol/period';
import { problem } from '../../core/protocol/problems';
import {
  EXCLUSION_REASON_MAX,
  RESPONSE_LIST_FLAGS,
  RESPONSES_PAGE_DEFAULT,
  RESPONSES_PAGE_MAX,
  type Exclusion,
  type ResponseListItem,
} from '../../core/protocol/responses';
import type { AnswerValue } from '../../core/response/schema';
import { isStraightLining } from '../../core/scoring/quality';
import type { PathScope } from '../auth/gate';
import { inScope, requireUser, type Caller } from '../auth/guards';
import type { ServerContext } from '../context';
import { deviceEnrolmentTimes } from '../db/queries/devices';
import { enumeratorNames } from '../db/queries/people';
import { changeExclusion, type StoredRow } from '../db/queries/response-exclusions';
import { listResponsePage, marksOf, userNames, type ListKey, type ListRow } from '../db/queries/response-list';
import { getStoredResponse } from '../db/queries/responses';
import { getSite } from '../db/queries/sites';
import type { Db } from '../db/index';
import { inputSchema, problemSchema } from '../openapi';
import { resolvePeriod } from '../scores/period';
import { flagsOf, loadQualityContext } from '../scores/quality';
import { RollupDelta } from '../scores/rollup';
import { resolveForm, resolveSites, storedForms } from '../scores/scope';
import { bodySchema, parseBody } from './body';
import { parseQuery, querySchema, ScopeQuery } from './query';
import { route } from './route';

/** The reason a supervisor's exclusion writes into responses.excluded (the server's own rules write others). */
const SUPERVISOR = 'supervisor';

const ListQuery = querySchema<'GET /api/v1/responses'>()(
  z.object({
    ...ScopeQuery,
    flag: z.enum(RESPONSE_LIST_FLAGS).optional(),
    enumerator: z.string().min(1).max(64).optional(),
    procedure: z.string().min(1).max(64).optional(),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(RESPONSES_PAGE_MAX).default(RESPONSES_PAGE_DEFAULT),
  }),
);

const ExclusionBody = bodySchema<'POST /api/v1/responses/:id/exclusion'>()(
  z.strictObject({ reason: z.string().trim().min(1, 'say why the response is left out').max(EXCLUSION_REASON_MAX) }),
);

/** The cursor is the last row's key as base64url JSON: opaque to the client, checked when it comes back. */
function encodeCursor(r: ListRow): string {
  return Buffer.from(JSON.stringify([r.local_day, r.completed_at, r.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): ListKey | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string' && x.length <= 64)) {
      const [localDay, completedAt, id] = v as [string, string, string];
      return { localDay, completedAt, id };
    }
  } catch {
    // falls through to the 400 below
  }
  throw problem.invalidQuery({ errors: [{ path: 'cursor', message: 'not a cursor this list gave' }] });
}

function procedureOf(payload: string): { code: string; name: string } | null {
  try {
    const p = (JSON.parse(payload) as { procedure?: { code?: unknown; name?: unknown } | null }).procedure;
    return p && typeof p.code === 'string' ? { code: p.code, name: typeof p.name === 'string' ? p.name : '' } : null;
  } catch {
    return null;
  }
}

type ExclusionColumns = Pick<StoredRow, 'excluded' | 'excluded_note' | 'excluded_by' | 'excluded_at'>;

function exclusionOf(r: ExclusionColumns, names: ReadonlyMap<string, string>): Exclusion | null {
  if (r.excluded === null || r.excluded === undefined) return null;
  return {
    reason: r.excluded,
    note: r.excluded_note ?? null,
    by: r.excluded_by ? { id: r.excluded_by, name: names.get(r.excluded_by) ?? null } : null,
    at: r.excluded_at ?? null,
  };
}

async function exclusionJson(db: Db, r: ExclusionColumns): Promise<Exclusion | null> {
  return exclusionOf(r, await userNames(db, r.excluded_by ? [r.excluded_by] : []));
}

const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

/** Documents a 200 without narrowing what is sent (the shapes are core/protocol/responses.ts's). */
const answer = (description: string) => ({ description, type: 'object', additionalProperties: true }) as const;

function answerLabel(item: Item, value: AnswerValue | undefined, scale: { levels: LocalizedText[]; na: LocalizedText } | undefined): LocalizedText | null {
  if (value === undefined || value === null) return null;
  if (item.type === 'likert5') {
    if (value === 'na') return scale?.na ?? null;
    return typeof value === 'number' ? (scale?.levels[value - 1] ?? null) : null;
  }
  if (item.type === 'rating') return typeof value === 'number' ? (item.labels[value - 1] ?? null) : null;
  if (item.type === 'single') return item.options.find((o) => o.value === value)?.label ?? null;
  if (item.type === 'multi' && Array.isArray(value)) {
    const picked = item.options.filter((o) => value.includes(o.value));
    return { vi: picked.map((o) => o.label.vi).join('; '), en: picked.map((o) => o.label.en).join('; ') };
  }
  return null;
}

export function registerResponses(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/responses/:id',
    {
      auth: 'session',
      schema: {
        tags: ['scores'],
        summary: 'One response with labelled answers and its quality flags (supervisor: own sites only)',
        security: [{ session: [] }],
        params: { type: 'object', properties: { id: { type: 'string' } } },
        response: { 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const { id } = request.params;
      if (typeof id !== 'string' || id.length > 64) throw problem.noSuchResponse();
      const row = await getStoredResponse(ctx.db, id);
      if (!row) throw problem.noSuchResponse();
      if (!inScope(caller, row.site_id)) throw problem.responseNotYours();
      const form = (await storedForms(ctx.db)).get(`${row.form_id}@${row.form_version}`);
      const payload = JSON.parse(row.payload) as { answers: Record<string, AnswerValue>; procedure: { code: string; name: string } | null; locale: string };
      const site = await getSite(ctx.db, row.site_id);
      // A row stored before the time bounds existed may carry a day like 10000-01-02: shown, without the month's flags.
      const month = isDay(row.local_day) ? row.local_day.slice(0, 8) : null;
      const flags = form && month
        ? flagsOf(
            row,
            await loadQualityContext(ctx.db, form, { formId: form.id, from: `${month}01`, to: addDays(`${month}01`, 31), siteIds: [row.site_id] }),
            isStraightLining(form, payload.answers),
          )
        : [];
      return {
        id: row.id,
        form: form ? { id: form.id, version: form.version, title: form.title } : { id: row.form_id, version: row.form_version, title: null },
        site: site ? { id: site.id, code: site.code, name: site.name } : { id: row.site_id, code: null, name: null },
        localDay: row.local_day,
        mode: row.mode,
        enumeratorId: row.enumerator_id,
        procedure: payload.procedure,
        startedAt: row.started_at,
        completedAt: row.completed_at,
        receivedAt: row.received_at,
        durationMs: Date.parse(row.completed_at) - Date.parse(row.started_at),
        clientFlags: JSON.parse(row.flags) as string[],
        flags,
        excluded: await exclusionJson(ctx.db, row),
        answers: form
          ? allItems(form).map((item) => ({
              id: item.id,
              type: item.type,
              label: item.label,
              element: item.type === 'likert5' ? (item.element ?? null) : null,
              value: payload.answers[item.id] ?? null,
              valueLabel: answerLabel(item, payload.answers[item.id], form.scale),
            }))
          : Object.entries(payload.answers).map(([k, v]) => ({ id: k, type: null, label: null, element: null, value: v, valueLabel: null })),
      };
    },
  );

  route(
    app,
    'GET /api/v1/responses',
    {
      auth: 'session',
      schema: {
        tags: ['scores'],
        summary: 'Every response of a form in scope, newest first, a keyset page at a time (supervisor: own sites only)',
        security: [{ session: [] }],
        querystring: {
          type: 'object',
          required: ['form'],
          properties: {
            form: { type: 'string' },
            version: { type: 'string' },
            sites: { type: 'string', description: 'comma-separated site ids; none = every site in scope' },
            period: { type: 'string', enum: ['day', 'week', 'month', 'custom'] },
            from: { type: 'string', format: 'date' },
            to: { type: 'string', format: 'date' },
            flag: { type: 'string', enum: [...RESPONSE_LIST_FLAGS] },
            enumerator: { type: 'string', description: "an enumerator's user id" },
            procedure: { type: 'string', description: 'a procedure (TTHC) code' },
            cursor: { type: 'string', description: 'nextCursor of the page before' },
            limit: { type: 'integer', default: RESPONSES_PAGE_DEFAULT, maximum: RESPONSES_PAGE_MAX },
          },
        },
        response: { 200: answer('ResponsesAnswer: items (newest first) and nextCursor'), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(ListQuery, request.query);
      const period = resolvePeriod(q.period, q.from, q.to, ctx.now());
      const { siteIds } = await resolveSites(ctx, caller, q.sites);
      const form = await resolveForm(ctx.db, q.form, q.version);
      const after = decodeCursor(q.cursor);
      const filter = {
        formId: form.id,
        from: period.from,
        to: period.to,
        siteIds,
        formVersion: q.version === undefined ? undefined : form.version,
        enumeratorId: q.enumerator,
        procedureCode: q.procedure,
        flag: q.flag,
      };
      // One row more than the page tells whether another page follows.
      const rows = await listResponsePage(ctx.db, filter, after, q.limit + 1);
      const page = rows.slice(0, q.limit);
      const ids = page.map((r) => r.id);
      const [marks, enrolled, enumerators, excluders] = await Promise.all([
        marksOf(ctx.db, ids),
        deviceEnrolmentTimes(ctx.db),
        enumeratorNames(ctx.db),
        userNames(ctx.db, [...new Set(page.map((r) => r.excluded_by).filter((x): x is string => !!x))]),
      ]);
      // Without the period's medians: too-fast needs every duration of the month, which a page must not read.
      const qc = { medians: new Map<string, number>(), enrolled, marks, tooFastApplies: false };
      const items: ResponseListItem[] = page.map((r) => ({
        id: r.id,
        siteId: r.site_id,
        localDay: r.local_day,
        mode: r.mode,
        enumerator: r.enumerator_id ? { id: r.enumerator_id, name: enumerators.get(r.enumerator_id) ?? null } : null,
        procedure: procedureOf(r.payload),
        startedAt: r.started_at,
        completedAt: r.completed_at,
        durationMs: Date.parse(r.completed_at) - Date.parse(r.started_at),
        flags: flagsOf(r, qc),
        excluded: exclusionOf(r, excluders),
      }));
      const last = page[page.length - 1];
      return {
        form: { id: form.id, version: form.version },
        period,
        items,
        nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null,
      };
    },
  );

  /** The stored response the path names, if it is of one of the caller's sites; otherwise 404.x or 403.x. */
  async function responseOfPath(caller: Caller, id: string) {
    if (id.length > 64) throw problem.noSuchResponse();
    const stored = await getStoredResponse(ctx.db, id);
    if (!stored) throw problem.noSuchResponse();
    if (!inScope(caller, stored.site_id)) throw problem.responseNotYours();
    return stored;
  }
  const ownResponse: PathScope = (_, caller, params) => responseOfPath(caller, params.id ?? '');

  /** Excludes (set) or restores (null) a response the gate found in the caller's scope (ownResponse): row, rollup and audit log at once. */
  async function change(caller: Caller, id: string, set: { note: string } | null) {
    const forms = await storedForms(ctx.db);
    const now = ctx.now();
    const outcome = await changeExclusion(ctx.db, {
      id,
      expect: set ? null : SUPERVISOR,
      set: set ? { reason: SUPERVISOR, note: set.note, by: caller.user.id, at: now.toISOString() } : null,
      rollup: (row) => {
        const d = new RollupDelta();
        d.add(row, forms);
        return set ? d.negate() : d;
      },
      audit: (row) => ({
        actor: caller.user.username,
        action: set ? 'response.exclude' : 'response.restore',
        siteId: row.site_id,
        details: { responseId: row.id, formId: row.form_id, localDay: row.local_day, ...(set ? { reason: set.note } : { reason: row.excluded_note }) },
      }),
      now,
    });
    if (!outcome) throw problem.noSuchResponse();
    if (outcome.conflict) {
      if (set) throw problem.alreadyExcluded({ reason: outcome.row.excluded ?? '' });
      throw problem.notExcludedBySupervisor({ reason: outcome.row.excluded ?? null });
    }
    return { id: outcome.row.id, excluded: await exclusionJson(ctx.db, outcome.row) };
  }

  route(
    app,
    'POST /api/v1/responses/:id/exclusion',
    {
      auth: 'session',
      pathScope: ownResponse,
      schema: {
        tags: ['scores'],
        summary: 'Leave a response out of every score, with a reason (supervisor: own sites only); audit-logged',
        security: [{ session: [] }],
        params: idParams,
        body: inputSchema(ExclusionBody),
        response: { 200: answer('ExclusionAnswer: the exclusion now'), 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const body = parseBody(ExclusionBody, request.body);
      return change(caller, request.params.id, { note: body.reason });
    },
  );

  route(
    app,
    'DELETE /api/v1/responses/:id/exclusion',
    {
      auth: 'session',
      pathScope: ownResponse,
      schema: {
        tags: ['scores'],
        summary: "Count a response a supervisor excluded again (supervisor: own sites only); audit-logged",
        security: [{ session: [] }],
        params: idParams,
        response: { 200: answer('ExclusionAnswer: excluded is null'), 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      return change(caller, request.params.id, null);
    },
  );
}
