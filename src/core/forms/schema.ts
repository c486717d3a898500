// The form-definition contract: forms are data, so a province can ship its own wording without a release.
// zod/mini, not classic zod: the classic build costs ~90 KB gzip in the browser and cannot be tree-shaken.
import * as z from 'zod/mini';

/** Every human-readable label carries Vietnamese and English; other locales may be added. */
const NonEmpty = () => z.string().check(z.minLength(1));
export const LocalizedText = z.catchall(z.object({ vi: NonEmpty(), en: NonEmpty() }), z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

const ItemId = z
  .string()
  .check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'ids start with a letter and use letters, digits, _ . -'));

const OptionValue = z.string().check(z.minLength(1), z.maxLength(64));

const Option = z.object({ value: OptionValue, label: LocalizedText });
type Option = z.infer<typeof Option>;

const ConditionValues = z.array(z.union([z.string(), z.number()])).check(z.minLength(1));

/** A test of one earlier answer: the leaves of a condition (and the whole of every condition stored before trees). */
const leafShapes = [
  z.object({ item: ItemId, op: z.literal('answered') }),
  z.object({ item: ItemId, op: z.literal('in'), values: ConditionValues }),
  z.object({ item: ItemId, op: z.literal('notIn'), values: ConditionValues }),
  z.object({ item: ItemId, op: z.literal('lte'), value: z.number() }),
  z.object({ item: ItemId, op: z.literal('gte'), value: z.number() }),
] as const;
export const LeafCondition = z.discriminatedUnion('op', [...leafShapes]);
export type LeafCondition = z.infer<typeof LeafCondition>;

/**
 * A condition on earlier answers; an item with showIf is shown (and may be answered) only when it holds.
 * Leaves joined by all / any / not, so an XLSForm `relevant` such as `${a} = 'x' and not(${b} <= 2)` fits.
 */
export type Condition =
  | LeafCondition
  | { op: 'all'; conditions: Condition[] }
  | { op: 'any'; conditions: Condition[] }
  | { op: 'not'; condition: Condition };

/** Deeper trees than this are refused: no form needs them, and evaluation and parsing recurse. */
export const MAX_CONDITION_DEPTH = 12;

export const Condition: z.ZodMiniType<Condition, Condition> = z.discriminatedUnion('op', [
  ...leafShapes,
  z.object({
    op: z.literal('all'),
    get conditions() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.object({
    op: z.literal('any'),
    get conditions() {
      return z.array(Condition).check(z.minLength(1));
    },
  }),
  z.object({
    op: z.literal('not'),
    get condition() {
      return Condition;
    },
  }),
]);

/** Every leaf of a condition with its path inside it (for messages), left to right. */
function conditionLeaves(cond: Condition, path: (string | number)[] = []): { leaf: LeafCondition; path: (string | number)[] }[] {
  switch (cond.op) {
    case 'all':
    case 'any':
      return cond.conditions.flatMap((c, i) => conditionLeaves(c, [...path, 'conditions', i]));
    case 'not':
      return conditionLeaves(cond.condition, [...path, 'condition']);
    default:
      return [{ leaf: cond, path }];
  }
}

export function conditionDepth(cond: Condition): number {
  if (cond.op === 'all' || cond.op === 'any') return 1 + Math.max(...cond.conditions.map(conditionDepth));
  if (cond.op === 'not') return 1 + conditionDepth(cond.condition);
  return 1;
}

const base = {
  id: ItemId,
  label: LocalizedText,
  help: z.optional(LocalizedText),
  required: z._default(z.boolean(), false),
  showIf: z.optional(Condition),
};

const Likert5Item = z.object({
  ...base,
  type: z.literal('likert5'),
  /** Scoring element this criterion belongs to (e.g. "E1"); absent for unscored scales. */
  element: z.optional(NonEmpty()),
  weight: z._default(z.number().check(z.positive()), 1),
  allowNA: z._default(z.boolean(), true),
});
const SingleItem = z.object({ ...base, type: z.literal('single'), options: z.array(Option).check(z.minLength(2)) });
const MultiItem = z.object({
  ...base,
  type: z.literal('multi'),
  options: z.array(Option).check(z.minLength(2)),
  max: z.optional(z.int().check(z.positive())),
});
const NumberItem = z.object({
  ...base,
  type: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z._default(z.boolean(), true),
}).check(
  // The XLSForm reader refuses such a range too; a JSON upload must not get in what a spreadsheet cannot.
  z.refine((i) => i.min === undefined || i.max === undefined || i.min <= i.max, { message: 'min must not be above max', path: ['min'] }),
);
const TextItem = z.object({ ...base, type: z.literal('text'), maxLength: z._default(z.int().check(z.positive()), 200) });
const LongTextItem = z.object({
  ...base,
  type: z.literal('longtext'),
  maxLength: z._default(z.int().check(z.positive()), 2000),
});
/** Kiosk faces: the answer is the level 1..levels (1 = least satisfied). */
const RatingItem = z.object({
  ...base,
  type: z.literal('rating'),
  levels: z.union([z.literal(3), z.literal(5)]),
  labels: z.array(LocalizedText),
  /** Ratings at or above this level count as satisfied. */
  satisfiedAtLeast: z.int().check(z.gte(1)),
});

export const Item = z.discriminatedUnion('type', [
  Likert5Item,
  SingleItem,
  MultiItem,
  NumberItem,
  TextItem,
  LongTextItem,
  RatingItem,
]);
export type Item = z.infer<typeof Item>;
export type ItemType = Item['type'];

export const Section = z.object({
  id: ItemId,
  title: LocalizedText,
  description: z.optional(LocalizedText),
  items: z.array(Item).check(z.minLength(1)),
});
export type Section = z.infer<typeof Section>;

const ScaleLabels = z.object({
  /** Labels of levels 1..5. */
  levels: z.array(LocalizedText).check(z.length(5)),
  na: LocalizedText,
});

const ScoringElement = z.object({ id: NonEmpty(), label: LocalizedText, weight: z._default(z.number().check(z.positive()), 1) });

const InterviewScoring = z.object({ elements: z.array(ScoringElement).check(z.minLength(1)) });

/** Kiosk behaviour lives in the form so a province can tune it without a release. */
const KioskSettings = z.object({
  /** The rating item that drives the flow. */
  ratingItem: ItemId,
  /** Follow-up items are shown when the rating is at most this level. */
  followUpAtMost: z.int().check(z.gte(1)),
  followUpItems: z._default(z.array(ItemId), []),
  thankYouSeconds: z._default(z.number().check(z.positive()), 5),
  idleSeconds: z._default(z.number().check(z.positive()), 30),
  warningSeconds: z._default(z.number().check(z.positive()), 20),
  minIntervalSeconds: z._default(z.number().check(z.nonnegative()), 5),
});
type KioskSettings = z.infer<typeof KioskSettings>;

const FormBase = z.object({
  id: ItemId,
  version: z.int().check(z.gte(1)),
  title: LocalizedText,
  /** A few words that tell this form from its siblings on a button ("SIPAS 2023–2026"); the title when absent. */
  shortTitle: z.optional(LocalizedText),
  description: z.optional(LocalizedText),
  scale: z.optional(ScaleLabels),
  sections: z.array(Section).check(z.minLength(1)),
});

export const FormDefinition = z
  .discriminatedUnion('kind', [
    z.extend(FormBase, { kind: z.literal('interview'), scoring: z.optional(InterviewScoring) }),
    z.extend(FormBase, { kind: z.literal('kiosk'), kiosk: KioskSettings }),
  ])
  .check(z.superRefine((form, ctx) => {
    const seen = new Map<string, Item>();
    form.sections.forEach((section, s) => {
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate item id "${item.id}"` });
        if (item.showIf && conditionDepth(item.showIf) > MAX_CONDITION_DEPTH)
          ctx.addIssue({ code: 'custom', path: [...path, 'showIf'], message: `is nested more than ${MAX_CONDITION_DEPTH} levels deep` });
        else if (item.showIf) {
          for (const { leaf, path: at } of conditionLeaves(item.showIf)) {
            if (!seen.has(leaf.item))
              ctx.addIssue({
                code: 'custom',
                path: [...path, 'showIf', ...at, 'item'],
                message: `showIf refers to "${leaf.item}", which is not an earlier item`,
              });
          }
        }
        if (item.type === 'likert5' && !form.scale) {
          ctx.addIssue({ code: 'custom', path: [...path, 'type'], message: 'a likert5 item needs the form-level "scale" labels' });
        }
        if (item.type === 'rating') {
          if (item.labels.length !== item.levels)
            ctx.addIssue({ code: 'custom', path: [...path, 'labels'], message: `expected ${item.levels} labels` });
          if (item.satisfiedAtLeast > item.levels)
            ctx.addIssue({ code: 'custom', path: [...path, 'satisfiedAtLeast'], message: `must be at most ${item.levels}` });
        }
        if ((item.type === 'single' || item.type === 'multi') && new Set(item.options.map((o) => o.value)).size !== item.options.length)
          ctx.addIssue({ code: 'custom', path: [...path, 'options'], message: 'option values must be unique' });
        seen.set(item.id, item);
      });
    });
    if (form.kind === 'interview' && form.scoring) {
      const elements = new Set(form.scoring.elements.map((e) => e.id));
      form.sections.forEach((section, s) =>
        section.items.forEach((item, i) => {
          if (item.type === 'likert5' && item.element && !elements.has(item.element))
            ctx.addIssue({
              code: 'custom',
              path: ['sections', s, 'items', i, 'element'],
              message: `element "${item.element}" is not in scoring.elements`,
            });
        }),
      );
    }
    if (form.kind === 'kiosk') {
      const rating = seen.get(form.kiosk.ratingItem);
      if (!rating || rating.type !== 'rating')
        ctx.addIssue({ code: 'custom', path: ['kiosk', 'ratingItem'], message: 'must name a rating item of this form' });
      form.kiosk.followUpItems.forEach((id, i) => {
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['kiosk', 'followUpItems', i], message: `unknown item "${id}"` });
      });
    }
  }));
export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormInput = z.input<typeof FormDefinition>;

type Issue = { path: PropertyKey[]; message: string; code?: string } & Record<string, unknown>;

/**
 * A readable message for one zod issue. zod/mini ships no locale (to stay small), so its default message
 * is "Invalid input"; the issue itself says what was expected, which is what a person needs to read.
 */
function issueMessage(i: Issue): string {
  const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => JSON.stringify(x)).join(', ') : String(v));
  switch (i.code) {
    case 'invalid_type':
      return `expected ${i.expected === 'int' ? 'an integer' : `a ${String(i.expected)}`}`;
    case 'unrecognized_keys':
      return `unknown field(s): ${list(i.keys)}`;
    case 'invalid_value':
      return `expected one of ${list(i.values)}`;
    case 'invalid_union':
      // An unknown discriminator (item "type", form "kind"): say which values are allowed.
      return Array.isArray(i.options) && i.options.length ? `expected one of ${list(i.options)}` : 'does not match any allowed shape';
    case 'invalid_format':
      return i.format === 'regex' && i.message !== 'Invalid input' ? i.message : `invalid ${String(i.format)}`;
    case 'too_small':
      if ((i.origin === 'string' || i.origin === 'array') && Number(i.minimum) === 1) return 'must not be empty';
      return i.origin === 'string' || i.origin === 'array'
        ? `must have at least ${String(i.minimum)} ${i.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${i.inclusive === false ? 'greater than' : 'at least'} ${String(i.minimum)}`;
    case 'too_big':
      return i.origin === 'string' || i.origin === 'array'
        ? `must have at most ${String(i.maximum)} ${i.origin === 'string' ? 'characters' : 'items'}`
        : `must be ${i.inclusive === false ? 'less than' : 'at most'} ${String(i.maximum)}`;
    case 'invalid_key':
      return 'has an invalid key';
    default:
      return i.message;
  }
}

/** Formats zod issues as "path: message" lines, the form every caller shows. */
export function describeIssues(issues: readonly object[]): string[] {
  return (issues as Issue[]).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${issueMessage(i)}`);
}

export type ParseResult = { ok: true; form: FormDefinition } | { ok: false; errors: string[] };

export function parseForm(input: unknown): ParseResult {
  const r = FormDefinition.safeParse(input);
  return r.success ? { ok: true, form: r.data } : { ok: false, errors: describeIssues(r.error.issues) };
}

export function allItems(form: FormDefinition): Item[] {
  return form.sections.flatMap((s) => s.items);
}

export function findItem(form: FormDefinition, id: string): Item | undefined {
  return allItems(form).find((i) => i.id === id);
}
