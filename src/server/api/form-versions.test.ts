// A province's own questionnaire through the API on both databases (issue 10): the shared XLSForm sample is uploaded,
// assigned to one site and published; only that site's tablet receives it; its responses are checked against its
// definition and scored as the core scores them; withdrawn, it leaves the tablets but what was started still counts.
import { exportFileHeader } from '../exports/rows';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralizeCell } from '../../core/export/neutralize';
import type { FormDefinition } from '../../core/forms/schema';
import type { FormUploadAnswer, FormUploadProblem, FormVersionDetail, FormVersionJson, FormVersionsAnswer } from '../../core/protocol/forms';
import { XLSX_CONTENT_TYPE } from '../../core/protocol/people-import';
import type { ResponseInput } from '../../core/response/schema';
import { scoreResponses } from '../../core/scoring/indices';
import type { App } from '../app';
import { auditEntries, CALLERS, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { isProblem, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

const SAMPLE = readFileSync(new URL('../../core/forms/xlsform/fixtures/hp-mot-cua-2026.xlsx', import.meta.url));
const ID = 'hp-mot-cua-2026';
const DAY = '2026-11-26';

type Credentials = Awaited<ReturnType<typeof signInCallers>>[CallerName];

describe.each(testDatabases())('form versions on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let as: Record<CallerName, Credentials>;
  let form: FormDefinition;
  /** Responses the server accepted, to score them as the core does. */
  const accepted: ResponseInput[] = [];

  const upload = (body: Buffer | string, type: string, who: Credentials = as.admin) =>
    app.inject({ method: 'POST', url: '/api/v1/forms', headers: { ...who.headers, 'content-type': type }, ...(who.cookies ? { cookies: who.cookies } : {}), payload: body });
  const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
    if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body.slice(0, 800)}`);
    return res.json() as T;
  };
  const tabletForms = async (token: string) => ok<{ forms: FormDefinition[] }>(await app.inject({ method: 'GET', url: '/api/v1/forms', headers: { authorization: `Bearer ${token}` } })).forms;
  const offered = async (token: string) => (await tabletForms(token)).filter((f) => f.id === ID).map((f) => f.version);
  const answerOf = (seed: number, late: boolean, overrides: Partial<ResponseInput> = {}): ResponseInput => {
    const r = makeResponse({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id }, overrides, form, seed);
    const answers = { ...r.answers };
    if (late) Object.assign(answers, { tre_hen: 'co', so_ngay_tre: (seed % 4) + 1 });
    else {
      answers.tre_hen = 'khong';
      delete answers.so_ngay_tre;
    }
    return { ...r, answers };
  };

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create));
    as = await signInCallers(app, w);
  });
  afterAll(() => stopApp({ app, fresh }));

  it('stores the shared sample as a draft that no tablet receives and no response may use', async () => {
    const stored = ok<FormUploadAnswer>(await upload(SAMPLE, XLSX_CONTENT_TYPE), 201);
    const detail = ok<FormVersionDetail>(await send(app, as.admin, 'GET', `/api/v1/forms/${ID}/1`));
    form = detail.definition;
    // The sample's hints have no English: said, not refused (the tablet shows the Vietnamese).
    expect(stored).toEqual({ id: ID, version: 1, status: 'draft', warnings: [expect.objectContaining({ code: 'translation-missing', sheet: 'survey', row: 17 })] });
    expect(detail).toMatchObject({ id: ID, version: 1, kind: 'interview', status: 'draft', sites: 'all', createdBy: 'admin', publishedAt: null });
    expect(form.sections.map((s) => s.id)).toEqual(['tiep_can', 'cong_chuc', 'ket_qua', 'thong_tin']);
    expect(await offered(w.deviceA.token)).toEqual([]);
    const early = results(await submit(app, w.deviceA.token, { responses: [answerOf(1, false)] }));
    expect(early[0]).toMatchObject({ status: 'rejected', code: 404.2 });
  });

  it('assigned to site A and published: the tablet of site A receives it, the tablet of site B does not', async () => {
    const assigned = ok<FormVersionJson>(await send(app, as.admin, 'PUT', `/api/v1/forms/${ID}/1/sites`, { sites: [w.siteA.id] }));
    expect(assigned).toMatchObject({ status: 'draft', sites: [w.siteA.id] });
    const published = ok<FormVersionJson>(await send(app, as.admin, 'POST', `/api/v1/forms/${ID}/1/publish`));
    expect(published).toMatchObject({ status: 'published', sites: [w.siteA.id], publishedBy: 'admin', publishedAt: expect.any(String) });
    expect(await offered(w.deviceA.token)).toEqual([1]);
    expect((await tabletForms(w.deviceA.token)).find((f) => f.id === ID)).toEqual(form);
    expect(await offered(w.deviceB.token)).toEqual([]);
    // The built-in forms are still offered to both, as version 1 for every site.
    for (const token of [w.deviceA.token, w.deviceB.token]) expect((await tabletForms(token)).map((f) => `${f.id}@${f.version}`)).toEqual(expect.arrayContaining(['sipas-2017@1', 'sipas-2023@1', 'desk-rating@1']));
    const log = await auditEntries(app, as.admin, 'action=form.');
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['form.publish', 'admin'],
      ['form.sites', 'admin'],
      ['form.upload', 'admin'],
    ]);
    expect(log[0]).toMatchObject({ siteId: w.siteA.id });
  });

  it('the same upload again changes nothing; the same id and version with other content is 409.4, and the stored one stays', async () => {
    expect(ok<FormUploadAnswer>(await upload(SAMPLE, XLSX_CONTENT_TYPE))).toMatchObject({ id: ID, version: 1, status: 'published' });
    expect(ok<FormUploadAnswer>(await upload(JSON.stringify(form), 'application/json'))).toMatchObject({ status: 'published' });
    const changed = { ...form, title: { vi: 'Tiêu đề khác', en: 'Another title' } };
    const refused = await upload(JSON.stringify(changed), 'application/json');
    expect(isProblem(refused, 409.4)).toBe(true);
    expect(ok<FormVersionDetail>(await send(app, as.admin, 'GET', `/api/v1/forms/${ID}/1`)).definition).toEqual(form);
    expect((await auditEntries(app, as.admin, 'action=form.')).length).toBe(3);
  });

  it('accepts responses of site A against the stored definition and rejects an answer to a question hidden by relevant, naming it', async () => {
    const good = [1, 2, 3, 4, 5, 6, 7].map((seed) => answerOf(seed, seed % 3 === 0));
    const hidden = answerOf(8, false);
    hidden.answers.so_ngay_tre = 2;
    const verdicts = results(await submit(app, w.deviceA.token, { responses: [...good, hidden] }));
    expect(verdicts.slice(0, good.length).map((v) => v.status)).toEqual(good.map(() => 'accepted'));
    expect(verdicts[good.length]).toMatchObject({ status: 'rejected', code: 400.3, field: 'answers.so_ngay_tre' });
    accepted.push(...good);
  });

  it('scores criteria, elements and the overall index with n exactly as the core computes them from the raw responses', async () => {
    const res = ok<{ index: unknown; responses: number }>(await send(app, as.admin, 'GET', `/api/v1/scores?form=${ID}&period=custom&from=${DAY}&to=${DAY}&breakdown=element`));
    expect(res.responses).toBe(accepted.length);
    const expected = scoreResponses(form, accepted);
    expect(expected.elements.map((e) => e.elementId)).toEqual(['E1', 'E2', 'E3']);
    expect(res.index).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('exports take the header and labels from its definition, in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      const res = await send(app, as.admin, 'GET', `/api/v1/exports/responses.csv?form=${ID}&period=custom&from=${DAY}&to=${DAY}&lang=${lang}`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const records = parse(res.rawPayload, { bom: true }) as string[][];
      expect(records[0]).toEqual(exportFileHeader(form, lang).map(neutralizeCell));
      expect(records.length - 1).toBe(accepted.length);
    }
  });

  it('withdrawn: the tablet is offered it no more, a response started before is still accepted and scored', async () => {
    const startedBefore = answerOf(9, true);
    const withdrawn = ok<FormVersionJson>(await send(app, as.admin, 'POST', `/api/v1/forms/${ID}/1/withdraw`));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawnBy: 'admin' });
    expect(await offered(w.deviceA.token)).toEqual([]);
    expect(results(await submit(app, w.deviceA.token, { responses: [startedBefore] }))[0]).toMatchObject({ status: 'accepted' });
    accepted.push(startedBefore);
    const res = ok<{ index: unknown; responses: number }>(await send(app, as.admin, 'GET', `/api/v1/scores?form=${ID}&period=custom&from=${DAY}&to=${DAY}`));
    expect(res.responses).toBe(accepted.length);
    expect(res.index).toEqual(JSON.parse(JSON.stringify(scoreResponses(form, accepted))));
    // Withdrawing again changes nothing; uploading the same content is still the same stored version.
    expect(ok<FormVersionJson>(await send(app, as.admin, 'POST', `/api/v1/forms/${ID}/1/withdraw`))).toMatchObject({ status: 'withdrawn' });
    expect(ok<FormUploadAnswer>(await upload(SAMPLE, XLSX_CONTENT_TYPE))).toMatchObject({ status: 'withdrawn' });
    expect((await auditEntries(app, as.admin, 'action=form.withdraw')).length).toBe(1);
  });

  it('lists every version with its status, the built-in forms published for all sites', async () => {
    const list = ok<FormVersionsAnswer>(await send(app, as.admin, 'GET', '/api/v1/form-versions')).forms;
    expect(list.map((f) => [f.id, f.version, f.status, f.sites])).toEqual([
      ['desk-rating', 1, 'published', 'all'],
      [ID, 1, 'withdrawn', [w.siteA.id]],
      ['sipas-2017', 1, 'published', 'all'],
      ['sipas-2023', 1, 'published', 'all'],
    ]);
  });

  it('a built-in form downloaded as XLSForm and as JSON uploads again as the same stored version', async () => {
    for (const id of ['sipas-2017', 'desk-rating']) {
      const xlsx = await send(app, as.admin, 'GET', `/api/v1/forms/${id}/1/form.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
      expect(ok<FormUploadAnswer>(await upload(xlsx.rawPayload, XLSX_CONTENT_TYPE))).toMatchObject({ id, version: 1, status: 'published' });
      const json = await send(app, as.admin, 'GET', `/api/v1/forms/${id}/1/form.json`);
      expect(json.headers['content-disposition']).toBe(`attachment; filename="${id}-v1.json"`);
      expect(ok<FormUploadAnswer>(await upload(json.body, 'application/json'))).toMatchObject({ id, version: 1, status: 'published' });
    }
  });

  it('a new version starts as a draft for the sites of the one before; a draft may be replaced, but not withdrawn', async () => {
    const v2 = { ...form, version: 2, title: { vi: 'Khảo sát 2026, bản 2', en: 'Survey 2026, version 2' } };
    expect(ok<FormUploadAnswer>(await upload(JSON.stringify(v2), 'application/json'), 201)).toMatchObject({ version: 2, status: 'draft' });
    expect(ok<FormVersionDetail>(await send(app, as.admin, 'GET', `/api/v1/forms/${ID}/2`))).toMatchObject({ status: 'draft', sites: [w.siteA.id] });
    const again = { ...v2, title: { vi: 'Khảo sát 2026, bản 2 (sửa)', en: 'Survey 2026, version 2 (fixed)' } };
    expect(ok<FormUploadAnswer>(await upload(JSON.stringify(again), 'application/json'), 201)).toMatchObject({ version: 2, status: 'draft' });
    expect(ok<FormVersionDetail>(await send(app, as.admin, 'GET', `/api/v1/forms/${ID}/2`)).title.en).toBe('Survey 2026, version 2 (fixed)');
    expect(isProblem(await send(app, as.admin, 'POST', `/api/v1/forms/${ID}/2/withdraw`), 409.5)).toBe(true);
    // Scores keep the published definition while version 2 is a draft.
    expect(ok<{ form: { version: number } }>(await send(app, as.admin, 'GET', `/api/v1/scores?form=${ID}&period=custom&from=${DAY}&to=${DAY}`)).form.version).toBe(1);
    expect(isProblem(await send(app, as.admin, 'PUT', `/api/v1/forms/${ID}/2/sites`, { sites: ['no-such-site'] }), 404.3)).toBe(true);
    expect(isProblem(await send(app, as.admin, 'GET', `/api/v1/forms/${ID}/3`), 404.2)).toBe(true);
    expect(isProblem(await send(app, as.admin, 'GET', `/api/v1/forms/${ID}/x`), 404.2)).toBe(true);
  });

  it('a JSON definition with errors is a 400.6 naming each by its JSON path; nothing is stored', async () => {
    const broken = { ...form, id: 'hong', version: 1.5, sections: [{ ...form.sections[0], items: [{ ...form.sections[0].items[0], type: 'slider' }] }] };
    const res = await upload(JSON.stringify(broken), 'application/json');
    expect(isProblem(res, 400.6)).toBe(true);
    expect((res.json() as FormUploadProblem).errors).toEqual(
      expect.arrayContaining([
        { path: 'version', message: 'expected an integer' },
        { path: 'sections.0.items.0.type', message: expect.stringContaining('likert5') },
      ]),
    );
    expect(isProblem(await send(app, as.admin, 'GET', '/api/v1/forms/hong/1'), 404.2)).toBe(true);
  });

  it('an XLSForm with errors is a 400.6 listing each with its sheet, row and column, also as data for the console', async () => {
    const wb = new ExcelJS.Workbook();
    const survey = wb.addWorksheet('survey');
    survey.addRow(['type', 'name', 'label::vi', 'label::en', 'relevant']);
    survey.addRow(['integer', 'tuoi', 'Tuổi', 'Age', '']);
    survey.addRow(['begin_repeat', 'lap', 'Lặp', 'Repeat', '']);
    survey.addRow(['text', 'ghi_chu', 'Ghi chú', 'Notes', '${tuoi} > 30']);
    survey.addRow(['end_repeat', '', '', '', '']);
    const settings = wb.addWorksheet('settings');
    settings.addRow(['form_id', 'version', 'form_title::vi', 'form_title::en']);
    settings.addRow(['hong-xls', '1.5', 'Hỏng', 'Broken']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), XLSX_CONTENT_TYPE);
    expect(isProblem(res, 400.6)).toBe(true);
    const body = res.json() as FormUploadProblem;
    expect(body.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['settings row 2 version', 'survey row 3 type']));
    expect(body.formErrors).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'version-invalid', sheet: 'settings', row: 2, column: 'version' })]));
    expect(isProblem(await upload(Buffer.from('not a workbook'), XLSX_CONTENT_TYPE), 400.6)).toBe(true);
    expect(isProblem(await upload('', XLSX_CONTENT_TYPE), 400.6)).toBe(true);
    expect(isProblem(await upload('a,b\n', 'text/csv'), 415.1)).toBe(true);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = ok<{ paths: Record<string, Record<string, unknown>> }>(await app.inject({ method: 'GET', url: '/api/docs/json' }));
    expect(Object.keys(doc.paths['/api/v1/forms'] ?? {}).sort()).toEqual(['get', 'post']);
    for (const p of ['/api/v1/form-versions', '/api/v1/forms/{id}/{version}', '/api/v1/forms/{id}/{version}/form.json', '/api/v1/forms/{id}/{version}/form.xlsx'])
      expect(Object.keys(doc.paths[p] ?? {}), p).toEqual(['get']);
    expect(Object.keys(doc.paths['/api/v1/forms/{id}/{version}/publish'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/forms/{id}/{version}/withdraw'] ?? {})).toEqual(['post']);
    expect(Object.keys(doc.paths['/api/v1/forms/{id}/{version}/sites'] ?? {})).toEqual(['put']);
  });

  describe('who may call', () => {
    const v = `/api/v1/forms/${ID}/1`;
    const matrix: { method: 'GET' | 'POST' | 'PUT'; url: string; body?: unknown; allowed: CallerName[] }[] = [
      { method: 'POST', url: '/api/v1/forms', body: { not: 'a form' }, allowed: ['admin'] },
      { method: 'GET', url: '/api/v1/form-versions', allowed: ['admin', 'supervisorA', 'supervisorB'] },
      { method: 'GET', url: v, allowed: ['admin', 'supervisorA', 'supervisorB'] },
      { method: 'GET', url: `${v}/form.json`, allowed: ['admin', 'supervisorA', 'supervisorB'] },
      { method: 'GET', url: `${v}/form.xlsx`, allowed: ['admin', 'supervisorA', 'supervisorB'] },
      { method: 'POST', url: `${v}/publish`, allowed: ['admin'] },
      { method: 'POST', url: `${v}/withdraw`, allowed: ['admin'] },
      { method: 'PUT', url: `${v}/sites`, body: { sites: [] }, allowed: ['admin'] },
    ];
    it.each(matrix)('$method $url', async ({ method, url, body, allowed }) => {
      for (const who of CALLERS) {
        const res = await send(app, as[who], method, url, body);
        if (allowed.includes(who)) expect([200, 400], `${who}: ${res.body.slice(0, 200)}`).toContain(res.statusCode);
        else expect(isProblem(res, who === 'device' || who === 'none' ? 401.1 : 403.2), `${who}: ${res.statusCode} ${res.body.slice(0, 200)}`).toBe(true);
      }
    });
  });
});
