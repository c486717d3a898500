// The built-in forms are a public contract: their ids, criteria and kiosk settings must not drift.
import { describe, expect, it } from 'vitest';
import { allItems, FormDefinition, parseForm, type Item, type LocalizedText } from '../schema';
import { visibleItems } from '../visibility';
import { validateAnswers } from '../../response/validate';
import { builtinFormInputs, builtinForms, getBuiltinForm } from './index';

function form(id: string): FormDefinition {
  const f = getBuiltinForm(id);
  if (!f) throw new Error(`no built-in form ${id}`);
  return f;
}

const likert = (f: FormDefinition) => allItems(f).filter((i): i is Extract<Item, { type: 'likert5' }> => i.type === 'likert5');

function countByElement(f: FormDefinition): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of likert(f)) counts[i.element ?? '?'] = (counts[i.element ?? '?'] ?? 0) + 1;
  return counts;
}

/** Every LocalizedText anywhere in a definition, with where it sits. */
function labels(value: unknown, path = ''): { path: string; text: LocalizedText }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => labels(v, `${path}.${i}`));
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.vi === 'string' && typeof o.en === 'string') return [{ path, text: o as LocalizedText }];
    return Object.entries(o).flatMap(([k, v]) => labels(v, `${path}.${k}`));
  }
  return [];
}

describe('built-in forms', () => {
  it('every built-in form parses, with the public ids and version 1', () => {
    for (const input of builtinFormInputs) expect(parseForm(input)).toMatchObject({ ok: true });
    expect(builtinForms.map((f) => [f.id, f.version, f.kind])).toEqual([
      ['sipas-2017', 1, 'interview'],
      ['sipas-2023', 1, 'interview'],
      ['desk-rating', 1, 'kiosk'],
    ]);
  });

  it('getBuiltinForm finds by id and optional version, and nothing else', () => {
    expect(getBuiltinForm('sipas-2017')?.id).toBe('sipas-2017');
    expect(getBuiltinForm('desk-rating', 1)?.kind).toBe('kiosk');
    expect(getBuiltinForm('sipas-2017', 2)).toBeUndefined();
    expect(getBuiltinForm('sipas-2019')).toBeUndefined();
  });

  it('every label has Vietnamese and English, in NFC, and Vietnamese wording actually carries diacritics', () => {
    for (const f of builtinForms) {
      const all = labels(f);
      expect(all.length).toBeGreaterThan(10);
      for (const { path, text } of all) {
        expect(text.vi.trim(), `${f.id}${path}.vi`).not.toBe('');
        expect(text.en.trim(), `${f.id}${path}.en`).not.toBe('');
        // Decomposed accents look right but break search and equality in exports.
        expect(text.vi, `${f.id}${path}.vi`).toBe(text.vi.normalize('NFC'));
      }
      // A form typed without accents ("Rat hai long") would still parse; catch it here.
      const withDiacritics = all.filter(({ text }) => [...text.vi].some((ch) => ch.codePointAt(0)! > 0x7f)).length;
      expect(withDiacritics / all.length, f.id).toBeGreaterThan(0.8);
    }
  });
});

describe('sipas-2017', () => {
  const f = form('sipas-2017');

  it('has exactly 22 required likert5 criteria E1.1…E5.4 in 5 elements of 4, 5, 6, 3 and 4', () => {
    const ids = likert(f).map((i) => i.id);
    const expected = [4, 5, 6, 3, 4].flatMap((n, e) => Array.from({ length: n }, (_, c) => `E${e + 1}.${c + 1}`));
    expect(ids).toEqual(expected);
    expect(ids).toHaveLength(22);
    expect(countByElement(f)).toEqual({ E1: 4, E2: 5, E3: 6, E4: 3, E5: 4 });
    for (const i of likert(f)) {
      expect(i.element).toBe(i.id.split('.')[0]);
      expect(i.required).toBe(true);
      expect(i.allowNA).toBe(true);
    }
  });

  it('scores the 5 elements with equal weights and their names', () => {
    expect(f.kind).toBe('interview');
    if (f.kind !== 'interview') return;
    expect(f.scoring?.elements.map((e) => [e.id, e.weight])).toEqual([
      ['E1', 1],
      ['E2', 1],
      ['E3', 1],
      ['E4', 1],
      ['E5', 1],
    ]);
    expect(f.scoring?.elements[0].label.vi).toBe('Tiếp cận dịch vụ hành chính công');
    expect(f.scale?.levels.map((l) => l.vi)).toEqual([
      'Rất không hài lòng',
      'Không hài lòng',
      'Bình thường',
      'Hài lòng',
      'Rất hài lòng',
    ]);
    expect(f.scale?.na.vi).toBe('Không áp dụng / Không biết');
  });

  it('asks demographics with coded values, priorities (at most 3 of the 5 elements) and an optional comment', () => {
    const byId = new Map(allItems(f).map((i) => [i.id, i]));
    for (const id of ['gender', 'age', 'ethnicity', 'education', 'occupation', 'residence']) expect(byId.get(id)?.type, id).toBe('single');
    const age = byId.get('age');
    expect(age?.type === 'single' && age.options.map((o) => o.value)).toEqual(['18-25', '26-34', '35-49', '50-60', 'over-60']);
    const gender = byId.get('gender');
    expect(gender?.type === 'single' && gender.options.map((o) => o.value)).toEqual(['male', 'female']);
    const priorities = byId.get('priorities');
    expect(priorities?.type === 'multi' && [priorities.max, priorities.options.map((o) => o.value)]).toEqual([
      3,
      ['E1', 'E2', 'E3', 'E4', 'E5'],
    ]);
    expect(byId.get('comment')).toMatchObject({ type: 'longtext', required: false });
  });

  it('shows "other occupation" only to someone whose occupation is other', () => {
    const shown = (answers: Record<string, string>) => visibleItems(f, answers).some((i) => i.id === 'occupation-other');
    expect(shown({})).toBe(false);
    expect(shown({ occupation: 'retired' })).toBe(false);
    expect(shown({ occupation: 'other' })).toBe(true);
  });

  it('a complete interview validates; a missing criterion or a fourth priority does not', () => {
    const answers: Record<string, number | string | string[]> = {};
    for (const i of likert(f)) answers[i.id] = 4;
    answers['E2.4'] = 'na';
    answers.priorities = ['E1', 'E3'];
    expect(validateAnswers(f, answers)).toEqual([]);
    const { ['E3.6']: _dropped, ...missing } = answers;
    expect(validateAnswers(f, missing)).toEqual([{ path: 'answers.E3.6', message: 'is required' }]);
    expect(validateAnswers(f, { ...answers, priorities: ['E1', 'E2', 'E3', 'E4'] })).toEqual([
      { path: 'answers.priorities', message: 'allows at most 3 choices' },
    ]);
  });
});

describe('sipas-2023', () => {
  const f = form('sipas-2023');

  it('has exactly 19 required likert5 criteria E1.1…E5.3 in 5 elements of 4, 4, 5, 3 and 3', () => {
    const expected = [4, 4, 5, 3, 3].flatMap((n, e) => Array.from({ length: n }, (_, c) => `E${e + 1}.${c + 1}`));
    expect(likert(f).map((i) => i.id)).toEqual(expected);
    expect(expected).toHaveLength(19);
    expect(countByElement(f)).toEqual({ E1: 4, E2: 4, E3: 5, E4: 3, E5: 3 });
    expect(likert(f).every((i) => i.required)).toBe(true);
    expect(f.kind === 'interview' && f.scoring?.elements.map((e) => e.id)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5']);
  });

  it('asks the 9 priorities P1…P9, each rất nhiều / nhiều / ít, and ends with an open comment', () => {
    const priorities = allItems(f).filter((i) => /^P\d$/.test(i.id));
    expect(priorities.map((i) => i.id)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9']);
    for (const p of priorities) {
      expect(p.type).toBe('single');
      if (p.type !== 'single') continue;
      expect(p.options.map((o) => [o.value, o.label.vi])).toEqual([
        ['very-much', 'Rất nhiều'],
        ['much', 'Nhiều'],
        ['little', 'Ít'],
      ]);
    }
    expect(new Set(priorities.map((p) => p.label.vi)).size).toBe(9);
    expect(allItems(f).at(-1)).toMatchObject({ id: 'comment', type: 'longtext', required: false });
  });
});

describe('desk-rating', () => {
  const f = form('desk-rating');

  it('rates on 3 faces, satisfied from level 2, with the kiosk timings in the form', () => {
    expect(f.kind).toBe('kiosk');
    if (f.kind !== 'kiosk') return;
    const overall = allItems(f).find((i) => i.id === 'overall');
    expect(overall?.type === 'rating' && [overall.levels, overall.satisfiedAtLeast, overall.labels.map((l) => l.vi)]).toEqual([
      3,
      2,
      ['Không hài lòng', 'Hài lòng', 'Rất hài lòng'],
    ]);
    expect(f.kiosk).toEqual({
      ratingItem: 'overall',
      followUpAtMost: 1,
      followUpItems: ['reasons', 'comment'],
      thankYouSeconds: 5,
      idleSeconds: 30,
      warningSeconds: 20,
      minIntervalSeconds: 5,
    });
  });

  it('asks for reasons and a comment only from someone who was not satisfied', () => {
    const ids = (overall?: number) => visibleItems(f, overall === undefined ? {} : { overall }).map((i) => i.id);
    expect(ids()).toEqual(['overall']);
    expect(ids(1)).toEqual(['overall', 'reasons', 'comment']);
    expect(ids(2)).toEqual(['overall']);
    expect(ids(3)).toEqual(['overall']);
    const reasons = allItems(f).find((i) => i.id === 'reasons');
    expect(reasons?.type === 'multi' && reasons.options.map((o) => o.value)).toEqual([
      'waiting-time',
      'trips',
      'attitude',
      'guidance',
      'publicity',
      'fees',
      'other',
    ]);
  });

  it('a happy rating with reasons attached is refused; an unhappy one with reasons is fine', () => {
    expect(validateAnswers(f, { overall: 1, reasons: ['trips', 'fees'], comment: 'Chờ quá lâu' })).toEqual([]);
    expect(validateAnswers(f, { overall: 3, reasons: ['trips'] })).toEqual([
      { path: 'answers.reasons', message: 'answers a question that was not shown' },
    ]);
    expect(validateAnswers(f, { overall: 4 })).toEqual([{ path: 'answers.overall', message: 'must be an integer 1–3' }]);
    expect(validateAnswers(f, {})).toEqual([{ path: 'answers.overall', message: 'is required' }]);
  });
});
