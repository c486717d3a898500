// Our form definition → XLSForm sheets, as a province would write them: a built-in or published form can be
// downloaded, edited in a spreadsheet and uploaded again, and reading what this writes gives the same definition.
import { allItems, type FormDefinition, type Item, type LocalizedText } from '../schema';
import { writeConstraint } from './constraint';
import { targetOf, writeRelevant, WriteError, type Target } from './relevant';
import type { Cell, SheetRow, Workbook, XlsFormProblem } from './types';

const DEFAULT_MAX_LENGTH = { text: 200, longtext: 2000 } as const;

/** Header spelling for a language: ODK's recommended "Name (code)" for ours, the bare code for others. */
const LANGUAGE_HEADERS: Record<string, string> = { vi: 'Tiếng Việt (vi)', en: 'English (en)' };

type Row = Record<string, string>;

/** Every language any text of the form carries: vi, en first. */
function languagesOf(value: unknown, out = new Set<string>(['vi', 'en'])): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => languagesOf(v, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.vi === 'string' && typeof o.en === 'string') Object.keys(o).forEach((k) => out.add(k));
    else Object.values(o).forEach((v) => languagesOf(v, out));
  }
  return out;
}

function sheet(columns: readonly string[], rows: readonly Row[]): SheetRow[] {
  const cells = (r: Row): Cell[] => columns.map((c) => r[c] ?? '');
  return [{ row: 1, cells: [...columns] }, ...rows.map((r, i) => ({ row: i + 2, cells: cells(r) }))];
}

function numberCell(n: number): string {
  return String(n);
}

export type WriteXlsFormResult = { ok: true; workbook: Workbook } | { ok: false; errors: XlsFormProblem[] };

/** Writes a definition as XLSForm sheets (survey, choices, settings, and elements when it is scored). */
export function writeXlsForm(form: FormDefinition): WriteXlsFormResult {
  const errors: XlsFormProblem[] = [];
  const langs = [...languagesOf(form)];
  const header = (field: string, lang: string) => `${field}::${LANGUAGE_HEADERS[lang] ?? lang}`;
  const texts = (field: string, text: LocalizedText | undefined): Row =>
    text ? Object.fromEntries(langs.filter((l) => text[l] !== undefined).map((l) => [header(field, l), text[l]])) : {};

  const items = allItems(form);
  const targets = new Map<string, Target>(items.map((i) => [i.id, targetOf(i)]));
  const taken = new Set<string>([...items.map((i) => i.id), ...form.sections.map((s) => s.id)]);
  const uniqueName = (base: string) => {
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return name;
  };

  // Choice lists: one per distinct set of options, named after the first question that uses it.
  const choiceRows: Row[] = [];
  const listNames = new Set<string>();
  const listByContent = new Map<string, string>();
  const list = (base: string, options: { value: string; label: LocalizedText }[]): string => {
    const key = JSON.stringify(options);
    const known = listByContent.get(key);
    if (known) return known;
    let name = base;
    for (let n = 2; listNames.has(name); n++) name = `${base}_${n}`;
    listNames.add(name);
    listByContent.set(key, name);
    for (const o of options) {
      if (/\s/.test(o.value)) errors.push({ code: 'choice-name-invalid', params: { list: name, name: o.value } });
      choiceRows.push({ list_name: name, name: o.value, ...texts('label', o.label) });
    }
    return name;
  };
  const scaleList = (allowNA: boolean) => {
    const levels = form.scale!.levels.map((label, i) => ({ value: String(i + 1), label }));
    return list(allowNA ? 'scale' : 'scale_no_na', allowNA ? [...levels, { value: 'na', label: form.scale!.na }] : levels);
  };

  const surveyRows: Row[] = [];
  let weights = false;
  let thresholds = false;
  const itemRow = (item: Item): Row => {
    const row: Row = { name: item.id, ...texts('label', item.label), ...texts('hint', item.help), required: item.required ? 'yes' : '' };
    if (item.showIf) {
      try {
        row.relevant = writeRelevant(item.showIf, targets);
      } catch (e) {
        if (!(e instanceof WriteError)) throw e;
        errors.push({ code: 'relevant-unsupported', params: { expression: item.id, part: e.message } });
      }
    }
    switch (item.type) {
      case 'likert5':
        row.type = `select_one ${scaleList(item.allowNA)}`;
        // Without an element nothing else marks a 1–5 list as our scale: ODK's own likert appearance does.
        if (item.element) row.element = item.element;
        else row.appearance = 'likert';
        if (item.weight !== 1) {
          row.weight = numberCell(item.weight);
          weights = true;
        }
        break;
      case 'rating':
        row.type = `select_one ${list(item.id, item.labels.map((label, i) => ({ value: String(i + 1), label })))}`;
        row.satisfied_at_least = numberCell(item.satisfiedAtLeast);
        thresholds = true;
        break;
      case 'single':
        row.type = `select_one ${list(item.id, item.options)}`;
        break;
      case 'multi':
        row.type = `select_multiple ${list(item.id, item.options)}`;
        if (item.max !== undefined) row.constraint = writeConstraint({ max: item.max }, 'choices');
        break;
      case 'number':
        row.type = item.integer ? 'integer' : 'decimal';
        row.constraint = writeConstraint({ min: item.min, max: item.max }, item.integer ? 'integer' : 'decimal');
        break;
      case 'text':
      case 'longtext':
        row.type = 'text';
        if (item.type === 'longtext') row.appearance = 'multiline';
        if (item.maxLength !== DEFAULT_MAX_LENGTH[item.type]) row.constraint = writeConstraint({ max: item.maxLength }, 'length');
        break;
    }
    return row;
  };

  if (form.description) surveyRows.push({ type: 'note', name: uniqueName('intro'), ...texts('label', form.description) });
  const sectionIds = new Set<string>();
  for (const section of form.sections) {
    if (sectionIds.has(section.id)) errors.push({ code: 'name-duplicate', params: { name: section.id, firstRow: 0 } });
    sectionIds.add(section.id);
    surveyRows.push({ type: 'begin_group', name: section.id, ...texts('label', section.title) });
    if (section.description) surveyRows.push({ type: 'note', name: uniqueName(`${section.id}_intro`), ...texts('label', section.description) });
    for (const item of section.items) surveyRows.push(itemRow(item));
    surveyRows.push({ type: 'end_group', name: section.id });
  }

  const surveyColumns = [
    'type',
    'name',
    ...langs.map((l) => header('label', l)),
    ...langs.map((l) => header('hint', l)),
    'required',
    'relevant',
    'constraint',
    'appearance',
    ...(form.kind === 'interview' ? ['element'] : []),
    ...(weights ? ['weight'] : []),
    ...(thresholds ? ['satisfied_at_least'] : []),
  ];

  const settings: Row = {
    form_id: form.id,
    version: numberCell(form.version),
    ...texts('form_title', form.title),
    ...(form.shortTitle ? texts('short_title', form.shortTitle) : {}),
    default_language: 'vi',
    kind: form.kind,
  };
  const kioskColumns: string[] = [];
  if (form.kind === 'kiosk') {
    const k = form.kiosk;
    const values: Row = {
      rating_item: k.ratingItem,
      follow_up_at_most: numberCell(k.followUpAtMost),
      follow_up_items: k.followUpItems.join(' '),
      thank_you_seconds: numberCell(k.thankYouSeconds),
      idle_seconds: numberCell(k.idleSeconds),
      warning_seconds: numberCell(k.warningSeconds),
      min_interval_seconds: numberCell(k.minIntervalSeconds),
    };
    Object.assign(settings, values);
    kioskColumns.push(...Object.keys(values));
  }

  const workbook: Record<string, SheetRow[]> = {
    survey: sheet(surveyColumns, surveyRows),
    choices: sheet(['list_name', 'name', ...langs.map((l) => header('label', l))], choiceRows),
    settings: sheet(
      [
        'form_id',
        'version',
        ...langs.map((l) => header('form_title', l)),
        ...(form.shortTitle ? langs.map((l) => header('short_title', l)) : []),
        'default_language',
        'kind',
        ...kioskColumns,
      ],
      [settings],
    ),
  };
  if (form.kind === 'interview' && form.scoring) {
    workbook.elements = sheet(
      ['id', ...langs.map((l) => header('label', l)), 'weight'],
      form.scoring.elements.map((e) => ({ id: e.id, ...texts('label', e.label), weight: numberCell(e.weight) })),
    );
  }
  return errors.length ? { ok: false, errors } : { ok: true, workbook };
}
