// XLSForm → our form definition: the subset our forms use, in the spellings people write. Anything else is refused
// with its sheet, row and column, and every problem in the file is reported at once, never only the first.
import { describeIssues, FormDefinition, type FormInput, type LocalizedText } from '../schema';
import { satisfactionScale } from '../builtin/satisfaction-scale';
import { readConstraint, type Measured } from './constraint';
import { readRelevant, simplify, type ExprProblem, type Resolve, type Target } from './relevant';
import { ALLOWED, CHOICES, ELEMENTS, KIOSK, KIOSK_FIELDS, SETTINGS, SURVEY, typeOf, UNSUPPORTED_SHEETS, type KioskField } from './columns';
import { cellText, languageCode, Problems, Sheet, snakeCase, type ColumnSpec, type Place } from './sheet';
import type { ReadXlsFormResult, SheetRow, Workbook } from './types';

type ItemInput = FormInput['sections'][number]['items'][number];
type SectionInput = FormInput['sections'][number];
type Condition = NonNullable<ItemInput['showIf']>;

const ITEM_ID = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const MAX_ID = 64;
/** Form versions are stored as 32-bit integers (yyyymmddnn still fits). */
const MAX_VERSION = 2_147_483_647;

interface Choice {
  name: string;
  row: SheetRow;
}
interface ChoiceList {
  name: string;
  row: SheetRow;
  choices: Choice[];
}

interface Frame {
  name: string;
  row: SheetRow;
  top: boolean;
  label?: LocalizedText;
  condition?: Condition;
  items: number;
}

interface SectionDraft {
  input: SectionInput & { items: ItemInput[] };
  row?: SheetRow;
  implicit: boolean;
  description: LocalizedText[];
}

interface Criterion {
  element: string;
  row: SheetRow;
  groupLabel?: LocalizedText;
}

const sameText = (a: LocalizedText, b: LocalizedText) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Texts joined paragraph by paragraph, language by language. */
function joinTexts(parts: LocalizedText[]): LocalizedText | undefined {
  if (!parts.length) return undefined;
  const langs = [...new Set(parts.flatMap((p) => Object.keys(p)))];
  return Object.fromEntries(langs.map((l) => [l, parts.map((p) => p[l] ?? p.vi).join('\n\n')])) as LocalizedText;
}

function positiveNumber(s: string): number | undefined {
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n > 0 ? n : undefined;
}

/**
 * Reads an XLSForm workbook (sheets of rows, as the XLSX library gave them) into a validated form definition,
 * or every error in it. Warnings say what was read differently from what was written (a missing translation).
 */
export function readXlsForm(workbook: Workbook): ReadXlsFormResult {
  const problems = new Problems();
  const sheetsByKey = new Map<string, { name: string; rows: readonly SheetRow[] }>();
  for (const [name, rows] of Object.entries(workbook)) {
    const key = snakeCase(name);
    const hasContent = rows.some((r) => r.cells.some((c) => cellText(c) !== ''));
    const twin = sheetsByKey.get(key);
    if (twin) {
      problems.error('sheet-duplicate', { sheet: name }, { sheet: name, other: twin.name });
      continue;
    }
    if (UNSUPPORTED_SHEETS.includes(key)) {
      if (hasContent) problems.error('sheet-unsupported', { sheet: name }, { sheet: name });
      continue;
    }
    if (!['survey', 'choices', 'settings', 'elements', 'kiosk'].includes(key)) {
      if (hasContent) problems.warn('sheet-ignored', { sheet: name }, { sheet: name });
      continue;
    }
    sheetsByKey.set(key, { name, rows });
  }
  for (const required of ['survey', 'settings']) {
    if (!sheetsByKey.has(required)) problems.error('sheet-missing', {}, { sheet: required });
  }
  const open = (key: string, spec: ColumnSpec): Sheet | undefined => {
    const s = sheetsByKey.get(key);
    return s ? new Sheet(s.name, s.rows, spec, problems) : undefined;
  };
  const settings = open('settings', SETTINGS);
  const survey = open('survey', SURVEY);
  const choicesSheet = open('choices', CHOICES);
  const elementsSheet = open('elements', ELEMENTS);
  const kioskSheet = open('kiosk', KIOSK);

  // --- settings: one row of values -------------------------------------------------------------------------
  const settingsRow = settings?.rows[0];
  if (settings) for (const extra of settings.rows.slice(1)) problems.error('settings-rows', settings.place(extra), { sheet: settings.name });
  if (settings && settingsRow) settings.refuseUnsupported(settingsRow);
  const setting = (field: string) => (settings && settingsRow ? settings.text(settingsRow, field) : '');

  let defaultLang = 'vi';
  const defaultLangText = setting('default_language');
  if (defaultLangText) {
    const code = languageCode(defaultLangText);
    if (code) defaultLang = code;
    else problems.error('language-unreadable', settings!.place(settingsRow, 'default_language'), { language: defaultLangText });
  }

  // A column with no language is in the default language; one named in it as well is the same column twice.
  for (const [sheet, fields] of [
    [survey, ['label', 'hint']],
    [choicesSheet, ['label']],
    [settings, ['form_title', 'short_title']],
    [elementsSheet, ['label']],
  ] as const) {
    for (const field of fields) {
      const cols = sheet?.columns.filter((c) => c.field === field) ?? [];
      const plain = cols.find((c) => c.lang === '');
      const named = cols.find((c) => c.lang === defaultLang);
      if (sheet && plain && named) problems.error('column-duplicate', { sheet: sheet.name, row: sheet.headerRow, column: plain.header }, { column: plain.header, other: named.header });
    }
  }

  // Missing translations, gathered per column so a form written in one language gives one warning per column.
  const missing = new Map<string, { place: Place; column: string; language: string; rows: number[] }>();
  const localize = (sheet: Sheet, row: SheetRow, field: string): LocalizedText | undefined => {
    const byLang = new Map<string, string>();
    for (const [lang, text] of sheet.texts(row, field)) {
      const l = lang === '' ? defaultLang : lang;
      if (!byLang.has(l) || lang !== '') byLang.set(l, text);
    }
    if (byLang.size === 0) return undefined;
    const fallback = byLang.get(defaultLang) ?? byLang.get('vi') ?? byLang.get('en') ?? [...byLang.values()][0];
    for (const need of ['vi', 'en']) {
      if (byLang.has(need)) continue;
      const key = `${sheet.name}\u0000${field}\u0000${need}`;
      const entry = missing.get(key) ?? { place: { sheet: sheet.name, row: row.row }, column: field, language: need, rows: [] };
      entry.rows.push(row.row);
      missing.set(key, entry);
    }
    return { ...Object.fromEntries(byLang), vi: byLang.get('vi') ?? fallback, en: byLang.get('en') ?? fallback } as LocalizedText;
  };

  const formId = setting('form_id');
  if (settings) {
    if (!formId) problems.error('setting-missing', settings.place(settingsRow), { setting: 'form_id' });
    else if (!ITEM_ID.test(formId) || formId.length > MAX_ID) problems.error('form-id-invalid', settings.place(settingsRow, 'form_id'), { value: formId });
  }
  const versionText = setting('version');
  let version = 0;
  if (settings) {
    if (!versionText) problems.error('setting-missing', settings.place(settingsRow), { setting: 'version' });
    else if (!/^\d+$/.test(versionText) || Number(versionText) < 1 || Number(versionText) > MAX_VERSION)
      problems.error('version-invalid', settings.place(settingsRow, 'version'), { value: versionText, max: MAX_VERSION });
    else version = Number(versionText);
  }
  const title = settings && settingsRow ? localize(settings, settingsRow, 'form_title') : undefined;
  if (settings && !title) problems.error('setting-missing', settings.place(settingsRow), { setting: 'form_title' });
  const shortTitle = settings && settingsRow ? localize(settings, settingsRow, 'short_title') : undefined;
  const kindText = setting('kind').toLowerCase();
  const kind = kindText === '' ? 'interview' : kindText;
  if (kind !== 'interview' && kind !== 'kiosk') problems.error('kind-invalid', settings!.place(settingsRow, 'kind'), { value: setting('kind') });

  // --- choices ---------------------------------------------------------------------------------------------
  const lists = new Map<string, ChoiceList>();
  for (const row of choicesSheet?.rows ?? []) {
    const sheet = choicesSheet!;
    sheet.refuseUnsupported(row);
    const listName = sheet.text(row, 'list_name');
    const name = sheet.text(row, 'name');
    if (!listName) {
      problems.error('list-missing', sheet.place(row, 'list_name'), {});
      continue;
    }
    const list = lists.get(listName) ?? { name: listName, row, choices: [] };
    lists.set(listName, list);
    if (!name) {
      problems.error('choice-name-missing', sheet.place(row, 'name'), { list: listName });
      continue;
    }
    if (/\s/.test(name) || name.length > MAX_ID) {
      problems.error('choice-name-invalid', sheet.place(row, 'name'), { list: listName, name });
      continue;
    }
    const twin = list.choices.find((c) => c.name === name);
    if (twin) {
      problems.error('choice-duplicate', sheet.place(row, 'name'), { list: listName, name, firstRow: twin.row.row });
      continue;
    }
    list.choices.push({ name, row });
  }
  /** A list's choices as options, labels checked once per list. */
  const optionCache = new Map<string, { value: string; label: LocalizedText }[] | null>();
  const optionsOf = (list: ChoiceList) => {
    if (optionCache.has(list.name)) return optionCache.get(list.name)!;
    let ok = true;
    const options = list.choices.map((c) => {
      const label = localize(choicesSheet!, c.row, 'label');
      if (!label) {
        problems.error('choice-label-missing', choicesSheet!.place(c.row, 'label'), { list: list.name, name: c.name });
        ok = false;
      }
      return { value: c.name, label: label ?? { vi: c.name, en: c.name } };
    });
    optionCache.set(list.name, ok ? options : null);
    return ok ? options : null;
  };

  // --- survey ----------------------------------------------------------------------------------------------
  const sections: SectionDraft[] = [];
  const itemRows: SheetRow[][] = [];
  const formDescription: LocalizedText[] = [];
  const stack: Frame[] = [];
  const targets = new Map<string, Target | 'broken'>();
  const questionRows = new Map<string, SheetRow>();
  const groupRows = new Map<string, SheetRow>();
  const criteria: Criterion[] = [];
  let scale: { list: string; levels: LocalizedText[]; na?: LocalizedText; row: SheetRow } | undefined;
  const ratingItems = new Set<string>();
  let implicitOpen = false;

  // Every question's name first, so a reference to a later one says so instead of "unknown".
  const allQuestions = new Set<string>();
  const allGroups = new Set<string>();
  for (const row of survey?.rows ?? []) {
    const t = typeOf(survey!.text(row, 'type'));
    const name = survey!.text(row, 'name');
    if (!name) continue;
    if (t.kind === 'begin_group') allGroups.add(name);
    else if (t.kind !== 'end_group' && t.kind !== 'note') allQuestions.add(name);
  }

  const resolve: Resolve = (name) => {
    const t = targets.get(name);
    if (t === 'broken') return { problem: 'broken' };
    if (t) return t;
    return { problem: allQuestions.has(name) ? 'relevant-later-question' : 'relevant-not-question' };
  };
  const report = (place: Place, found: ExprProblem[]) => found.forEach((p) => problems.error(p.code, place, p.params));
  const readCondition = (row: SheetRow): Condition | undefined | null => {
    const text = survey!.text(row, 'relevant');
    if (!text) return undefined;
    const r = readRelevant(text, resolve);
    report(survey!.place(row, 'relevant'), r.problems);
    return r.condition ?? null;
  };
  const readBounds = (row: SheetRow, measured: Measured) => {
    const text = survey!.text(row, 'constraint');
    if (!text) return {};
    const r = readConstraint(text, measured);
    report(survey!.place(row, 'constraint'), r.problems);
    return r.bounds ?? {};
  };

  const currentSection = (): SectionDraft => {
    const top = stack[0];
    if (top) return sections[sections.length - 1];
    if (!implicitOpen) {
      let id = `part-${sections.length + 1}`;
      while (allGroups.has(id)) id = `${id}-x`;
      sections.push({ input: { id, title: title ?? { vi: formId, en: formId }, items: [] }, implicit: true, description: [] });
      itemRows.push([]);
      implicitOpen = true;
    }
    return sections[sections.length - 1];
  };

  for (const row of survey?.rows ?? []) {
    const sheet = survey!;
    sheet.refuseUnsupported(row);
    const typeText = sheet.text(row, 'type');
    if (!typeText) {
      problems.error('type-missing', sheet.place(row, 'type'), {});
      continue;
    }
    const type = typeOf(typeText);
    const name = sheet.text(row, 'name');
    if (type.kind === 'unsupported') {
      problems.error('type-unsupported', sheet.place(row, 'type'), { type: typeText });
      if (name) targets.set(name, 'broken');
      continue;
    }
    if (type.kind === 'list-missing') {
      problems.error('list-missing', sheet.place(row, 'type'), { type: typeText });
      if (name) targets.set(name, 'broken');
      continue;
    }
    for (const col of sheet.columns) {
      if (!col.supported || ALLOWED[type.kind].includes(col.field) || cellText(row.cells[col.index]) === '') continue;
      problems.error('column-not-for-type', sheet.place(row, col.field, col.lang), { column: col.header, type: typeText });
    }

    if (type.kind === 'end_group') {
      const frame = stack.pop();
      if (!frame) {
        problems.error('group-end-unmatched', sheet.place(row, 'type'), {});
        continue;
      }
      if (frame.items === 0) problems.error('group-empty', sheet.place(frame.row, 'name'), { name: frame.name });
      continue;
    }

    if (type.kind === 'begin_group') {
      const top = stack.length === 0;
      if (!name) problems.error('name-missing', sheet.place(row, 'name'), {});
      else if (top && (!ITEM_ID.test(name) || name.length > MAX_ID)) problems.error('name-invalid', sheet.place(row, 'name'), { name });
      else if (groupRows.has(name)) problems.error('name-duplicate', sheet.place(row, 'name'), { name, firstRow: groupRows.get(name)!.row });
      if (name && !groupRows.has(name)) groupRows.set(name, row);
      const label = localize(sheet, row, 'label');
      const hint = localize(sheet, row, 'hint');
      const condition = readCondition(row);
      if (top) {
        if (!label) problems.error('group-label-missing', sheet.place(row, 'label'), { name });
        implicitOpen = false;
        sections.push({ input: { id: name || `group-${row.row}`, title: label ?? { vi: name, en: name }, items: [] }, row, implicit: false, description: hint ? [hint] : [] });
        itemRows.push([]);
      } else if (hint) problems.error('group-hint-nested', sheet.place(row, 'hint'), { name });
      stack.push({ name, row, top, label, condition: condition ?? undefined, items: 0 });
      continue;
    }

    if (type.kind === 'note') {
      const label = localize(sheet, row, 'label');
      if (!label) problems.error('label-missing', sheet.place(row, 'label'), {});
      const section = sections[sections.length - 1];
      if (stack.length === 0 && sections.length === 0) {
        if (label) formDescription.push(label);
      } else if (stack.length === 1 && section && !section.implicit && section.input.items.length === 0) {
        if (label) section.description.push(label);
      } else problems.error('note-position', sheet.place(row, 'type'), {});
      continue;
    }

    // A question.
    if (!name) {
      problems.error('name-missing', sheet.place(row, 'name'), {});
      continue;
    }
    let broken = false;
    if (!ITEM_ID.test(name) || name.length > MAX_ID) {
      problems.error('name-invalid', sheet.place(row, 'name'), { name });
      broken = true;
    } else if (questionRows.has(name)) {
      problems.error('name-duplicate', sheet.place(row, 'name'), { name, firstRow: questionRows.get(name)!.row });
      continue;
    }
    questionRows.set(name, row);
    const label = localize(sheet, row, 'label');
    if (!label) {
      problems.error('label-missing', sheet.place(row, 'label'), {});
      broken = true;
    }
    const help = localize(sheet, row, 'hint');
    const requiredText = sheet.text(row, 'required');
    let required = false;
    if (/^(yes|true|true\(\)|1)$/i.test(requiredText)) required = true;
    else if (requiredText !== '' && !/^(no|false|false\(\)|0)$/i.test(requiredText)) {
      problems.error('required-invalid', sheet.place(row, 'required'), { value: requiredText });
    }
    const own = readCondition(row);
    if (own === null) broken = true;
    const conditions = [...stack.map((f) => f.condition), own ?? undefined].filter((c): c is Condition => !!c);
    const showIf = conditions.length ? simplify(conditions.length === 1 ? conditions[0] : { op: 'all', conditions }) : undefined;
    const appearance = sheet.text(row, 'appearance').toLowerCase().split(/\s+/);
    const base = { id: name, label: label ?? { vi: name, en: name }, required, ...(help ? { help } : {}), ...(showIf ? { showIf } : {}) };

    let item: ItemInput | undefined;
    let target: Target | undefined;
    if (type.kind === 'select_one' || type.kind === 'select_multiple') {
      const list = lists.get(type.list);
      const options = list ? optionsOf(list) : null;
      if (!list) problems.error('list-unknown', sheet.place(row, 'type'), { list: type.list });
      else if (options && options.length < 2) problems.error('list-too-short', sheet.place(row, 'type'), { list: type.list });
      const element = sheet.text(row, 'element');
      const weightText = sheet.text(row, 'weight');
      const thresholdText = sheet.text(row, 'satisfied_at_least');
      const names = list?.choices.map((c) => c.name) ?? [];
      const is = (...want: string[]) => names.length === want.length && want.every((w) => names.includes(w));
      if (weightText && !element) problems.error('column-not-for-type', sheet.place(row, 'weight'), { column: 'weight', type: typeText });
      if (element && thresholdText) problems.error('criterion-and-rating', sheet.place(row, 'element'), {});
      if (type.kind === 'select_multiple') {
        const { max } = readBounds(row, 'choices');
        if (options) item = { ...base, type: 'multi', options, ...(max !== undefined ? { max } : {}) };
        target = { id: name, type: 'multi', values: names };
      } else if (thresholdText) {
        const levels = is('1', '2', '3') ? 3 : is('1', '2', '3', '4', '5') ? 5 : 0;
        const threshold = /^\d+$/.test(thresholdText) ? Number(thresholdText) : NaN;
        if (list && !levels) problems.error('rating-list', sheet.place(row, 'type'), { list: type.list });
        else if (levels && !(threshold >= 1 && threshold <= levels))
          problems.error('rating-threshold-invalid', sheet.place(row, 'satisfied_at_least'), { value: thresholdText, levels });
        if (options && levels && threshold >= 1 && threshold <= levels) {
          const labels = [...options].sort((a, b) => Number(a.value) - Number(b.value)).map((o) => o.label);
          item = { ...base, type: 'rating', levels: levels as 3 | 5, labels, satisfiedAtLeast: threshold };
          ratingItems.add(name);
        }
        target = { id: name, type: 'rating', levels };
      } else if (element || appearance.includes('likert')) {
        const withNA = is('1', '2', '3', '4', '5', 'na');
        if (withNA || is('1', '2', '3', '4', '5')) {
          const weight = weightText ? positiveNumber(weightText) : 1;
          if (weight === undefined) problems.error('weight-invalid', sheet.place(row, 'weight'), { value: weightText });
          if (element && kind === 'kiosk') problems.error('criterion-in-kiosk', sheet.place(row, 'element'), {});
          if (options) {
            const byName = new Map(options.map((o) => [o.value, o.label]));
            const levels = ['1', '2', '3', '4', '5'].map((n) => byName.get(n)!);
            const na = byName.get('na');
            if (!scale) scale = { list: type.list, levels, na, row };
            else if (!levels.every((l, i) => sameText(l, scale!.levels[i])) || (na && scale.na && !sameText(na, scale.na)))
              problems.error('scale-conflict', sheet.place(row, 'type'), { list: type.list, other: scale.list });
            else if (na && !scale.na) scale.na = na;
            item = { ...base, type: 'likert5', ...(element ? { element } : {}), weight: weight ?? 1, allowNA: withNA };
          }
          if (element) criteria.push({ element, row, groupLabel: [...stack].reverse().find((f) => f.label)?.label });
          target = { id: name, type: 'likert5', allowNA: withNA };
        } else if (element) {
          if (list) problems.error('criterion-list', sheet.place(row, 'type'), { list: type.list });
          target = undefined;
        } else {
          if (options) item = { ...base, type: 'single', options };
          target = { id: name, type: 'single', values: names };
        }
      } else {
        if (options) item = { ...base, type: 'single', options };
        target = { id: name, type: 'single', values: names };
      }
    } else if (type.kind === 'integer' || type.kind === 'decimal') {
      const integer = type.kind === 'integer';
      const { min, max } = readBounds(row, integer ? 'integer' : 'decimal');
      item = { ...base, type: 'number', integer, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      target = { id: name, type: 'number', integer };
    } else {
      const long = appearance.includes('multiline');
      const { max } = readBounds(row, 'length');
      item = { ...base, type: long ? 'longtext' : 'text', ...(max !== undefined ? { maxLength: max } : {}) };
      target = { id: name, type: long ? 'longtext' : 'text' };
    }

    targets.set(name, broken || !item || !target ? 'broken' : target);
    if (!item) continue;
    const section = currentSection();
    section.input.items.push(item);
    itemRows[sections.length - 1].push(row);
    for (const f of stack) f.items++;
  }
  for (const frame of stack) problems.error('group-unclosed', survey!.place(frame.row, 'type'), { name: frame.name });
  if (survey && questionRows.size === 0) problems.error('sheet-empty', { sheet: survey.name }, { sheet: survey.name });

  // --- elements (interview scoring) --------------------------------------------------------------------------
  let scoring: { elements: { id: string; label: LocalizedText; weight: number }[] } | undefined;
  if (kind === 'kiosk' && elementsSheet?.rows.length) problems.error('criterion-in-kiosk', { sheet: elementsSheet.name }, {});
  else if (elementsSheet) {
    const elements: { id: string; label: LocalizedText; weight: number; row: SheetRow }[] = [];
    for (const row of elementsSheet.rows) {
      elementsSheet.refuseUnsupported(row);
      const id = elementsSheet.text(row, 'id');
      if (!id) {
        problems.error('element-id-missing', elementsSheet.place(row, 'id'), {});
        continue;
      }
      const twin = elements.find((e) => e.id === id);
      if (twin) {
        problems.error('element-duplicate', elementsSheet.place(row, 'id'), { element: id, firstRow: twin.row.row });
        continue;
      }
      const label = localize(elementsSheet, row, 'label');
      if (!label) problems.error('label-missing', elementsSheet.place(row, 'label'), {});
      const weightText = elementsSheet.text(row, 'weight');
      const weight = weightText ? positiveNumber(weightText) : 1;
      if (weight === undefined) problems.error('weight-invalid', elementsSheet.place(row, 'weight'), { value: weightText });
      elements.push({ id, label: label ?? { vi: id, en: id }, weight: weight ?? 1, row });
    }
    const known = new Set(elements.map((e) => e.id));
    for (const c of criteria) if (!known.has(c.element)) problems.error('element-unknown', survey!.place(c.row, 'element'), { element: c.element, sheet: elementsSheet.name });
    for (const e of elements) if (!criteria.some((c) => c.element === e.id)) problems.error('element-unused', elementsSheet.place(e.row, 'id'), { element: e.id });
    scoring = { elements: elements.map(({ id, label, weight }) => ({ id, label, weight })) };
  } else if (criteria.length) {
    const elements: { id: string; label: LocalizedText; weight: number }[] = [];
    for (const c of criteria) {
      const known = elements.find((e) => e.id === c.element);
      if (!c.groupLabel) problems.error('element-label-missing', survey!.place(c.row, 'element'), { element: c.element });
      else if (!known) elements.push({ id: c.element, label: c.groupLabel, weight: 1 });
      else if (!sameText(known.label, c.groupLabel))
        problems.error('element-label-ambiguous', survey!.place(c.row, 'element'), { element: c.element, first: known.label.vi, second: c.groupLabel.vi });
    }
    scoring = { elements };
  }

  // --- kiosk settings ----------------------------------------------------------------------------------------
  const kioskValues = new Map<KioskField, { text: string; place: Place }>();
  if (kioskSheet) for (const extra of kioskSheet.rows.slice(1)) problems.error('settings-rows', kioskSheet.place(extra), { sheet: kioskSheet.name });
  for (const [sheet, row] of [
    [settings, settingsRow],
    [kioskSheet, kioskSheet?.rows[0]],
  ] as const) {
    if (!sheet || !row) continue;
    for (const field of Object.keys(KIOSK_FIELDS) as KioskField[]) {
      const text = sheet.text(row, field);
      if (!text) continue;
      if (kioskValues.has(field)) problems.error('kiosk-setting-twice', sheet.place(row, field), { setting: field });
      else kioskValues.set(field, { text, place: sheet.place(row, field) });
    }
  }
  let kiosk: Record<string, unknown> | undefined;
  if (kind === 'interview') {
    for (const [field, { place }] of kioskValues) problems.error('kiosk-setting-in-interview', place, { setting: field });
  } else if (kind === 'kiosk') {
    kiosk = {};
    const where = settings?.place(settingsRow) ?? {};
    for (const field of ['rating_item', 'follow_up_at_most'] as const)
      if (!kioskValues.has(field)) problems.error('setting-missing', where, { setting: field });
    for (const [field, { text, place }] of kioskValues) {
      const key = KIOSK_FIELDS[field];
      if (field === 'rating_item') {
        if (!ratingItems.has(text)) problems.error('kiosk-rating-item-invalid', place, { name: text });
        kiosk[key] = text;
      } else if (field === 'follow_up_items') {
        const names = text.split(/[\s,]+/).filter(Boolean);
        for (const n of names) if (!questionRows.has(n)) problems.error('kiosk-follow-up-unknown', place, { name: n });
        kiosk[key] = names;
      } else {
        const whole = field === 'follow_up_at_most';
        const n = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
        const ok = whole ? Number.isInteger(n) && n >= 1 : field === 'min_interval_seconds' ? n >= 0 : n > 0;
        if (!ok) problems.error('kiosk-setting-invalid', place, { setting: field, value: text });
        kiosk[key] = n;
      }
    }
  }

  for (const { place, column, language, rows } of missing.values()) {
    problems.warn('translation-missing', place, { column, language, rows: rows.join(', '), count: rows.length });
  }
  if (problems.errors.length) return { ok: false, errors: problems.errors, warnings: problems.warnings };

  const description = joinTexts(formDescription);
  const input = {
    id: formId,
    version,
    kind,
    title: title!,
    ...(shortTitle ? { shortTitle } : {}),
    ...(description ? { description } : {}),
    ...(scale ? { scale: { levels: scale.levels, na: scale.na ?? satisfactionScale.na } } : {}),
    sections: sections.map((s) => {
      const d = joinTexts(s.description);
      return { ...s.input, ...(d ? { description: d } : {}) };
    }),
    ...(kind === 'interview' && scoring ? { scoring } : {}),
    ...(kind === 'kiosk' ? { kiosk } : {}),
  };
  const parsed = FormDefinition.safeParse(input);
  if (parsed.success) return { ok: true, form: parsed.data, warnings: problems.warnings };
  // The checks above should leave nothing for the schema to find; if it does, still say where.
  for (const issue of parsed.error.issues) {
    const [a, s, b, i] = issue.path;
    const row = a === 'sections' && b === 'items' ? itemRows[Number(s)]?.[Number(i)] : undefined;
    problems.error('definition-invalid', row ? survey!.place(row) : {}, { detail: describeIssues([issue])[0] });
  }
  return { ok: false, errors: problems.errors, warnings: problems.warnings };
}
