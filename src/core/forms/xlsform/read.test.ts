// A province's XLSForm must become exactly the form it meant, or be refused with every problem named by sheet, row and column.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { satisfactionScale } from '../builtin/satisfaction-scale';
import { FormDefinition, type FormInput } from '../schema';
import { cellValue, describeXlsFormProblem, readXlsForm, XLSFORM_CODES, xlsformMessage, type Cell, type Workbook, type XlsFormProblem } from './index';
import { CHOICES_HEADER, choices, likertChoices, q, settings, SURVEY_HEADER, workbook } from './fixtures/sheets';

/** The file as the server will see it: exceljs from bytes, cells flattened by the core. */
async function loadXlsx(path: string): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const out: Record<string, { row: number; cells: Cell[] }[]> = {};
  wb.eachSheet((ws) => {
    out[ws.name] = [];
    ws.eachRow((row, n) => out[ws.name].push({ row: n, cells: (row.values as unknown[]).slice(1).map(cellValue) }));
  });
  return out;
}

function read(wb: Workbook) {
  const r = readXlsForm(wb);
  if (!r.ok) throw new Error(`expected the form to be read, got:\n${r.errors.map((e) => describeXlsFormProblem(e, 'en')).join('\n')}`);
  return r;
}

function errors(wb: Workbook): XlsFormProblem[] {
  const r = readXlsForm(wb);
  if (r.ok) throw new Error('expected the form to be refused');
  return r.errors;
}

const L = (vi: string, en: string) => ({ vi, en });

/** The Hải Phòng sample, as a person reading the spreadsheet would describe it. */
const SAMPLE: FormInput = {
  id: 'hp-mot-cua-2026',
  version: 1,
  kind: 'interview',
  title: L('Khảo sát sự hài lòng tại Bộ phận Một cửa (Hải Phòng 2026)', 'One-stop desk satisfaction survey (Hải Phòng 2026)'),
  scale: {
    levels: [
      L('Rất không hài lòng', 'Very dissatisfied'),
      L('Không hài lòng', 'Dissatisfied'),
      L('Bình thường', 'Neutral'),
      L('Hài lòng', 'Satisfied'),
      L('Rất hài lòng', 'Very satisfied'),
    ],
    na: L('Không áp dụng / Không biết', 'Not applicable / Don’t know'),
  },
  sections: [
    {
      id: 'tiep_can',
      title: L('Tiếp cận dịch vụ', 'Access to the service'),
      items: [
        { id: 'TC1', type: 'likert5', element: 'E1', required: true, label: L('Nơi chờ có đủ chỗ ngồi, sạch sẽ', 'The waiting area has enough clean seats') },
        { id: 'TC2', type: 'likert5', element: 'E1', required: true, label: L('Có biển chỉ dẫn rõ ràng', 'Signs are clear') },
        { id: 'TC3', type: 'likert5', element: 'E1', required: true, label: L('Có thể đặt lịch hẹn trước', 'An appointment could be booked ahead') },
      ],
    },
    {
      id: 'cong_chuc',
      title: L('Công chức tiếp nhận', 'The civil servant at the desk'),
      items: [
        { id: 'CC1', type: 'likert5', element: 'E2', required: true, label: L('Công chức lịch sự, tôn trọng', 'The civil servant was polite and respectful') },
        { id: 'CC2', type: 'likert5', element: 'E2', required: true, label: L('Hướng dẫn một lần là đủ', 'One explanation was enough') },
        { id: 'CC3', type: 'likert5', element: 'E2', required: true, label: L('Không phải đi lại nhiều lần', 'You did not have to come back several times') },
      ],
    },
    {
      id: 'ket_qua',
      title: L('Kết quả giải quyết', 'The result'),
      items: [
        { id: 'KQ1', type: 'likert5', element: 'E3', required: true, label: L('Trả kết quả đúng hẹn', 'The result came on the promised day') },
        { id: 'KQ2', type: 'likert5', element: 'E3', required: true, label: L('Kết quả chính xác, đầy đủ', 'The result was accurate and complete') },
        { id: 'KQ3', type: 'likert5', element: 'E3', required: true, label: L('Phí, lệ phí đúng quy định', 'Fees were as the rules set') },
        {
          id: 'tre_hen',
          type: 'single',
          required: true,
          label: L('Ông/Bà có bị trễ hẹn lần nào không?', 'Were you ever given a later date than promised?'),
          options: [
            { value: 'co', label: L('Có', 'Yes') },
            { value: 'khong', label: L('Không', 'No') },
          ],
        },
        {
          id: 'so_ngay_tre',
          type: 'number',
          integer: true,
          required: true,
          label: L('Trễ bao nhiêu ngày?', 'How many days late?'),
          // The sample gives this hint in Vietnamese only: English shows the Vietnamese (and a warning says so).
          help: L('Tính theo ngày làm việc', 'Tính theo ngày làm việc'),
          showIf: { item: 'tre_hen', op: 'in', values: ['co'] },
        },
      ],
    },
    {
      id: 'thong_tin',
      title: L('Thông tin người trả lời', 'About you'),
      items: [
        {
          id: 'gioi_tinh',
          type: 'single',
          label: L('Giới tính', 'Sex'),
          options: [
            { value: 'nam', label: L('Nam', 'Male') },
            { value: 'nu', label: L('Nữ', 'Female') },
          ],
        },
        {
          id: 'kenh',
          type: 'multi',
          label: L('Ông/Bà biết thủ tục qua kênh nào?', 'How did you learn about the procedure?'),
          help: L('Chọn tất cả các kênh phù hợp', 'Chọn tất cả các kênh phù hợp'),
          options: [
            { value: 'niem_yet', label: L('Niêm yết tại trụ sở', 'Posted at the office') },
            { value: 'cong_dvc', label: L('Cổng dịch vụ công', 'Public-service portal') },
            { value: 'nguoi_quen', label: L('Người quen', 'Friends or family') },
          ],
        },
        { id: 'gop_y', type: 'text', label: L('Góp ý khác', 'Other comments') },
      ],
    },
  ],
  // No elements sheet: each element is named by the group its criteria sit in.
  scoring: {
    elements: [
      { id: 'E1', label: L('Tiếp cận dịch vụ', 'Access to the service') },
      { id: 'E2', label: L('Công chức tiếp nhận', 'The civil servant at the desk') },
      { id: 'E3', label: L('Kết quả giải quyết', 'The result') },
    ],
  },
};

describe('the Hải Phòng sample (hp-mot-cua-2026.xlsx)', () => {
  it('reads to the definition it describes: 9 criteria in 3 elements, a conditional question, demographics', async () => {
    const r = read(await loadXlsx(new URL('./fixtures/hp-mot-cua-2026.xlsx', import.meta.url).pathname));
    expect(r.form).toEqual(FormDefinition.parse(SAMPLE));
  });

  it('warns, in both languages, that two hints have no English', async () => {
    const r = read(await loadXlsx(new URL('./fixtures/hp-mot-cua-2026.xlsx', import.meta.url).pathname));
    expect(r.warnings).toEqual([
      { code: 'translation-missing', sheet: 'survey', row: 17, params: { column: 'hint', language: 'en', rows: '17, 21', count: 2 } },
    ]);
    expect(describeXlsFormProblem(r.warnings[0], 'vi')).toBe(
      'Trang tính “survey”, dòng 17: Cột hint chưa có bản tiếng Anh ở 2 dòng (17, 21): tạm dùng bản của ngôn ngữ mặc định.',
    );
    expect(describeXlsFormProblem(r.warnings[0], 'en')).toBe(
      'Sheet “survey”, row 17: Column hint has no English text on 2 row(s) (17, 21): the default language\'s text is used.',
    );
  });
});

/** A small interview: one criterion, one choice question; `extra` rows go at the end of its only group. */
function small(opts: { header?: string[]; rows?: Cell[][]; settingsExtra?: Record<string, Cell>; more?: Record<string, Cell[][]> } = {}): Workbook {
  return workbook({
    survey: [
      opts.header ?? SURVEY_HEADER,
      q('begin_group', 'g1', 'Phần 1'),
      q('select_one hl5', 'c1', 'Tiêu chí 1', { required: 'yes', element: 'E1' }),
      q('select_one yn', 'yn', 'Có hay không'),
      ...(opts.rows ?? []),
      q('end_group', '', ''),
    ],
    choices: [CHOICES_HEADER, ...likertChoices(), ...choices('yn', 'co', 'khong'), ...choices('abc', 'a', 'b', 'c')],
    settings: settings(opts.settingsExtra),
    ...opts.more,
  });
}

describe('XLSForm spellings people write', () => {
  it('reads label::vi and label::Tiếng Việt (vi) / label::English (en) alike, and "Label" with a default language', () => {
    const plain = read(small()).form;
    const named = read(
      workbook({
        survey: [
          ['type', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)', 'required', 'relevant', 'constraint', 'appearance', 'element'],
          q('begin_group', 'g1', 'Phần 1'),
          q('select_one hl5', 'c1', 'Tiêu chí 1', { required: 'yes', element: 'E1' }),
          q('select_one yn', 'yn', 'Có hay không'),
          q('end_group', '', ''),
        ],
        choices: [['list_name', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)'], ...likertChoices(), ...choices('yn', 'co', 'khong')],
        settings: [
          ['form_id', 'version', 'form_title::Tiếng Việt (vi)', 'form_title::English (en)', 'kind'],
          ['thu', 1, 'Phiếu thử', 'Test form', 'interview'],
        ],
      }),
    ).form;
    expect(named).toEqual(plain);
    // Old-style single colon, capitalised headers, "begin group" with a space, and a default language for the bare column.
    const oldStyle = read(
      workbook({
        survey: [
          ['Type', 'Name', 'Label', 'label:en', 'Required', 'element'],
          ['begin group', 'g1', 'Phần 1', 'Phần 1 (en)'],
          ['select one hl5', 'c1', 'Tiêu chí 1', 'Tiêu chí 1 (en)', 'TRUE', 'E1'],
          ['select_one yn', 'yn', 'Có hay không', 'Có hay không (en)'],
          ['end group'],
        ],
        choices: [['list name', 'name', 'label', 'label:English'], ...likertChoices(), ...choices('yn', 'co', 'khong')],
        settings: [
          ['form_id', 'version', 'form_title', 'form_title::en', 'default_language'],
          ['thu', '1', 'Phiếu thử', 'Test form', 'Tiếng Việt (vi)'],
        ],
      }),
    ).form;
    expect(oldStyle).toEqual(plain);
  });

  it.each([
    ['yes', true],
    ['Yes', true],
    ['TRUE', true],
    ['true', true],
    ['true()', true],
    ['1', true],
    [1, true],
    [true, true],
    ['no', false],
    ['FALSE', false],
    [false, false],
    ['0', false],
    ['', false],
  ] as [Cell, boolean][])('required %j reads as %s', (value, required) => {
    const form = read(small({ rows: [q('text', 't', 'Văn bản', { required: value })] })).form;
    expect(form.sections[0].items.find((i) => i.id === 't')?.required).toBe(required);
  });

  it('refuses a required that is a condition, naming the cell', () => {
    expect(errors(small({ rows: [q('text', 't', 'Văn bản', { required: "${yn} = 'co'" })] }))).toEqual([
      { code: 'required-invalid', sheet: 'survey', row: 5, column: 'required', cell: 'E5', params: { value: "${yn} = 'co'" } },
    ]);
  });

  it('reads types, constraints and appearance: number bounds, multiline text, choice limits, decimals', () => {
    const form = read(
      small({
        rows: [
          q('integer', 'n', 'Số lần', { constraint: '. >= 1 and . <= 10' }),
          q('int', 'n2', 'Số lần 2', { constraint: '.>0' }),
          q('decimal', 'd', 'Số tiền', { constraint: '0.5 <= .' }),
          q('text', 'short', 'Ngắn', { constraint: 'string-length(.) <= 50' }),
          q('text', 'long', 'Dài', { appearance: 'multiline' }),
          q('select_multiple abc', 'm', 'Nhiều', { constraint: 'count-selected(.) <= 2', appearance: 'minimal' }),
          q('select all that apply abc', 'm2', 'Nhiều 2'),
          q('select_one hl5', 'unscored', 'Thang không tính điểm', { appearance: 'likert' }),
          q('select_one hl5', 'plain', 'Chỉ là lựa chọn'),
        ],
      }),
    ).form;
    const byId = Object.fromEntries(form.sections[0].items.map((i) => [i.id, i]));
    expect(byId.n).toMatchObject({ type: 'number', integer: true, min: 1, max: 10 });
    expect(byId.n2).toMatchObject({ type: 'number', integer: true, min: 1 });
    expect(byId.d).toMatchObject({ type: 'number', integer: false, min: 0.5 });
    expect(byId.short).toMatchObject({ type: 'text', maxLength: 50 });
    expect(byId.long).toMatchObject({ type: 'longtext', maxLength: 2000 });
    expect(byId.m).toMatchObject({ type: 'multi', max: 2 });
    expect(byId.m2).toMatchObject({ type: 'multi' });
    expect(byId.unscored).toMatchObject({ type: 'likert5', allowNA: true });
    expect(byId.unscored).not.toHaveProperty('element');
    // Without an element or the likert appearance, a 1–5 list is just a choice.
    expect(byId.plain).toMatchObject({ type: 'single', options: expect.arrayContaining([expect.objectContaining({ value: '3' })]) });
  });

  it('puts notes at the top of the form or a group into descriptions, joined by paragraphs', () => {
    const form = read(
      workbook({
        survey: [
          SURVEY_HEADER,
          q('note', 'intro', 'Xin chào'),
          q('note', 'intro2', 'Cảm ơn Ông/Bà'),
          q('begin_group', 'g1', 'Phần 1'),
          q('note', 'g1_intro', 'Phần này hỏi về thủ tục'),
          q('text', 't', 'Văn bản'),
          q('end_group', '', ''),
        ],
        settings: settings(),
      }),
    ).form;
    expect(form.description).toEqual(L('Xin chào\n\nCảm ơn Ông/Bà', 'Xin chào (en)\n\nCảm ơn Ông/Bà (en)'));
    expect(form.sections[0].description).toEqual(L('Phần này hỏi về thủ tục', 'Phần này hỏi về thủ tục (en)'));
  });

  it('keeps questions outside any group in a section titled with the form', () => {
    const form = read(workbook({ survey: [SURVEY_HEADER, q('text', 'a', 'A'), q('integer', 'b', 'B')], settings: settings() })).form;
    expect(form.sections).toHaveLength(1);
    expect(form.sections[0]).toMatchObject({ id: 'part-1', title: L('Phiếu thử', 'Test form') });
    expect(form.sections[0].items.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('applies a group\'s relevant to every question in it, nested groups too; an inner group names its criteria\'s element', () => {
    const form = read(
      workbook({
        survey: [
          SURVEY_HEADER,
          q('begin_group', 'g1', 'Phần 1'),
          q('select_one yn', 'used', 'Đã dùng?'),
          q('begin group', 'inner', 'Yếu tố tiếp cận', { relevant: "${used} = 'co'" }),
          q('select_one hl5', 'c1', 'Tiêu chí 1', { element: 'E1', relevant: "${used} != ''" }),
          q('end group', '', ''),
          q('end_group', '', ''),
        ],
        choices: [CHOICES_HEADER, ...likertChoices(), ...choices('yn', 'co', 'khong')],
        settings: settings(),
      }),
    ).form;
    expect(form.sections[0].items[1].showIf).toEqual({ op: 'all', conditions: [{ item: 'used', op: 'in', values: ['co'] }, { item: 'used', op: 'answered' }] });
    expect(form.kind === 'interview' && form.scoring?.elements).toEqual([{ id: 'E1', label: L('Yếu tố tiếp cận', 'Yếu tố tiếp cận (en)'), weight: 1 }]);
  });

  it('takes element names and weights from an elements sheet, and criterion weights from a weight column', () => {
    const form = read(
      workbook({
        survey: [
          [...SURVEY_HEADER, 'weight'],
          q('begin_group', 'g1', 'Phần 1'),
          [...q('select_one hl5', 'c1', 'Tiêu chí 1', { element: 'E1' }), 2],
          q('select_one hl5', 'c2', 'Tiêu chí 2', { element: 'E2' }),
          q('end_group', '', ''),
        ],
        choices: [CHOICES_HEADER, ...likertChoices()],
        elements: [
          ['id', 'label::Tiếng Việt (vi)', 'label::English (en)', 'weight'],
          ['E2', 'Thủ tục', 'Procedures', 3],
          ['E1', 'Tiếp cận', 'Access', ''],
        ],
        settings: settings(),
      }),
    ).form;
    expect(form.kind === 'interview' && form.scoring?.elements).toEqual([
      { id: 'E2', label: L('Thủ tục', 'Procedures'), weight: 3 },
      { id: 'E1', label: L('Tiếp cận', 'Access'), weight: 1 },
    ]);
    expect(form.sections[0].items[0]).toMatchObject({ weight: 2 });
  });

  it('a scale without "na" allows no "not applicable", and the scale keeps the standard wording for it', () => {
    const form = read(
      workbook({
        survey: [SURVEY_HEADER, q('begin_group', 'g', 'Phần'), q('select_one s', 'c1', 'Tiêu chí', { element: 'E1' }), q('end_group', '', '')],
        choices: [CHOICES_HEADER, ...likertChoices('s', false)],
        settings: settings(),
      }),
    ).form;
    expect(form.sections[0].items[0]).toMatchObject({ type: 'likert5', allowNA: false });
    expect(form.scale?.na).toEqual(satisfactionScale.na);
  });

  it('reads a kiosk form with its settings as columns or as a kiosk sheet, alike', () => {
    const survey = [
      [...SURVEY_HEADER, 'satisfied_at_least'],
      q('begin_group', 'r', 'Đánh giá'),
      [...q('select_one faces', 'overall', 'Hài lòng không?', { required: 'yes' }), 2],
      q('text', 'why', 'Vì sao?', { relevant: '${overall} <= 1', appearance: 'multiline' }),
      q('end_group', '', ''),
    ];
    const faces = [CHOICES_HEADER, ['faces', 1, 'Không hài lòng', 'Not satisfied'], ['faces', 2, 'Hài lòng', 'Satisfied'], ['faces', 3, 'Rất hài lòng', 'Very satisfied']];
    const asColumns = read(workbook({ survey, choices: faces, settings: settings({ kind: 'kiosk', rating_item: 'overall', follow_up_at_most: 1, follow_up_items: 'why', idle_seconds: 45 }) })).form;
    const asSheet = read(
      workbook({
        survey,
        choices: faces,
        settings: settings({ kind: 'kiosk' }),
        kiosk: [
          ['rating_item', 'follow_up_at_most', 'follow_up_items', 'idle_seconds'],
          ['overall', 1, 'why', 45],
        ],
      }),
    ).form;
    expect(asSheet).toEqual(asColumns);
    expect(asColumns.kind === 'kiosk' && asColumns.kiosk).toEqual({
      ratingItem: 'overall',
      followUpAtMost: 1,
      followUpItems: ['why'],
      thankYouSeconds: 5,
      idleSeconds: 45,
      warningSeconds: 20,
      minIntervalSeconds: 5,
    });
    expect(asColumns.sections[0].items[0]).toMatchObject({ type: 'rating', levels: 3, satisfiedAtLeast: 2, labels: [L('Không hài lòng', 'Not satisfied'), L('Hài lòng', 'Satisfied'), L('Rất hài lòng', 'Very satisfied')] });
  });

  it('keeps a third language, normalises text to NFC, and reads curly quotes in a relevant as straight ones', () => {
    const decomposed = 'Tiếp cận'.normalize('NFD');
    const form = read(
      workbook({
        survey: [
          ['type', 'name', 'label::vi', 'label::en', 'label::Français (fr)', 'relevant'],
          ['begin_group', 'g', decomposed, 'Access', 'Accès'],
          ['select_one yn', 'yn', 'Có hay không', 'Yes or no'],
          ['text', 't', 'Vì sao', 'Why', 'Pourquoi', '${yn} = ‘co’'],
          ['end_group'],
        ],
        choices: [CHOICES_HEADER, ...choices('yn', 'co', 'khong')],
        settings: settings(),
      }),
    ).form;
    expect(form.sections[0].title).toEqual({ vi: 'Tiếp cận', en: 'Access', fr: 'Accès' });
    expect(form.sections[0].title.vi).toBe(form.sections[0].title.vi.normalize('NFC'));
    expect(form.sections[0].items[1]).toMatchObject({ label: { vi: 'Vì sao', en: 'Why', fr: 'Pourquoi' }, showIf: { item: 'yn', op: 'in', values: ['co'] } });
  });
});

describe('the settings sheet', () => {
  it.each([
    ['1.5', '1.5'],
    [1.5, '1.5'],
    ['v2', 'v2'],
    ['0', '0'],
    ['2026-04', '2026-04'],
    ['99999999999', '99999999999'],
  ] as [Cell, string][])('refuses version %j with a clear message', (version, shown) => {
    const e = errors(small({ settingsExtra: { version } }));
    expect(e).toEqual([{ code: 'version-invalid', sheet: 'settings', row: 2, column: 'version', cell: 'B2', params: { value: shown, max: 2147483647 } }]);
    expect(xlsformMessage(e[0], 'vi')).toBe(`Phiên bản “${shown}” không hợp lệ: phải là một số nguyên từ 1 đến 2147483647, ví dụ 1 hoặc 2026041501.`);
    expect(xlsformMessage(e[0], 'en')).toBe(`Version “${shown}” is not valid: it must be a whole number from 1 to 2147483647, e.g. 1 or 2026041501.`);
  });

  it('reads a short title for the start button, in each language, and leaves it out when there is none', () => {
    const form = read(small({ settingsExtra: { 'short_title::vi': 'Phiếu thử 2026', 'short_title::en': 'Test 2026' } })).form;
    expect(form.shortTitle).toEqual({ vi: 'Phiếu thử 2026', en: 'Test 2026' });
    expect(read(small()).form.shortTitle).toBeUndefined();
  });

  it('accepts a date-stamped integer version as ODK users write it', () => {
    expect(read(small({ settingsExtra: { version: 2026041501 } })).form.version).toBe(2026041501);
  });

  it('refuses a missing version, form id or title, and an unknown kind, all at once', () => {
    const e = errors(
      workbook({
        survey: [SURVEY_HEADER, q('text', 't', 'T')],
        settings: [
          ['form_id', 'version', 'kind'],
          ['', '', 'web'],
        ],
      }),
    );
    expect(e.map((x) => [x.code, x.params.setting ?? x.params.value])).toEqual([
      ['setting-missing', 'form_id'],
      ['setting-missing', 'version'],
      ['setting-missing', 'form_title'],
      ['kind-invalid', 'web'],
    ]);
  });

  it('refuses kiosk settings on an interview, and a kiosk form without its rating item', () => {
    expect(errors(small({ settingsExtra: { idle_seconds: 30 } })).map((x) => [x.code, x.cell])).toEqual([['kiosk-setting-in-interview', 'F2']]);
    const e = errors(workbook({ survey: [SURVEY_HEADER, q('text', 't', 'T')], settings: settings({ kind: 'kiosk', rating_item: 't', follow_up_at_most: 0 }) }));
    expect(e.map((x) => [x.code, x.params.name ?? x.params.setting])).toEqual([
      ['kiosk-rating-item-invalid', 't'],
      ['kiosk-setting-invalid', 'follow_up_at_most'],
    ]);
  });
});

/** One survey row added to the small form (at row 5), and what it must be refused for. */
const UNSUPPORTED: [string, Cell[], Partial<XlsFormProblem>][] = [
  ['a repeat', q('begin_repeat', 'rep', 'Lặp'), { code: 'type-unsupported', column: 'type', params: { type: 'begin_repeat' } }],
  ['a calculation', q('calculate', 'calc', ''), { code: 'type-unsupported', params: { type: 'calculate' } }],
  ['a date question', q('date', 'ngay', 'Ngày'), { code: 'type-unsupported', params: { type: 'date' } }],
  ['a location', q('geopoint', 'gps', 'Vị trí'), { code: 'type-unsupported', params: { type: 'geopoint' } }],
  ['start metadata', q('start', 'start', ''), { code: 'type-unsupported', params: { type: 'start' } }],
  ['choices from a file', q('select_one_from_file xa.csv', 'xa', 'Xã'), { code: 'type-unsupported' }],
  ['or_other', q('select_one yn or_other', 'yn2', 'Có/không/khác'), { code: 'type-unsupported' }],
  ['a rank question', q('rank abc', 'rk', 'Xếp hạng'), { code: 'type-unsupported' }],
  ['a select without its list', q('select_one', 's', 'Chọn'), { code: 'list-missing' }],
  ['a list that does not exist', q('select_one khong_co', 's', 'Chọn'), { code: 'list-unknown', params: { list: 'khong_co' } }],
  ['arithmetic in relevant', q('text', 't', 'T', { relevant: '${yn} + 1 > 2' }), { code: 'expression-unreadable', column: 'relevant', cell: 'F5' }],
  ['a function in relevant', q('text', 't', 'T', { relevant: "count-selected(${yn}) > 1" }), { code: 'relevant-unsupported', column: 'relevant' }],
  ['a relevant on a later question', q('text', 't', 'T', { relevant: "${t} != ''" }), { code: 'relevant-later-question', params: { name: 't' } }],
  ['a relevant on an unknown name', q('text', 't', 'T', { relevant: "${khong} = 'co'" }), { code: 'relevant-not-question', params: { name: 'khong' } }],
  ['a relevant on a choice the list lacks', q('text', 't', 'T', { relevant: "${yn} = 'maybe'" }), { code: 'relevant-unknown-choice', params: { name: 'yn', value: 'maybe' } }],
  ['"and" in capitals', q('text', 't', 'T', { relevant: "${yn} = 'co' AND ${c1} >= 4" }), { code: 'expression-unreadable' }],
  ['a regex constraint', q('text', 't', 'T', { constraint: "regex(., '^[0-9]+$')" }), { code: 'constraint-unsupported', column: 'constraint', cell: 'G5' }],
  ['a minimum text length', q('text', 't', 'T', { constraint: 'string-length(.) >= 3' }), { code: 'constraint-unsupported' }],
  ['a constraint on a single choice', q('select_one yn', 's', 'S', { constraint: ". != 'co'" }), { code: 'column-not-for-type', column: 'constraint' }],
  ['an element on a text question', q('text', 't', 'T', { element: 'E1' }), { code: 'column-not-for-type', column: 'element', cell: 'I5' }],
  ['an element on a list that is not 1–5', q('select_one abc', 's', 'S', { element: 'E1' }), { code: 'criterion-list', params: { list: 'abc' } }],
  ['a name with a space', q('text', 'câu 1', 'T'), { code: 'name-invalid', column: 'name', cell: 'B5' }],
  ['a name used twice', q('text', 'yn', 'T'), { code: 'name-duplicate', params: { name: 'yn', firstRow: 4 } }],
  ['a question without a label', q('text', 't', ''), { code: 'label-missing' }],
  ['a note after questions', q('note', 'n', 'Ghi chú'), { code: 'note-position' }],
];

describe('what the reader refuses, naming the row', () => {
  it.each(UNSUPPORTED)('refuses %s', (_what, row, expected) => {
    const e = errors(small({ rows: [row] }));
    expect(e).toContainEqual(expect.objectContaining({ sheet: 'survey', row: 5, ...expected, ...(expected.params ? { params: expect.objectContaining(expected.params) } : {}) }));
    for (const p of e) expect(describeXlsFormProblem(p, 'vi')).toMatch(/^Trang tính “survey”, dòng 5/);
  });

  it.each([
    ['calculation', '${c1} * 2'],
    ['default', 'co'],
    ['choice_filter', "filter = 'x'"],
    ['constraint_message', 'Sai rồi'],
    ['required_message::vi', 'Bắt buộc'],
    ['read_only', 'yes'],
    ['image', 'a.png'],
    ['media::image::vi', 'a.png'],
    ['repeat_count', '3'],
    ['trigger', '${c1}'],
    ['parameters', 'start=1'],
  ])('refuses a value in the %s column, naming the cell', (column, value) => {
    const e = errors(small({ header: [...SURVEY_HEADER, column], rows: [[...q('text', 't', 'T'), value]] }));
    expect(e).toEqual([{ code: 'column-unsupported', sheet: 'survey', row: 5, column, cell: 'J5', params: { column } }]);
  });

  it('lets an unsupported column stay when it is empty, and an unknown one names the likely typo', () => {
    expect(readXlsForm(small({ header: [...SURVEY_HEADER, 'calculation', 'ghi chu'] })).ok).toBe(true);
    expect(errors(small({ header: [...SURVEY_HEADER, 'relevent'], rows: [[...q('text', 't', 'T'), "${yn} = 'co'"]] }))).toEqual([
      { code: 'column-unknown', sheet: 'survey', row: 1, column: 'relevent', cell: 'J1', params: { column: 'relevent', suggestion: 'relevant' } },
    ]);
  });

  it('refuses sheets for features we lack, and a label language it cannot name', () => {
    expect(errors(small({ more: { external_choices: [['list_name', 'name'], ['xa', 'a']] } }))).toEqual([
      { code: 'sheet-unsupported', sheet: 'external_choices', params: { sheet: 'external_choices' } },
    ]);
    expect(errors(small({ header: [...SURVEY_HEADER, 'label::Klingon'] , rows: [[...q('text', 't', 'T'), 'x']] }))).toEqual([
      { code: 'language-unreadable', sheet: 'survey', row: 1, column: 'label::Klingon', cell: 'J1', params: { language: 'Klingon' } },
    ]);
  });

  it('refuses what a group or a note cannot carry: a hint on an inner group, a condition on a note, a group with nothing in it', () => {
    const e = errors(
      workbook({
        survey: [
          ['type', 'name', 'label::vi', 'label::en', 'hint::vi', 'relevant'],
          ['begin_group', 'g1', 'Phần 1', 'Part 1'],
          ['note', 'n1', 'Giới thiệu', 'Intro', '', "${t} != ''"],
          ['begin_group', 'inner', 'Nhóm con', 'Inner', 'Lời dẫn'],
          ['text', 't', 'T', 'T'],
          ['end_group'],
          ['begin_group', 'empty', 'Trống', 'Empty'],
          ['end_group'],
          ['end_group'],
          ['end_group'],
        ],
        settings: settings(),
      }),
    );
    expect(e.map((x) => [x.code, x.row, x.column])).toEqual([
      ['column-not-for-type', 3, 'relevant'],
      ['group-hint-nested', 4, 'hint::vi'],
      ['group-empty', 7, 'name'],
      ['group-end-unmatched', 10, 'type'],
    ]);
  });

  it('collects every error in the file, not just the first', () => {
    const e = errors(
      workbook({
        survey: [
          SURVEY_HEADER,
          q('begin_group', 'g1', 'Phần 1'),
          q('begin_repeat', 'r', 'Lặp'),
          q('text', 't', 'T', { relevant: '${x} = 1' }),
          q('integer', 'n', 'N', { constraint: '. >= 10 and . <= 1' }),
          q('select_one nope', 's', 'S'),
          q('begin_group', 'g2', 'Phần 2'),
        ],
        choices: [CHOICES_HEADER, ['abc', 'a', 'A', 'A'], ['abc', 'a', 'A lần nữa', 'A again']],
        settings: settings({ version: 'một' }),
      }),
    );
    expect(e.map((x) => [x.code, x.sheet, x.row])).toEqual([
      ['version-invalid', 'settings', 2],
      ['choice-duplicate', 'choices', 3],
      ['type-unsupported', 'survey', 3],
      ['relevant-not-question', 'survey', 4],
      ['constraint-bounds', 'survey', 5],
      ['list-unknown', 'survey', 6],
      ['group-unclosed', 'survey', 2],
      ['group-unclosed', 'survey', 7],
    ]);
  });

  it('refuses an element named by two groups, an unknown element and an unused one', () => {
    const survey = [
      SURVEY_HEADER,
      q('begin_group', 'g1', 'Phần 1'),
      q('select_one hl5', 'c1', 'Tiêu chí 1', { element: 'E1' }),
      q('end_group', '', ''),
      q('begin_group', 'g2', 'Phần 2'),
      q('select_one hl5', 'c2', 'Tiêu chí 2', { element: 'E1' }),
      q('end_group', '', ''),
    ];
    const choicesSheet = [CHOICES_HEADER, ...likertChoices()];
    expect(errors(workbook({ survey, choices: choicesSheet, settings: settings() }))).toEqual([
      { code: 'element-label-ambiguous', sheet: 'survey', row: 6, column: 'element', cell: 'I6', params: { element: 'E1', first: 'Phần 1', second: 'Phần 2' } },
    ]);
    const e = errors(workbook({ survey, choices: choicesSheet, settings: settings(), elements: [['id', 'label::vi', 'label::en'], ['E9', 'Chín', 'Nine']] }));
    expect(e.map((x) => [x.code, x.sheet, x.row])).toEqual([
      ['element-unknown', 'survey', 3],
      ['element-unknown', 'survey', 6],
      ['element-unused', 'elements', 2],
    ]);
  });
});

describe('messages', () => {
  it('every problem code reads in Vietnamese and English', () => {
    const params = { sheet: 's', column: 'c', other: 'o', setting: 'x', value: 'v', max: 9, type: 't', list: 'l', name: 'n', firstRow: 2, levels: 3, element: 'E1', first: 'a', second: 'b', expression: 'e', position: 1, near: 'n', part: 'p', depth: 12, measure: 'integer', min: 1, language: 'en', rows: '2', count: 1, detail: 'd' };
    for (const code of XLSFORM_CODES) {
      for (const locale of ['vi', 'en'] as const) {
        const text = xlsformMessage({ code, params }, locale);
        expect(text, `${code} ${locale}`).toMatch(/\S/);
        expect(text, `${code} ${locale}`).not.toMatch(/undefined|\[object/);
      }
      expect(xlsformMessage({ code, params }, 'vi'), code).not.toBe(xlsformMessage({ code, params }, 'en'));
    }
  });
});
