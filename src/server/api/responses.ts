// GET /api/v1/responses/:id: one stored response with its answers labelled, for the supervisor's drill-down from a flag.
import type { FastifyInstance } from 'fastify';
import { allItems, type Item, type LocalizedText } from '../../core/forms/schema';
import { addDays, isDay } from '../../core/protocol/period';
import { problem } from '../../core/protocol/problems';
import type { AnswerValue } from '../../core/response/schema';
import { isStraightLining } from '../../core/scoring/quality';
import { inScope, requireUser } from '../auth/guards';
import type { ServerContext } from '../context';
import { getStoredResponse } from '../db/queries/responses';
import { getSite } from '../db/queries/sites';
import { problemSchema } from '../openapi';
import { flagsOf, loadQualityContext } from '../scores/quality';
import { storedForms } from '../scores/scope';
import { route } from './route';

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
}
