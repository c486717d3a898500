// The export layout: header, coded rows, codebook and summary a supervisor opens in Excel.
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormInput } from '../forms/schema';
import type { Response } from '../response/schema';
import { scoreResponses } from '../scoring/indices';
import { scoreKiosk } from '../scoring/kiosk';
import { codebook, codebookRows, exportColumns, exportHeader } from './columns';
import { FIXED_COLUMN_KEYS } from './labels';
import { createRowEncoder, responseToRow, type RowContext } from './rows';
import { kioskSummaryRows, summaryRows } from './summary';

const T = (vi: string, en: string) => ({ vi, en });
const form = FormDefinition.parse({
  id: 'test-export',
  version: 2,
  kind: 'interview',
  title: T('Phiếu thử', 'Test form'),
  scale: {
    levels: [
      T('Rất không hài lòng', 'Very dissatisfied'),
      T('Không hài lòng', 'Dissatisfied'),
      T('Bình thường', 'Neutral'),
      T('Hài lòng', 'Satisfied'),
      T('Rất hài lòng', 'Very satisfied'),
    ],
    na: T('Không áp dụng / không biết', 'Not applicable / don’t know'),
  },
  sections: [
    {
      id: 'e1',
      title: T('Tiếp cận dịch vụ', 'Access'),
      items: [
        { id: 'E1.1', type: 'likert5', label: T('Nơi ngồi chờ có đủ chỗ ngồi', 'Enough seats in the waiting area'), element: 'E1' },
        { id: 'E1.2', type: 'likert5', label: T('Trang thiết bị đầy đủ', 'Equipment complete'), element: 'E1' },
      ],
    },
    {
      id: 'about',
      title: T('Thông tin', 'About you'),
      items: [
        { id: 'sex', type: 'single', label: T('Giới tính', 'Sex'), options: [{ value: 'm', label: T('Nam', 'Male') }, { value: 'f', label: T('Nữ', 'Female') }] },
        {
          id: 'prio',
          type: 'multi',
          label: T('Cần cải thiện', 'To improve'),
          options: [
            { value: 'time', label: T('Thời gian', 'Time') },
            { value: 'staff', label: T('Thái độ', 'Attitude') },
            { value: 'fees', label: T('Phí', 'Fees') },
          ],
        },
        { id: 'delta', type: 'number', label: T('Chênh lệch (ngày)', 'Difference (days)'), min: -30 },
        { id: 'comment', type: 'longtext', label: T('Góp ý', 'Comment') },
      ],
    },
  ],
  scoring: { elements: [{ id: 'E1', label: T('Tiếp cận', 'Access') }] },
} satisfies FormInput);

const response: Response = {
  id: '01969a3e-7b2c-7c3d-8e4f-a1b2c3d4e5f6',
  formId: 'test-export',
  formVersion: 2,
  mode: 'interview',
  siteId: 'hp-01',
  deviceId: 'dev-1',
  enumeratorId: 'enum-7',
  procedure: { code: '1.001234', name: 'Cấp giấy phép xây dựng' },
  locale: 'vi',
  startedAt: '2026-03-02T08:00:00+07:00',
  completedAt: '2026-03-02T08:12:30+07:00',
  answers: { 'E1.1': 4, 'E1.2': 'na', sex: 'f', prio: ['fees', 'time'], delta: -5, comment: '=HYPERLINK("http://x","Đường dẫn")' },
  durationMs: {},
  flags: ['followup-unanswered'],
  appVersion: '0.1.0',
};
const ctx: RowContext = { siteCode: 'HP-01', siteName: 'UBND phường Lê Lợi', localDay: '2026-03-02', enumerator: 'Nguyễn Thị Hoa', flags: ['too-fast'] };

describe('columns', () => {
  it('fixed columns first, then one column per item in form order', () => {
    const cols = exportColumns(form, 'en');
    expect(cols.map((c) => c.key)).toEqual([...FIXED_COLUMN_KEYS, 'E1.1', 'E1.2', 'sex', 'prio', 'delta', 'comment']);
  });

  it('headers are in the user language and carry the item id', () => {
    const vi = exportHeader(form, 'vi');
    const en = exportHeader(form, 'en');
    expect(vi[0]).toBe('Mã phiếu');
    expect(en[0]).toBe('Response ID');
    expect(vi).toContain('E1.1: Nơi ngồi chờ có đủ chỗ ngồi');
    expect(en).toContain('E1.1: Enough seats in the waiting area');
    expect(vi).toContain('Thời lượng (giây)');
  });
});

describe('responseToRow', () => {
  const row = responseToRow(form, response, ctx, 'vi');
  const cell = (key: string) => row[exportColumns(form, 'vi').findIndex((c) => c.key === key)];

  it('has one cell per column', () => {
    expect(row).toHaveLength(exportColumns(form, 'vi').length);
  });

  it('fills the fixed columns from the response and its context', () => {
    expect(row.slice(0, FIXED_COLUMN_KEYS.length)).toEqual([
      response.id,
      'test-export',
      2,
      'HP-01',
      'UBND phường Lê Lợi',
      '2026-03-02',
      '2026-03-02T08:00:00+07:00',
      '2026-03-02T08:12:30+07:00',
      'interview',
      'Nguyễn Thị Hoa',
      '1.001234',
      'Cấp giấy phép xây dựng',
      750,
      'followup-unanswered;too-fast',
    ]);
  });

  it('codes the answers: likert 1–5 or na, single value, multi in option order, numbers as numbers', () => {
    expect(cell('E1.1')).toBe(4);
    expect(cell('E1.2')).toBe('na');
    expect(cell('sex')).toBe('f');
    expect(cell('prio')).toBe('time;fees');
    expect(cell('delta')).toBe(-5);
  });

  it('keeps a comment exactly as typed, formula-like or not (each writer makes it safe its own way)', () => {
    expect(cell('comment')).toBe(`=HYPERLINK("http://x","Đường dẫn")`);
    const plain = responseToRow(form, { ...response, answers: { comment: 'Cán bộ hướng dẫn tận tình, chu đáo.' } }, ctx);
    expect(plain[plain.length - 1]).toBe('Cán bộ hướng dẫn tận tình, chu đáo.');
  });

  it('leaves unanswered items blank and falls back to the enumerator id', () => {
    const sparse = createRowEncoder(form)({ ...response, answers: { 'E1.1': 5 }, flags: [] }, { siteCode: 'X', siteName: 'Y', localDay: '2026-03-02' });
    expect(sparse.slice(FIXED_COLUMN_KEYS.length)).toEqual([5, null, null, null, null, null]);
    expect(sparse[FIXED_COLUMN_KEYS.indexOf('enumerator')]).toBe('enum-7');
    expect(sparse[FIXED_COLUMN_KEYS.indexOf('flags')]).toBeNull();
  });

  it('keeps user-typed context as typed too', () => {
    const evil = responseToRow(form, { ...response, procedure: { code: '@cmd', name: '+x' } }, { ...ctx, siteName: '=1+1' });
    expect(evil[FIXED_COLUMN_KEYS.indexOf('siteName')]).toBe('=1+1');
    expect(evil[FIXED_COLUMN_KEYS.indexOf('procedureCode')]).toBe('@cmd');
    expect(evil[FIXED_COLUMN_KEYS.indexOf('procedureName')]).toBe('+x');
  });
});

describe('codebook', () => {
  it('lists likert codes 1–5 and na with the scale labels in the chosen language', () => {
    const e = codebook(form, 'vi').find((c) => c.itemId === 'E1.1')!;
    expect(e).toMatchObject({ label: 'Nơi ngồi chờ có đủ chỗ ngồi', type: 'likert5', element: 'E1' });
    expect(e.codes).toEqual([
      { code: 1, label: 'Rất không hài lòng' },
      { code: 2, label: 'Không hài lòng' },
      { code: 3, label: 'Bình thường' },
      { code: 4, label: 'Hài lòng' },
      { code: 5, label: 'Rất hài lòng' },
      { code: 'na', label: 'Không áp dụng / không biết' },
    ]);
  });

  it('lists option codes of choices, nothing for free answers, and the mode and flag codes', () => {
    const en = codebook(form, 'en');
    expect(en.find((c) => c.itemId === 'prio')!.codes.map((c) => c.code)).toEqual(['time', 'staff', 'fees']);
    expect(en.find((c) => c.itemId === 'prio')!.typeLabel).toContain(';');
    expect(en.find((c) => c.itemId === 'comment')!.codes).toEqual([]);
    expect(en.find((c) => c.itemId === 'mode')!.codes.map((c) => c.code)).toEqual(['interview', 'kiosk']);
    expect(en.find((c) => c.itemId === 'flags')!.codes.map((c) => c.code)).toContain('too-fast');
  });

  it('flattens to one row per code', () => {
    const rows = [...codebookRows(form, 'en')];
    expect(rows.filter((r) => r[0] === 'E1.1')).toHaveLength(6);
    expect(rows.find((r) => r[0] === 'comment')).toEqual(['comment', 'Comment', 'Long text', null, null]);
  });
});

describe('summaryRows', () => {
  it('lays out overall, then each element followed by its criteria, with n and interval', () => {
    const report = scoreResponses(form, [{ answers: { 'E1.1': 5, 'E1.2': 2 } }, { answers: { 'E1.1': 4, 'E1.2': 'na' } }]);
    const rows = summaryRows(report, 'vi');
    expect(rows.map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ['Chỉ số chung', 'test-export', 50, 2],
      ['Yếu tố', 'E1', 50, 2],
      ['Tiêu chí', 'E1.1', 100, 2],
      ['Tiêu chí', 'E1.2', 0, 1],
    ]);
    expect(rows[0]![7]).toBe('Có');
  });
});

describe('kioskSummaryRows', () => {
  it('gives the share satisfied, then each face with its count and share', () => {
    const desk = FormDefinition.parse({
      id: 'test-desk',
      version: 1,
      kind: 'kiosk',
      title: T('Đánh giá', 'Rating'),
      sections: [
        {
          id: 'r',
          title: T('Đánh giá', 'Rating'),
          items: [{ id: 'overall', type: 'rating', levels: 3, label: T('Hài lòng?', 'Satisfied?'), labels: [T('Không hài lòng', 'Unhappy'), T('Hài lòng', 'Happy'), T('Rất hài lòng', 'Very happy')], satisfiedAtLeast: 2 }],
        },
      ],
      kiosk: { ratingItem: 'overall', followUpAtMost: 1 },
    } satisfies FormInput);
    const rows = kioskSummaryRows(scoreKiosk(desk, [{ answers: { overall: 3 } }, { answers: { overall: 1 } }, { answers: { overall: 2 }, flags: ['kiosk-misuse'] }]), 'en');
    expect(rows.map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ['Share satisfied', null, 50, 2],
      ['Rating level', 'Unhappy', 50, 1],
      ['Rating level', 'Happy', 0, 0],
      ['Rating level', 'Very happy', 50, 1],
    ]);
  });
});
