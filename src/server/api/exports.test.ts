// CSV and Excel exports on both databases read back with their own libraries: the stored responses, coded, neutralised, audited.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHeader as coreHeader } from '../../core/export/columns';
import { neutralizeCell } from '../../core/export/neutralize';
import { createRowEncoder, type Cell } from '../../core/export/rows';
import { getBuiltinForm } from '../../core/forms/builtin';
import type { FormDefinition } from '../../core/forms/schema';
import type { Response } from '../../core/response/schema';
import type { App } from '../app';
import { listAudit } from '../db/queries/audit';
import { responsePages } from '../exports/source';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';
import { EXCLUDED_HEADER } from '../exports/rows';

const NOW = new Date('2026-11-26T09:00:00Z');
const DAY = '2026-11-26';
const EVIL = '=HYPERLINK("http://evil.example","Bấm vào đây để nhận quà")';
const KIND = 'Cán bộ hướng dẫn tận tình, chu đáo; phòng chờ hơi nóng — cảm ơn “một cửa”!';
const sipas = getBuiltinForm('sipas-2017') as FormDefinition;
const at = (iso: string) => iso.replace('Z', '+00:00');

/** A cell as CSV carries it: text as is, numbers in their plain form, blanks empty. */
// What the CSV writer makes of a cell: text a spreadsheet would evaluate gets a quote.
const csvCell = (c: Cell) => (c === null ? '' : typeof c === 'string' ? neutralizeCell(c) : String(c));

/** Core's columns and, last, the server's mark of responses left out of the scores (issue 11). */
const exportHeader = (form: Parameters<typeof coreHeader>[0], lang: 'vi' | 'en') => [...coreHeader(form, lang), EXCLUDED_HEADER[lang]];

describe.each(testDatabases())('exports on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let admin: string;
  let supervisor: string;
  let fastId: string;

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => NOW }, new Date('2026-10-01T00:00:00Z')));
    admin = await login(app, 'admin', PASSWORD);
    supervisor = await login(app, 'lan', PASSWORD);
    const a = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const b = { siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id };
    const list = Array.from({ length: 7 }, (_, i) => makeResponse(a, {}, 'sipas-2017', 10 + i));
    list[2]!.answers.comment = EVIL;
    list[3]!.answers.comment = KIND;
    list[4]!.procedure = { code: '1.003005', name: '@Chứng thực bản sao từ bản chính' };
    const fast = makeResponse(a, { startedAt: at('2026-11-26T03:59:00.000Z'), completedAt: at('2026-11-26T04:00:00.000Z') }, 'sipas-2017', 30);
    fastId = fast.id;
    // Another day and another site: neither belongs in site A's sample for the day.
    const yesterday = makeResponse(a, { startedAt: at('2026-11-25T02:52:00.000Z'), completedAt: at('2026-11-25T03:00:00.000Z') }, 'sipas-2017', 31);
    expect(results(await submit(app, w.deviceA.token, { responses: [...list, fast, yesterday] })).every((v) => v.status === 'accepted')).toBe(true);
    const siteB = [makeResponse(b, {}, 'sipas-2017', 40), makeResponse(b, {}, 'sipas-2017', 41)];
    expect(results(await submit(app, w.deviceB.token, { responses: siteB })).every((v) => v.status === 'accepted')).toBe(true);
  });
  afterAll(() => stopApp({ app, fresh }));

  const download = (url: string, session: string) => app.inject({ method: 'GET', url, ...asUser(session) });

  /** What the export must hold: the stored responses of the filter, in (day, id) order, coded by core. */
  async function expectedRows(siteIds: string[], day: string): Promise<Cell[][]> {
    const rows = await fresh.db.k
      .selectFrom('responses')
      .select(['payload', 'site_id', 'local_day', 'id'])
      .where('site_id', 'in', siteIds)
      .where('local_day', '=', day)
      .where('form_id', '=', 'sipas-2017')
      .orderBy('local_day')
      .orderBy('id')
      .execute();
    const encode = createRowEncoder(sipas);
    const sites = new Map([w.siteA, w.siteB].map((s) => [s.id, s]));
    const names = new Map([w.enumeratorA, w.enumeratorB].map((u) => [u.id, u.display_name]));
    return rows.map((r) => {
      const resp = JSON.parse(r.payload) as Response;
      const site = sites.get(r.site_id)!;
      return encode(resp, {
        siteCode: site.code,
        siteName: site.name,
        localDay: r.local_day,
        enumerator: names.get(resp.enumeratorId ?? '') ?? null,
        flags: resp.id === fastId ? ['too-fast'] : [],
      }).concat([null]);
    });
  }

  it('CSV: BOM, header in the chosen language, one row per stored response, parsed back equal', async () => {
    const res = await download(`/api/v1/exports/responses.csv?form=sipas-2017&sites=${w.siteA.id}&from=${DAY}&lang=vi`, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="hailong-sipas-2017-HN-HK-${DAY}.csv"`);
    const buf = res.rawPayload;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(buf, { bom: true, relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(exportHeader(sipas, 'vi').map(neutralizeCell));
    const expected = await expectedRows([w.siteA.id], DAY);
    expect(expected).toHaveLength(8);
    expect(records.slice(1)).toEqual(expected.map((row) => row.map(csvCell)));

    const col = (name: string) => records[0]!.findIndex((h) => h.startsWith(name));
    const comments = records.slice(1).map((r) => r[col('comment:')]);
    expect(comments).toContain(`'${EVIL}`);
    expect(comments).toContain(KIND);
    expect(records.slice(1).map((r) => r[col('Tên thủ tục')])).toContain("'@Chứng thực bản sao từ bản chính");
    const flagged = records.slice(1).find((r) => r[0] === fastId)!;
    expect(flagged[col('Cờ cảnh báo')]).toBe('too-fast');

    const en = parse((await download(`/api/v1/exports/responses.csv?form=sipas-2017&sites=${w.siteA.id}&from=${DAY}&lang=en`, supervisor)).rawPayload, { bom: true }) as string[][];
    expect(en[0]).toEqual(exportHeader(sipas, 'en'));
    expect(en[0]).toContain('E1.1: The waiting area has enough seats');
    expect(en.slice(1)).toEqual(records.slice(1));
  });

  it('Excel: data, codebook and summary sheets; the data sheet equals the stored responses', async () => {
    const res = await download(`/api/v1/exports/responses.xlsx?form=sipas-2017&sites=${w.siteA.id}&from=${DAY}&lang=vi`, supervisor);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Mã hóa', 'Tổng hợp']);
    const data = wb.getWorksheet('Dữ liệu')!;
    const header = exportHeader(sipas, 'vi');
    const values = (row: ExcelJS.Row): Cell[] =>
      Array.from({ length: header.length }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v === undefined || v === null ? null : (v as Cell);
      });
    const rows: Cell[][] = [];
    data.eachRow((row) => rows.push(values(row)));
    expect(rows[0]).toEqual(header);
    expect(rows.slice(1)).toEqual(await expectedRows([w.siteA.id], DAY));
    // In the workbook the text is exactly what was typed, written as a text cell, which Excel never evaluates.
    const commentCol = header.findIndex((h) => h.startsWith('comment:'));
    expect(rows.slice(1).map((r) => r[commentCol])).toEqual(expect.arrayContaining([EVIL, KIND]));
    const evilRow = data.getRows(2, rows.length - 1)!.find((r) => r.getCell(commentCol + 1).value === EVIL)!;
    expect(evilRow.getCell(commentCol + 1).type).toBe(ExcelJS.ValueType.String);

    const codebook: string[] = [];
    wb.getWorksheet('Mã hóa')!.eachRow((row) => codebook.push(String(row.getCell(1).value)));
    expect(codebook.filter((c) => c === 'E1.1')).toHaveLength(6);

    const scores = (await download(`/api/v1/scores?form=sipas-2017&sites=${w.siteA.id}&period=day&from=${DAY}`, supervisor)).json();
    const summary: Cell[][] = [];
    wb.getWorksheet('Tổng hợp')!.eachRow((row) => summary.push([1, 2, 3, 4, 5].map((i) => row.getCell(i).value as Cell)));
    const overall = summary.find((r) => r[0] === 'Chỉ số chung')!;
    expect(overall[3]).toBeCloseTo(scores.headline.value, 10);
    expect(overall[4]).toBe(scores.headline.n);
    expect(summary.find((r) => r[0] === 'Số phiếu')![1]).toBe(8);
  });

  it('every export is in the audit log: who, what, filters and rows', async () => {
    await download(`/api/v1/exports/responses.csv?form=sipas-2017&from=${DAY}`, admin);
    const entries = (await listAudit(fresh.db, 50)).filter((e) => e.action.startsWith('export.'));
    const mine = entries.filter((e) => e.actor === 'lan');
    expect(mine.map((e) => e.action).sort()).toEqual(['export.csv', 'export.csv', 'export.xlsx']);
    expect(JSON.parse(mine.find((e) => e.action === 'export.xlsx')!.details)).toMatchObject({ form: 'sipas-2017', from: DAY, to: DAY, sites: [w.siteA.id], lang: 'vi', rows: 8 });
    const byAdmin = entries.find((e) => e.actor === 'admin')!;
    expect(JSON.parse(byAdmin.details)).toMatchObject({ sites: 'all', rows: 10 });
  });

  it('an admin exports every site; a supervisor naming a site not theirs gets 403.1 and no file', async () => {
    const all = parse((await download(`/api/v1/exports/responses.csv?form=sipas-2017&from=${DAY}&lang=en`, admin)).rawPayload, { bom: true }) as string[][];
    expect(all.slice(1)).toEqual((await expectedRows([w.siteA.id, w.siteB.id], DAY)).map((r) => r.map(csvCell)));
    const refused = await download(`/api/v1/exports/responses.xlsx?form=sipas-2017&sites=${w.siteA.id},${w.siteB.id}&from=${DAY}`, supervisor);
    expect(isProblem(refused, 403.1)).toBe(true);
  });

  it('a range spanning days pages through in (day, id) order', async () => {
    const res = await download(`/api/v1/exports/responses.csv?form=sipas-2017&sites=${w.siteA.id}&from=2026-11-25&to=${DAY}`, supervisor);
    const records = parse(res.rawPayload, { bom: true }) as string[][];
    const dayCol = records[0]!.indexOf('Ngày (giờ địa phương)');
    expect(records.slice(1).map((r) => r[dayCol])).toEqual(['2026-11-25', ...Array(8).fill(DAY)]);
    expect(res.headers['content-disposition']).toContain(`2026-11-25_${DAY}`);
    // Pages of three: the keyset (day, id) carries on exactly where each page stopped, across the day boundary.
    const paged: string[] = [];
    for await (const page of responsePages(fresh.db, { formId: 'sipas-2017', from: '2026-11-25', to: DAY, siteIds: [w.siteA.id] }, 3)) {
      expect(page.length).toBeLessThanOrEqual(3);
      paged.push(...page.map((r) => r.id));
    }
    expect(paged).toEqual(records.slice(1).map((r) => r[0]));
  });
});
