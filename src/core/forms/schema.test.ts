// A malformed form definition must be refused whole, with messages that name where the mistake is.
import { describe, expect, it } from 'vitest';
import { parseForm, type FormInput } from './schema';

const scale = {
  levels: [1, 2, 3, 4, 5].map((n) => ({ vi: `Mức ${n}`, en: `Level ${n}` })),
  na: { vi: 'Không áp dụng', en: 'Not applicable' },
};

function interview(items: unknown[], extra: Record<string, unknown> = {}): unknown {
  return {
    id: 'test-form',
    version: 1,
    kind: 'interview',
    title: { vi: 'Phiếu thử', en: 'Test form' },
    scale,
    sections: [{ id: 's1', title: { vi: 'Phần 1', en: 'Part 1' }, items }],
    scoring: { elements: [{ id: 'E1', label: { vi: 'Yếu tố 1', en: 'Element 1' } }] },
    ...extra,
  };
}

const q = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'likert5', element: 'E1', label: { vi: `Câu ${id}`, en: `Question ${id}` }, ...extra });

const kiosk = (ratingExtra: Record<string, unknown> = {}, kioskExtra: Record<string, unknown> = {}): unknown => ({
  id: 'kiosk-test',
  version: 1,
  kind: 'kiosk',
  title: { vi: 'Đánh giá', en: 'Rating' },
  sections: [
    {
      id: 's1',
      title: { vi: 'Đánh giá', en: 'Rating' },
      items: [
        {
          id: 'overall',
          type: 'rating',
          label: { vi: 'Hài lòng không?', en: 'Satisfied?' },
          levels: 3,
          labels: [
            { vi: 'Không hài lòng', en: 'Not satisfied' },
            { vi: 'Hài lòng', en: 'Satisfied' },
            { vi: 'Rất hài lòng', en: 'Very satisfied' },
          ],
          satisfiedAtLeast: 2,
          ...ratingExtra,
        },
        { id: 'why', type: 'longtext', label: { vi: 'Vì sao?', en: 'Why?' }, showIf: { item: 'overall', op: 'lte', value: 1 } },
      ],
    },
  ],
  kiosk: { ratingItem: 'overall', followUpAtMost: 1, followUpItems: ['why'], ...kioskExtra },
});

function errorsOf(input: unknown): string[] {
  const r = parseForm(input);
  if (r.ok) throw new Error('expected the definition to be refused');
  return r.errors;
}

describe('parseForm', () => {
  it('accepts a small well-formed interview and fills the defaults', () => {
    const r = parseForm(interview([q('a'), q('b', { showIf: { item: 'a', op: 'gte', value: 4 } })]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.form.sections[0].items[0]).toMatchObject({ required: false, allowNA: true, weight: 1 });
    expect(parseForm(kiosk()).ok).toBe(true);
  });

  it('refuses a duplicate item id, naming the second one', () => {
    expect(errorsOf(interview([q('a'), q('a')]))).toContain('sections.0.items.1.id: duplicate item id "a"');
  });

  it('refuses a duplicate across sections too', () => {
    const input = interview([q('a')]) as { sections: unknown[] };
    input.sections.push({ id: 's2', title: { vi: 'Phần 2', en: 'Part 2' }, items: [q('a')] });
    expect(errorsOf(input)).toContain('sections.1.items.0.id: duplicate item id "a"');
  });

  it('refuses a showIf on a later item or on itself', () => {
    expect(errorsOf(interview([q('a', { showIf: { item: 'b', op: 'answered' } }), q('b')]))).toContain(
      'sections.0.items.0.showIf.item: showIf refers to "b", which is not an earlier item',
    );
    expect(errorsOf(interview([q('a', { showIf: { item: 'a', op: 'answered' } })]))).toContain(
      'sections.0.items.0.showIf.item: showIf refers to "a", which is not an earlier item',
    );
  });

  it('accepts a condition tree and refuses a leaf in it on a later item, naming where in the tree', () => {
    const tree = { op: 'all', conditions: [{ item: 'a', op: 'gte', value: 4 }, { op: 'not', condition: { item: 'c', op: 'answered' } }] };
    expect(parseForm(interview([q('a'), q('c'), q('b', { showIf: tree })])).ok).toBe(true);
    expect(errorsOf(interview([q('a'), q('b', { showIf: tree }), q('c')]))).toEqual([
      'sections.0.items.1.showIf.conditions.1.condition.item: showIf refers to "c", which is not an earlier item',
    ]);
    expect(errorsOf(interview([q('a'), q('b', { showIf: { op: 'any', conditions: [] } })]))).toEqual(['sections.0.items.1.showIf.conditions: must not be empty']);
    expect(errorsOf(interview([q('a'), q('b', { showIf: { op: 'either', conditions: [] } })]))).toEqual([
      'sections.0.items.1.showIf.op: expected one of "answered", "in", "notIn", "lte", "gte", "all", "any", "not"',
    ]);
  });

  it('refuses a condition nested deeper than any form needs', () => {
    let deep: unknown = { item: 'a', op: 'answered' };
    for (let i = 0; i < 12; i++) deep = { op: 'not', condition: deep };
    expect(errorsOf(interview([q('a'), q('b', { showIf: deep })]))).toEqual(['sections.0.items.1.showIf: is nested more than 12 levels deep']);
  });

  it('refuses an unknown item type and a wrongly typed field, naming the path', () => {
    expect(errorsOf(interview([q('a'), { ...q('b'), type: 'slider' }]))).toEqual([
      'sections.0.items.1.type: expected one of "likert5", "single", "multi", "number", "text", "longtext", "rating"',
    ]);
    expect(errorsOf(interview([q('a', { required: 'yes' })]))).toEqual(['sections.0.items.0.required: expected a boolean']);
    expect(errorsOf({ ...(interview([q('a')]) as object), version: '1' })).toEqual(['version: expected a number']);
    expect(errorsOf({ ...(interview([q('a')]) as object), version: 1.5 })).toEqual(['version: expected an integer']);
    expect(errorsOf({ ...(interview([q('a')]) as object), kind: 'web' })).toEqual(['kind: expected one of "interview", "kiosk"']);
  });

  it('refuses a label without Vietnamese, or with it empty', () => {
    expect(errorsOf(interview([q('a', { label: { en: 'Only English' } })]))).toEqual(['sections.0.items.0.label.vi: expected a string']);
    expect(errorsOf(interview([q('a', { label: { vi: '', en: 'Empty' } })]))).toEqual(['sections.0.items.0.label.vi: must not be empty']);
    const noTitle = { ...(interview([q('a')]) as object), title: { vi: 'Phiếu' } };
    expect(errorsOf(noTitle)).toEqual(['title.en: expected a string']);
  });

  it('refuses a criterion of an element the scoring does not know', () => {
    expect(errorsOf(interview([q('a', { element: 'E9' })]))).toContain('sections.0.items.0.element: element "E9" is not in scoring.elements');
  });

  it('refuses likert5 items when the form has no scale labels', () => {
    expect(errorsOf(interview([q('a')], { scale: undefined }))).toContain('sections.0.items.0.type: a likert5 item needs the form-level "scale" labels');
  });

  it('refuses a scale with other than 5 level labels', () => {
    const four = { ...scale, levels: scale.levels.slice(0, 4) };
    expect(errorsOf(interview([q('a')], { scale: four }))).toEqual(['scale.levels: must have at least 5 items']);
  });

  it('refuses repeated option values and a single choice with one option', () => {
    const opt = (value: string) => ({ value, label: { vi: value, en: value } });
    const single = (options: unknown[]) => ({ id: 'c', type: 'single', label: { vi: 'Chọn', en: 'Choose' }, options });
    expect(errorsOf(interview([single([opt('x'), opt('x')])]))).toContain('sections.0.items.0.options: option values must be unique');
    expect(errorsOf(interview([single([opt('x')])]))).toEqual(['sections.0.items.0.options: must have at least 2 items']);
  });

  it('refuses ids that are not identifiers', () => {
    const message = 'sections.0.items.0.id: ids start with a letter and use letters, digits, _ . -';
    expect(errorsOf(interview([q('1a')]))).toEqual([message]);
    expect(errorsOf(interview([q('a b')]))).toEqual([message]);
  });

  it('refuses a rating whose labels do not match its levels, or whose satisfied level is out of range', () => {
    expect(errorsOf(kiosk({ levels: 5 }))).toContain('sections.0.items.0.labels: expected 5 labels');
    expect(errorsOf(kiosk({ levels: 4 })).some((e) => e.startsWith('sections.0.items.0.levels:'))).toBe(true);
    expect(errorsOf(kiosk({ satisfiedAtLeast: 4 }))).toContain('sections.0.items.0.satisfiedAtLeast: must be at most 3');
  });

  it('refuses kiosk settings that name a missing or non-rating item', () => {
    expect(errorsOf(kiosk({}, { ratingItem: 'why' }))).toContain('kiosk.ratingItem: must name a rating item of this form');
    expect(errorsOf(kiosk({}, { ratingItem: 'nope' }))).toContain('kiosk.ratingItem: must name a rating item of this form');
    expect(errorsOf(kiosk({}, { followUpItems: ['why', 'ghost'] }))).toContain('kiosk.followUpItems.1: unknown item "ghost"');
    const { kiosk: _settings, ...noSettings } = kiosk() as Record<string, unknown>;
    expect(errorsOf(noSettings).some((e) => e.startsWith('kiosk:'))).toBe(true);
  });

  it('refuses an empty section and a form with no sections', () => {
    expect(errorsOf(interview([]))).toEqual(['sections.0.items: must not be empty']);
    expect(errorsOf({ ...(interview([q('a')]) as object), sections: [] })).toEqual(['sections: must not be empty']);
  });

  it('reports every problem at once, not just the first', () => {
    const errors = errorsOf(interview([q('a', { element: 'E9' }), q('a'), q('c', { showIf: { item: 'z', op: 'answered' } })]));
    expect(errors.length).toBeGreaterThanOrEqual(3);
  });

  it('types the built-in shape: a FormInput literal compiles and parses', () => {
    const input: FormInput = {
      id: 'typed',
      version: 2,
      kind: 'interview',
      title: { vi: 'Có dấu', en: 'Typed' },
      sections: [{ id: 's', title: { vi: 'Phần', en: 'Part' }, items: [{ id: 'n', type: 'number', label: { vi: 'Số', en: 'Number' }, min: 0 }] }],
    };
    expect(parseForm(input).ok).toBe(true);
  });
});
