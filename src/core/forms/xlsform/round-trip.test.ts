// A form downloaded as XLSForm (or JSON) and uploaded again must be the same form: the built-in ones, and random ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinForms } from '../builtin';
import { satisfactionScale } from '../builtin/satisfaction-scale';
import { FormDefinition, parseForm, type Condition, type FormInput, type LocalizedText } from '../schema';
import { describeXlsFormProblem, readXlsForm, writeXlsForm } from './index';
import { simplify } from './relevant';

function roundTrip(form: FormDefinition): FormDefinition {
  const written = writeXlsForm(form);
  if (!written.ok) throw new Error(`could not write ${form.id}: ${JSON.stringify(written.errors)}`);
  const read = readXlsForm(written.workbook);
  if (!read.ok) throw new Error(`could not read ${form.id} back:\n${read.errors.map((e) => describeXlsFormProblem(e, 'en')).join('\n')}`);
  expect(read.warnings).toEqual([]);
  return read.form;
}

describe('the built-in forms', () => {
  it.each(builtinForms.map((f) => [f.id, f] as const))('%s reads back from its XLSForm as the same definition', (_id, form) => {
    expect(roundTrip(form)).toEqual(form);
  });

  it.each(builtinForms.map((f) => [f.id, f] as const))('%s reads back from its JSON as the same definition', (_id, form) => {
    expect(parseForm(JSON.parse(JSON.stringify(form)))).toEqual({ ok: true, form });
  });

  it('are written as a person would write them: one list for the scale, shared lists, groups for sections, the kiosk settings', () => {
    const sipas = writeXlsForm(builtinForms.find((f) => f.id === 'sipas-2023')!);
    if (!sipas.ok) throw new Error('not written');
    const survey = sipas.workbook.survey;
    expect(survey[0].cells.slice(0, 4)).toEqual(['type', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)']);
    const types = survey.slice(1).map((r) => r.cells[0]);
    expect(types.filter((t) => t === 'select_one scale')).toHaveLength(19);
    // The nine priorities share one list of rất nhiều / nhiều / ít.
    expect(new Set(types.filter((t) => String(t).startsWith('select_one P')))).toEqual(new Set(['select_one P1']));
    expect(types.filter((t) => t === 'begin_group')).toHaveLength(builtinForms.find((f) => f.id === 'sipas-2023')!.sections.length);
    const desk = writeXlsForm(builtinForms.find((f) => f.id === 'desk-rating')!);
    if (!desk.ok) throw new Error('not written');
    const [header, values] = desk.workbook.settings.map((r) => r.cells);
    expect(Object.fromEntries(header.map((h, i) => [h, values[i]]))).toMatchObject({ form_id: 'desk-rating', version: '1', kind: 'kiosk', rating_item: 'overall', follow_up_items: 'reasons comment' });
    expect(desk.workbook.survey.find((r) => r.cells[1] === 'reasons')?.cells).toContain('${overall} <= 1');
  });
});

// --- random definitions within what XLSForm can say ----------------------------------------------------------

const WORDS = ['Thủ tục', 'Công chức', 'Hồ sơ', 'Phí, lệ phí', 'Thời gian chờ', 'Ông/Bà có hài lòng?', 'Ý kiến khác', 'Đúng hẹn'];
const EN = ['Procedure', 'Civil servant', 'Dossier', 'Fees', 'Waiting time', 'Are you satisfied?', 'Other comments', 'On time'];

type ItemInput = FormInput['sections'][number]['items'][number];

const definition: fc.Arbitrary<FormInput> = fc.gen().map((g) => {
  let counter = 0;
  const withFr = g(fc.boolean);
  const text = (): LocalizedText => {
    const i = g(fc.nat, { max: WORDS.length - 1 });
    const n = ++counter;
    return { vi: `${WORDS[i]} ${n}`, en: `${EN[i]} ${n}`, ...(withFr && g(fc.boolean) ? { fr: `Texte ${n}` } : {}) };
  };
  const items: ItemInput[] = [];
  const sections: FormInput['sections'] = [];
  const elementsUsed: string[] = [];
  let anyNA = false;
  let likerts = 0;

  /** A condition on a random earlier item, shaped for its type. */
  const leafOn = (item: ItemInput): Condition => {
    switch (item.type) {
      case 'single':
      case 'multi': {
        const values = item.options.map((o) => o.value);
        const op = g(fc.constantFrom, 'in' as const, 'notIn' as const, 'answered' as const);
        return op === 'answered' ? { item: item.id, op } : { item: item.id, op, values: g(fc.subarray, values, { minLength: 1 }) };
      }
      case 'likert5':
      case 'number': {
        const op = g(fc.constantFrom, 'lte' as const, 'gte' as const, 'in' as const, 'answered' as const);
        if (op === 'answered') return { item: item.id, op };
        if (op === 'in') return { item: item.id, op, values: [g(fc.integer, { min: 1, max: 5 })] };
        return { item: item.id, op, value: g(fc.integer, { min: 1, max: 5 }) };
      }
      default:
        return { item: item.id, op: 'answered' };
    }
  };
  const conditionOn = (earlier: ItemInput[]): Condition => {
    const pick = () => leafOn(earlier[g(fc.nat, { max: earlier.length - 1 })]);
    const shape = g(fc.constantFrom, 'leaf', 'all', 'any', 'not');
    const raw: Condition =
      shape === 'leaf' ? pick() : shape === 'not' ? { op: 'not', condition: pick() } : { op: shape, conditions: [pick(), pick()] };
    return simplify(raw);
  };

  const sectionCount = g(fc.integer, { min: 1, max: 3 });
  for (let s = 0; s < sectionCount; s++) {
    const sectionItems: ItemInput[] = [];
    const itemCount = g(fc.integer, { min: 1, max: 4 });
    for (let i = 0; i < itemCount; i++) {
      const id = `q${items.length + 1}`;
      const base = {
        id,
        label: text(),
        required: g(fc.boolean),
        ...(g(fc.boolean) ? { help: text() } : {}),
        ...(items.length && g(fc.boolean) ? { showIf: conditionOn(items) } : {}),
      };
      const type = g(fc.constantFrom, 'likert5', 'single', 'multi', 'number', 'text', 'longtext');
      const options = () => Array.from({ length: g(fc.integer, { min: 2, max: 4 }) }, (_, k) => ({ value: `o${k + 1}`, label: text() }));
      let item: ItemInput;
      if (type === 'likert5') {
        const element = g(fc.constantFrom, 'E1', 'E2', undefined);
        const allowNA = g(fc.boolean);
        anyNA ||= allowNA;
        likerts++;
        if (element && !elementsUsed.includes(element)) elementsUsed.push(element);
        item = { ...base, type, allowNA, weight: element ? g(fc.constantFrom, 1, 2, 0.5) : 1, ...(element ? { element } : {}) };
      } else if (type === 'single') item = { ...base, type, options: options() };
      else if (type === 'multi') {
        const opts = options();
        item = { ...base, type, options: opts, ...(g(fc.boolean) ? { max: g(fc.integer, { min: 1, max: opts.length }) } : {}) };
      } else if (type === 'number') {
        const integer = g(fc.boolean);
        const min = g(fc.option, fc.integer({ min: -5, max: 4 }), { nil: undefined });
        const max = g(fc.option, fc.integer({ min: 5, max: 100 }), { nil: undefined });
        item = { ...base, type, integer, ...(min !== undefined ? { min: integer ? min : min + 0.5 } : {}), ...(max !== undefined ? { max } : {}) };
      } else if (type === 'text') item = { ...base, type, maxLength: g(fc.constantFrom, 50, 200, 300) };
      else item = { ...base, type, maxLength: g(fc.constantFrom, 2000, 500) };
      sectionItems.push(item);
      items.push(item);
    }
    sections.push({ id: `s${s + 1}`, title: text(), ...(g(fc.boolean) ? { description: text() } : {}), items: sectionItems });
  }
  return {
    id: 'random-form',
    version: g(fc.integer, { min: 1, max: 2026041501 }),
    kind: 'interview',
    title: text(),
    ...(g(fc.boolean) ? { description: text() } : {}),
    // With no list holding "na", the reader gives the standard wording for it.
    ...(likerts ? { scale: { levels: [1, 2, 3, 4, 5].map(() => text()), na: anyNA ? text() : satisfactionScale.na } } : {}),
    sections,
    ...(elementsUsed.length ? { scoring: { elements: elementsUsed.map((id) => ({ id, label: text(), weight: g(fc.constantFrom, 1, 2) })) } } : {}),
  } satisfies FormInput;
});

describe('random definitions', () => {
  it('read back from the XLSForm the writer makes as the same definition', () => {
    fc.assert(
      fc.property(definition, (input) => {
        const parsed = FormDefinition.safeParse(input);
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
        if (!parsed.success) return;
        expect(roundTrip(parsed.data)).toEqual(parsed.data);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what the writer cannot say', () => {
  it('refuses an option value with a space, which XLSForm choice names cannot hold', () => {
    const form = FormDefinition.parse({
      id: 'x',
      version: 1,
      kind: 'interview',
      title: { vi: 'X', en: 'X' },
      sections: [{ id: 's', title: { vi: 'S', en: 'S' }, items: [{ id: 'a', type: 'single', label: { vi: 'A', en: 'A' }, options: [{ value: 'có thể', label: { vi: 'Có thể', en: 'Maybe' } }, { value: 'no', label: { vi: 'Không', en: 'No' } }] }] }],
    });
    expect(writeXlsForm(form)).toEqual({ ok: false, errors: [{ code: 'choice-name-invalid', params: { list: 'a', name: 'có thể' } }] });
  });
});
