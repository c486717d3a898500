// The CSV "in words": every coded cell becomes its codebook meaning, the rest stays as it was.
import { describe, expect, it } from 'vitest';
import { FormDefinition, type FormInput } from '../forms/schema';
import type { Response } from '../response/schema';
import { exportColumns } from './columns';
import { createRowLabeller } from './labelled';
import { createRowEncoder } from './rows';

const T = (vi: string, en: string) => ({ vi, en });
const form = FormDefinition.parse({
  id: 'test-labels',
  version: 1,
  kind: 'interview',
  title: T('Phiếu thử', 'Test form'),
  scale: {
    levels: [T('Rất không hài lòng', 'Very dissatisfied'), T('Không hài lòng', 'Dissatisfied'), T('Bình thường', 'Neutral'), T('Hài lòng', 'Satisfied'), T('Rất hài lòng', 'Very satisfied')],
    na: T('Không áp dụng / không biết', 'Not applicable / don’t know'),
  },
  sections: [
    {
      id: 's',
      title: T('Phần', 'Part'),
      items: [
        { id: 'E1.1', type: 'likert5', label: T('Chỗ ngồi', 'Seats'), element: 'E1', allowNA: true },
        { id: 'E1.2', type: 'likert5', label: T('Thiết bị', 'Equipment'), element: 'E1', allowNA: true },
        { id: 'sex', type: 'single', label: T('Giới tính', 'Sex'), options: [{ value: 'm', label: T('Nam', 'Male') }, { value: 'f', label: T('Nữ', 'Female') }] },
        {
          id: 'prio',
          type: 'multi',
          label: T('Cần cải thiện', 'To improve'),
          options: [{ value: 'time', label: T('Thời gian', 'Time') }, { value: 'fees', label: T('Phí', 'Fees') }],
        },
        { id: 'delta', type: 'number', label: T('Chênh lệch', 'Difference') },
        { id: 'comment', type: 'longtext', label: T('Góp ý', 'Comment') },
      ],
    },
  ],
  scoring: { elements: [{ id: 'E1', label: T('Tiếp cận', 'Access') }] },
} satisfies FormInput);

const response: Response = {
  id: '01969a3e-7b2c-7c3d-8e4f-a1b2c3d4e5f6',
  formId: 'test-labels',
  formVersion: 1,
  mode: 'interview',
  siteId: 'hp-01',
  deviceId: 'dev-1',
  enumeratorId: 'enum-7',
  procedure: null,
  locale: 'vi',
  startedAt: '2026-03-02T08:00:00+07:00',
  completedAt: '2026-03-02T08:12:30+07:00',
  answers: { 'E1.1': 4, 'E1.2': 'na', sex: 'f', prio: ['fees', 'time'], delta: 3, comment: 'Nhanh' },
  durationMs: {},
  flags: ['followup-unanswered'],
  appVersion: '0.1.0',
};

describe('createRowLabeller', () => {
  const coded = createRowEncoder(form)(response, { siteCode: 'HP-01', siteName: 'Lê Lợi', localDay: '2026-03-02', flags: ['too-fast'] });
  const cell = (row: unknown[], key: string) => row[exportColumns(form, 'vi').findIndex((c) => c.key === key)];

  it('puts the codebook meaning in every coded cell, in the chosen language', () => {
    const vi = createRowLabeller(form, 'vi')(coded);
    expect(cell(vi, 'E1.1')).toBe('Hài lòng');
    expect(cell(vi, 'E1.2')).toBe('Không áp dụng / không biết');
    expect(cell(vi, 'sex')).toBe('Nữ');
    // Form option order, as in the coded cell ("time;fees").
    expect(cell(vi, 'prio')).toBe('Thời gian; Phí');
    expect(cell(vi, 'mode')).toBe('Phỏng vấn');
    expect(cell(vi, 'flags')).toBe('Bỏ dở câu hỏi tiếp theo; Quá nhanh (dưới một nửa thời lượng trung vị)');
    const en = createRowLabeller(form, 'en')(coded);
    expect(cell(en, 'E1.1')).toBe('Satisfied');
    expect(cell(en, 'mode')).toBe('Interview');
  });

  it('leaves numbers, free text, blanks and the columns after the form as they are', () => {
    const row = createRowLabeller(form, 'vi')([...coded, 'lỗi nhập']);
    expect(cell(row, 'delta')).toBe(3);
    expect(cell(row, 'comment')).toBe('Nhanh');
    expect(cell(row, 'procedureCode')).toBeNull();
    expect(row.at(-1)).toBe('lỗi nhập');
    expect(row).toHaveLength(coded.length + 1);
  });
});
