// The form-definition contract: forms are data, so a province can ship its own wording without a release.
import { z } from 'zod';

/** Every human-readable label carries Vietnamese and English; other locales may be added. */
export const LocalizedText = z
  .object({ vi: z.string().min(1), en: z.string().min(1) })
  .catchall(z.string());
export type LocalizedText = z.infer<typeof LocalizedText>;

const ItemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'ids start with a letter and use letters, digits, _ . -');

const OptionValue = z.string().min(1).max(64);

export const Option = z.object({ value: OptionValue, label: LocalizedText });
export type Option = z.infer<typeof Option>;

/** A condition on an earlier answer; an item with showIf is shown (and may be answered) only when it holds. */
export const Condition = z.discriminatedUnion('op', [
  z.object({ item: ItemId, op: z.literal('answered') }),
  z.object({ item: ItemId, op: z.literal('in'), values: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.object({ item: ItemId, op: z.literal('notIn'), values: z.array(z.union([z.string(), z.number()])).min(1) }),
  z.object({ item: ItemId, op: z.literal('lte'), value: z.number() }),
  z.object({ item: ItemId, op: z.literal('gte'), value: z.number() }),
]);
export type Condition = z.infer<typeof Condition>;

const base = {
  id: ItemId,
  label: LocalizedText,
  help: LocalizedText.optional(),
  required: z.boolean().default(false),
  showIf: Condition.optional(),
};

export const Likert5Item = z.object({
  ...base,
  type: z.literal('likert5'),
  /** Scoring element this criterion belongs to (e.g. "E1"); absent for unscored scales. */
  element: z.string().min(1).optional(),
  weight: z.number().positive().default(1),
  allowNA: z.boolean().default(true),
});
export const SingleItem = z.object({ ...base, type: z.literal('single'), options: z.array(Option).min(2) });
export const MultiItem = z.object({
  ...base,
  type: z.literal('multi'),
  options: z.array(Option).min(2),
  max: z.number().int().positive().optional(),
});
export const NumberItem = z.object({
  ...base,
  type: z.literal('number'),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().default(true),
});
export const TextItem = z.object({ ...base, type: z.literal('text'), maxLength: z.number().int().positive().default(200) });
export const LongTextItem = z.object({
  ...base,
  type: z.literal('longtext'),
  maxLength: z.number().int().positive().default(2000),
});
/** Kiosk faces: the answer is the level 1..levels (1 = least satisfied). */
export const RatingItem = z.object({
  ...base,
  type: z.literal('rating'),
  levels: z.union([z.literal(3), z.literal(5)]),
  labels: z.array(LocalizedText),
  /** Ratings at or above this level count as satisfied. */
  satisfiedAtLeast: z.number().int().min(1),
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
  description: LocalizedText.optional(),
  items: z.array(Item).min(1),
});
export type Section = z.infer<typeof Section>;

export const ScaleLabels = z.object({
  /** Labels of levels 1..5. */
  levels: z.array(LocalizedText).length(5),
  na: LocalizedText,
});

export const ScoringElement = z.object({ id: z.string().min(1), label: LocalizedText, weight: z.number().positive().default(1) });

export const InterviewScoring = z.object({ elements: z.array(ScoringElement).min(1) });

/** Kiosk behaviour lives in the form so a province can tune it without a release. */
export const KioskSettings = z.object({
  /** The rating item that drives the flow. */
  ratingItem: ItemId,
  /** Follow-up items are shown when the rating is at most this level. */
  followUpAtMost: z.number().int().min(1),
  followUpItems: z.array(ItemId).default([]),
  thankYouSeconds: z.number().positive().default(5),
  idleSeconds: z.number().positive().default(30),
  warningSeconds: z.number().positive().default(20),
  minIntervalSeconds: z.number().nonnegative().default(5),
});
export type KioskSettings = z.infer<typeof KioskSettings>;

const FormBase = z.object({
  id: ItemId,
  version: z.number().int().min(1),
  title: LocalizedText,
  description: LocalizedText.optional(),
  scale: ScaleLabels.optional(),
  sections: z.array(Section).min(1),
});

export const FormDefinition = z
  .discriminatedUnion('kind', [
    FormBase.extend({ kind: z.literal('interview'), scoring: InterviewScoring.optional() }),
    FormBase.extend({ kind: z.literal('kiosk'), kiosk: KioskSettings }),
  ])
  .superRefine((form, ctx) => {
    const seen = new Map<string, Item>();
    form.sections.forEach((section, s) => {
      section.items.forEach((item, i) => {
        const path = ['sections', s, 'items', i];
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `duplicate item id "${item.id}"` });
        if (item.showIf && !seen.has(item.showIf.item)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'showIf', 'item'],
            message: `showIf refers to "${item.showIf.item}", which is not an earlier item`,
          });
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
  });
export type FormDefinition = z.infer<typeof FormDefinition>;
export type FormInput = z.input<typeof FormDefinition>;

/** Formats zod issues as "path: message" lines, the form every caller shows. */
export function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
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
