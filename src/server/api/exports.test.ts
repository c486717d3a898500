// CSV and Excel exports on both databases read back with their own libraries: the stored responses, coded, neutralised, audited.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutralizeCell } from '../../core/export/neutralize';
import { createRowEncoder, type Cell } from '../../core/export/rows';
import { getBuiltinForm } from '../../core/forms/builtin';
import type { FormDefinition } from '../../core/forms/schema';
import type { Refusal, ResponseRateJson } from '../../core/protocol/refusals';
import type { ScoresJson } from '../../core/protocol/scores';
import type { Response } from '../../core/response/schema';
import { localDateTime } from '../../core/local-day';
import type { App } from '../app';
import { listAudit } from '../db/queries/audit';
import { responsePages } from '../exports/source';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeRefusal, makeResponse, PASSWORD, type World } from '../test/fixtures';
import { asUser, isProblem, login, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';
import { exportFileHeader as exportHeader } from '../exports/rows';

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
        startedAt: localDateTime(resp.startedAt, site.time_zone),
        completedAt: localDateTime(resp.completedAt, site.time_zone),
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
    // Times as the desk's clock read them (Hà Nội, UTC+7), with the offset so they still name one instant.
    expect(flagged[col('Bắt đầu lúc')]).toBe('2026-11-26T10:59:00+07:00');
    expect(flagged[col('Hoàn thành lúc')]).toBe('2026-11-26T11:00:00+07:00');

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
    // An interview form's workbook has a refusals sheet (empty here: nobody refused yet).
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Mã hóa', 'Lượt từ chối', 'Tổng hợp']);
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

  it('CSV in words: every coded cell is its codebook meaning in the chosen language; the codebook downloads beside it', async () => {
    const url = (values: string, lang: string) => `/api/v1/exports/responses.csv?form=sipas-2017&sites=${w.siteA.id}&from=${DAY}&lang=${lang}&values=${values}`;
    const coded = parse((await download(url('codes', 'vi'), supervisor)).rawPayload, { bom: true }) as string[][];
    const res = await download(url('labels', 'vi'), supervisor);
    expect(res.statusCode, res.body).toBe(200);
    const words = parse(res.rawPayload, { bom: true }) as string[][];
    expect(words[0]).toEqual(coded[0]);
    expect(words.map((r) => r[0])).toEqual(coded.map((r) => r[0]));

    // The codebook CSV, read back as code → meaning per column, decodes the coded file into exactly the file in words.
    const book = await download(`/api/v1/exports/codebook.csv?form=sipas-2017&lang=vi`, supervisor);
    expect(book.statusCode, book.body).toBe(200);
    expect(book.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(book.headers['content-disposition']).toBe(`attachment; filename="hailong-sipas-2017-v${sipas.version}-codebook-vi.csv"`);
    const entries = parse(book.rawPayload, { bom: true }) as string[][];
    expect(entries[0]).toEqual(['Mã câu hỏi', 'Nội dung', 'Loại', 'Mã trả lời', 'Ý nghĩa']);
    const meaning = new Map<string, Map<string, string>>();
    for (const [item, , , code, label] of entries.slice(1)) if (code) (meaning.get(item!) ?? meaning.set(item!, new Map()).get(item!)!).set(code, label!);
    const columnOf = (header: string) => (header === 'Hình thức' ? 'mode' : header === 'Cờ cảnh báo' ? 'flags' : header.split(':')[0]!);
    const decoded = coded.slice(1).map((row) =>
      row.map((cell, i) => {
        const codes = meaning.get(columnOf(coded[0]![i]!));
        if (!codes || cell === '') return cell;
        return cell.split(';').map((c) => codes.get(c) ?? c).join('; ');
      }),
    );
    expect(words.slice(1)).toEqual(decoded);
    const col = (name: string) => words[0]!.indexOf(name);
    expect(words.slice(1).map((r) => r[col('Hình thức')])).toContain('Phỏng vấn');
    const fast = words.find((r) => r[0] === fastId)!;
    expect(fast[col('Cờ cảnh báo')]).toBe('Quá nhanh (dưới một nửa thời lượng trung vị)');
    const scale = sipas.scale!.levels.map((l) => l.vi);
    const likert = words[0]!.findIndex((h) => h.startsWith('E1.1:'));
    expect(words.slice(1).every((r) => r[likert] === '' || scale.includes(r[likert]!) || r[likert] === sipas.scale!.na.vi)).toBe(true);

    // In English the meanings are English; the codebook's language follows lang too.
    const en = parse((await download(url('labels', 'en'), supervisor)).rawPayload, { bom: true }) as string[][];
    expect(en.slice(1).map((r) => r[en[0]!.indexOf('Mode')])).toContain('Interview');
    const bookEn = parse((await download(`/api/v1/exports/codebook.csv?form=sipas-2017&lang=en`, supervisor)).rawPayload, { bom: true }) as string[][];
    expect(bookEn[0]).toEqual(['Item ID', 'Label', 'Type', 'Code', 'Meaning']);
    // The choice is in the audit trail.
    const last = (await listAudit(fresh.db, 5)).find((e) => e.action === 'export.csv')!;
    expect(JSON.parse(last.details)).toMatchObject({ values: 'labels', lang: 'en' });
  });

  it('the codebook needs a signed-in person and a known form', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/exports/codebook.csv?form=sipas-2017' })).statusCode).toBe(401);
    const unknown = await download('/api/v1/exports/codebook.csv?form=no-such-form', supervisor);
    expect(unknown.statusCode, unknown.body).toBe(404);
    expect(JSON.parse(unknown.body)).toMatchObject({ status: 404 });
  });

  it('the report as Excel: its headline, blocks, ranking and per-site criteria equal GET /api/v1/scores, its response rate GET /api/v1/response-rate', async () => {
    const q = `form=sipas-2017&period=custom&from=2026-11-25&to=${DAY}`;
    // Two people asked at site A who were not interviewed.
    const refusal = (reason: Refusal['reason']) => makeRefusal({ siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id }, { reason, occurredAt: '2026-11-26T09:30:00.000+07:00' });
    const refused = await app.inject({ method: 'POST', url: '/api/v1/refusals', headers: { authorization: `Bearer ${w.deviceA.token}` }, payload: { refusals: [refusal('declined'), refusal('not-adult')] } });
    expect(results(refused).map((v) => v.status)).toEqual(['accepted', 'accepted']);
    const res = await download(`/api/v1/exports/report.xlsx?${q}&lang=vi`, admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="hailong-report-sipas-2017-2026-11-25_${DAY}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Báo cáo', 'Khối', 'Xếp hạng', 'Theo đơn vị', 'Tỷ lệ trả lời', 'Ghi chú']);
    const rows = (name: string) => Array.from(wb.getWorksheet(name)!.getSheetValues().slice(1), (r) => (Array.isArray(r) ? r.slice(1) : []));
    const scores = async (breakdown: string) => JSON.parse((await download(`/api/v1/scores?${q}&breakdown=${breakdown}`, admin)).body) as ScoresJson;
    const main = await scores('element');
    const bySite = await scores('site');
    const byKind = await scores('kind');

    const report = rows('Báo cáo');
    expect(report[0]![0]).toBe('Báo cáo kết quả khảo sát mức độ hài lòng');
    expect(report.find((r) => r[0] === 'Số phiếu')![1]).toBe(main.responses);
    const pooled = report.find((r) => String(r[0]).startsWith('Chỉ số chung'))!;
    expect(pooled.slice(1, 5)).toEqual([main.headline.value, main.headline.n, main.headline.low, main.headline.high]);
    expect(report.find((r) => String(r[0]).startsWith('Trung bình các đơn vị'))!.slice(1, 3)).toEqual([main.unitMean!.value, main.unitMean!.units]);

    const blocks = rows('Khối').slice(1);
    expect(blocks).toHaveLength(byKind.groups.length);
    for (const [i, g] of byKind.groups.entries()) {
      expect(blocks[i]!.slice(1, 7)).toEqual([g.siteIds!.length, g.responses, g.value ?? undefined, g.n, g.low ?? undefined, g.high ?? undefined]);
      expect(blocks[i]![7]).toBe(g.unitMean?.value ?? undefined);
    }

    const ranking = rows('Xếp hạng').slice(1);
    const best = [...bySite.groups].sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.key.localeCompare(b.key));
    expect(ranking.map((r) => r[1])).toEqual(best.map((g) => bySite.sites.find((s) => s.id === g.key)!.code));
    for (const [i, g] of best.entries()) expect(ranking[i]!.slice(4, 9)).toEqual([g.responses, g.value ?? undefined, g.n, g.low ?? undefined, g.high ?? undefined]);
    expect(ranking[0]![0]).toBe(1);

    // Per site: its criteria equal the scores API scoped to that site.
    const perSite = rows('Theo đơn vị').slice(1);
    const siteA = JSON.parse((await download(`/api/v1/scores?${q}&sites=${w.siteA.id}&breakdown=criterion`, admin)).body) as ScoresJson;
    const aCriteria = perSite.filter((r) => r[0] === w.siteA.code && r[2] === 'Tiêu chí');
    expect(aCriteria.map((r) => [r[3], r[5], r[6]])).toEqual(siteA.index!.criteria.map((c) => [c.itemId, c.value ?? undefined, c.n]));
    expect(rows('Ghi chú').length).toBeGreaterThan(3);

    // The response rate: in all, per site and per enumerator, as the dashboard's card gets it.
    const rate = JSON.parse((await download(`/api/v1/response-rate?${q}`, admin)).body) as ResponseRateJson;
    const pct = (r: number | null) => (r === null ? undefined : r * 100);
    expect(report.find((r) => r[0] === 'Tỷ lệ trả lời (%)')![1]).toBe(pct(rate.total.rate));
    const rateRows = rows('Tỷ lệ trả lời');
    expect(rateRows[0]).toEqual(['Mã đơn vị', 'Tên đơn vị', 'Điều tra viên', 'Số phiếu phỏng vấn', 'Số lượt từ chối', 'Chưa đủ 18 tuổi', 'Chưa nhận kết quả', 'Không đồng ý', 'Tỷ lệ trả lời (%)']);
    expect(rateRows[1]!.slice(3)).toEqual([rate.total.interviews, 2, 1, 0, 1, pct(rate.total.rate)]);
    const rateA = rate.sites.find((s) => s.siteId === w.siteA.id)!;
    expect(rateRows.find((r) => r[0] === w.siteA.code && r[2] === undefined)!.slice(3)).toEqual([rateA.interviews, 2, 1, 0, 1, pct(rateA.rate)]);
    expect(rateA.rate).toBeLessThan(1);
    const enumA = rate.enumerators.find((e) => e.enumeratorId === w.enumeratorA.id)!;
    expect(rateRows.find((r) => r[2] === enumA.name)!.slice(3)).toEqual([enumA.interviews, 2, 1, 0, 1, pct(enumA.rate)]);
    expect(rows('Ghi chú').some((r) => String(r[0]).startsWith('Tỷ lệ trả lời ='))).toBe(true);

    // English on demand; a supervisor is held to their sites; the download is in the audit log.
    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await download(`/api/v1/exports/report.xlsx?${q}&lang=en`, supervisor)).rawPayload as unknown as ArrayBuffer);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Report', 'Blocks', 'Ranking', 'By site', 'Response rate', 'Notes']);
    expect(en.getWorksheet('Ranking')!.rowCount).toBe(2);
    const denied = await download(`/api/v1/exports/report.xlsx?${q}&sites=${w.siteB.id}`, supervisor);
    expect(denied.statusCode).toBe(403);
    const logged = (await listAudit(fresh.db, 10)).filter((e) => e.action === 'export.report');
    expect(logged.map((e) => e.actor).sort()).toEqual(['admin', 'lan']);
  });

  it("an interview form's Excel export lists the period's refusals: who asked, where, when on the site's clock and why, in the chosen language", async () => {
    // The report test above stored two refusals at site A on DAY (09:30 in Hà Nội).
    const sheetOf = async (query: string, session: string, name: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await download(`/api/v1/exports/responses.xlsx?${query}`, session)).rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      wb.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { names: wb.worksheets.map((s) => s.name), rows };
    };
    const vi = await sheetOf(`form=sipas-2017&from=${DAY}&lang=vi`, admin, 'Lượt từ chối');
    expect(vi.rows[0]).toEqual(['Mã lượt từ chối', 'Phiên bản biểu mẫu', 'Mã đơn vị', 'Tên đơn vị', 'Ngày', 'Thời điểm', 'Điều tra viên', 'Mã máy', 'Mã lý do', 'Lý do']);
    expect(vi.rows.slice(1).map((r) => [r[2], r[4], r[5], r[6], r[8], r[9]]).sort()).toEqual(
      [
        [w.siteA.code, DAY, '2026-11-26T09:30:00+07:00', 'Trần Văn Minh', 'declined', 'Không đồng ý tham gia'],
        [w.siteA.code, DAY, '2026-11-26T09:30:00+07:00', 'Trần Văn Minh', 'not-adult', 'Chưa đủ 18 tuổi'],
      ].sort(),
    );
    const summary = await sheetOf(`form=sipas-2017&from=${DAY}&lang=vi`, admin, 'Tổng hợp');
    expect(summary.rows.find((r) => r[0] === 'Số lượt từ chối')?.[1]).toBe(2);
    // English words; asked for site B, none of site A's; a kiosk form has no such sheet.
    const en = await sheetOf(`form=sipas-2017&from=${DAY}&lang=en`, admin, 'Refusals');
    expect(en.rows.slice(1).map((r) => r[9]).sort()).toEqual(['Declined to take part', 'Under 18']);
    expect((await sheetOf(`form=sipas-2017&from=${DAY}&lang=vi&sites=${w.siteB.id}`, admin, 'Lượt từ chối')).rows).toHaveLength(1);
    expect((await sheetOf(`form=desk-rating&from=${DAY}&lang=vi`, admin, 'Lượt từ chối')).names).toEqual(['Dữ liệu', 'Mã hóa', 'Tổng hợp']);
  });

  it("the report's ranking states each site's sample against the target stored for exactly its period (issue 11 items 4 and 6)", async () => {
    const period = { from: '2026-11-25', to: DAY };
    const put = await app.inject({ method: 'PUT', url: `/api/v1/sites/${w.siteA.id}/target`, ...asUser(supervisor), payload: { period, population: 40 } });
    expect(put.statusCode, put.body).toBe(200);
    // The same N for another period must not be read for this one.
    await app.inject({ method: 'PUT', url: `/api/v1/sites/${w.siteB.id}/target`, ...asUser(admin), payload: { period: { from: DAY, to: DAY }, population: 900 } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await download(`/api/v1/exports/report.xlsx?form=sipas-2017&period=custom&from=${period.from}&to=${period.to}&lang=vi`, admin)).rawPayload as unknown as ArrayBuffer);
    const [head, ...ranking] = Array.from(wb.getWorksheet('Xếp hạng')!.getSheetValues().slice(1), (r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(head!.slice(10)).toEqual(['N (số giao dịch trong kỳ)', 'Cỡ mẫu cần đạt (n)', 'Đạt so với cỡ mẫu cần đạt (%)']);
    const a = ranking.find((r) => r[1] === w.siteA.code)!;
    const b = ranking.find((r) => r[1] === w.siteB.code)!;
    // Site A: 9 responses over the two days (7, the fast one, yesterday's); n = 40/(1 + 40 × 0.0025) = 36.4 → 37.
    expect(a[4]).toBe(9);
    expect(a.slice(10, 12)).toEqual([40, 37]);
    expect(a[12]).toBeCloseTo((9 / 37) * 100, 10);
    // Site B has N for one day only: nothing for this period.
    expect(b.slice(10)).toEqual([]);
    expect(wb.getWorksheet('Ghi chú')!.getSheetValues().flat().join(' ')).toContain('n = N/(1+N·e²)');
  });
});
