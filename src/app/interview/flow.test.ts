// The interview's rules without a browser: numbering, resuming, what showIf hides, how answers read on review.
import { describe, expect, it } from 'vitest';
import { getBuiltinForm, parseForm, type FormInput } from '../../core';
import { answerText, applyAnswer, missingRequired, questionNumbers, resumeItem, resumePlace, visibleItemsOf, visibleSections } from './flow';

const sipas = getBuiltinForm('sipas-2017')!;

const input: FormInput = {
  id: 'flow-test',
  version: 1,
  kind: 'interview',
  title: { vi: 'Thử', en: 'Test' },
  sections: [
    {
      id: 'a',
      title: { vi: 'A', en: 'A' },
      items: [
        { id: 'used', type: 'single', required: true, label: { vi: 'Dùng?', en: 'Used?' }, options: [
          { value: 'yes', label: { vi: 'Có', en: 'Yes' } },
          { value: 'no', label: { vi: 'Không', en: 'No' } },
        ] },
        { id: 'how', type: 'text', required: true, showIf: { item: 'used', op: 'in', values: ['yes'] }, label: { vi: 'Thế nào?', en: 'How?' } },
      ],
    },
    {
      id: 'b',
      title: { vi: 'B', en: 'B' },
      items: [{ id: 'more', type: 'longtext', showIf: { item: 'how', op: 'answered' }, label: { vi: 'Thêm', en: 'More' } }],
    },
  ],
};
const parsed = parseForm(input);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const form = parsed.form;

describe('interview flow', () => {
  it('numbers questions by their place in the whole form', () => {
    const n = questionNumbers(sipas);
    expect(n.get('E1.1')).toBe(1);
    expect(n.get('E2.2')).toBe(6);
    expect(n.get('E5.4')).toBe(22);
  });

  it('resumes after the last answered question, or at the visited one still blank', () => {
    const items = visibleItemsOf(sipas, sipas.sections[1], {});
    expect(resumeItem(items, { 'E2.1': 3 }, 'E2.1')).toBe('E2.2');
    expect(resumeItem(items, { 'E2.1': 3 }, 'E2.3')).toBe('E2.3');
    expect(resumeItem(items, { 'E2.1': 3, 'E2.2': 4, 'E2.3': 4, 'E2.4': 4, 'E2.5': 4 }, 'E2.5')).toBeNull();
    // The last one answered but an earlier one skipped: go back to the gap.
    expect(resumeItem(items, { 'E2.1': 3, 'E2.5': 4 }, 'E2.5')).toBe('E2.2');
    expect(resumeItem(items, {}, null)).toBe('E2.1');
  });

  it('drops answers that an answer hides, following chains of conditions', () => {
    const start = { used: 'yes', how: 'often', more: 'details' };
    const { answers, dropped } = applyAnswer(form, start, 'used', 'no');
    expect(answers).toEqual({ used: 'no' });
    expect(dropped.sort()).toEqual(['how', 'more']);
    expect(applyAnswer(form, start, 'how', undefined)).toEqual({ answers: { used: 'yes' }, dropped: ['more'] });
  });

  it('with a condition tree, drops what a new answer hides and asks what it reveals (a not() over a hidden question holds)', () => {
    const tree = parseForm({
      ...input,
      id: 'flow-tree',
      sections: [
        {
          id: 'a',
          title: { vi: 'A', en: 'A' },
          items: [
            input.sections[0].items[0],
            { id: 'trips', type: 'number', showIf: { item: 'used', op: 'in', values: ['yes'] }, label: { vi: 'Mấy lần?', en: 'Trips?' } },
            {
              id: 'fine',
              type: 'text',
              required: true,
              showIf: { op: 'all', conditions: [{ item: 'used', op: 'answered' }, { op: 'not', condition: { item: 'trips', op: 'gte', value: 3 } }] },
              label: { vi: 'Ổn chứ?', en: 'Fine?' },
            },
          ],
        },
      ],
    });
    if (!tree.ok) throw new Error(tree.errors.join('\n'));
    const f = tree.form;
    expect(applyAnswer(f, { used: 'yes', trips: 1, fine: 'ổn' }, 'trips', 4)).toEqual({ answers: { used: 'yes', trips: 4 }, dropped: ['fine'] });
    // Saying "no" hides trips; its stale 4 no longer counts, so "fine" is asked again.
    const { answers, dropped } = applyAnswer(f, { used: 'yes', trips: 4 }, 'used', 'no');
    expect([answers, dropped]).toEqual([{ used: 'no' }, ['trips']]);
    expect(missingRequired(f, f.sections[0].items, answers).map((i) => i.id)).toEqual(['fine']);
  });

  it('skips sections with nothing to ask and lists required blanks that are shown', () => {
    expect(visibleSections(form, { used: 'no' })).toEqual([0]);
    expect(visibleSections(form, { used: 'yes', how: 'x' })).toEqual([0, 1]);
    expect(missingRequired(form, form.sections[0].items, { used: 'yes' }).map((i) => i.id)).toEqual(['how']);
    expect(missingRequired(form, form.sections[0].items, { used: 'no' })).toEqual([]);
  });

  it('reads answers in the chosen language', () => {
    const fmt = (n: number) => String(n);
    const e11 = sipas.sections[0].items[0];
    expect(answerText(sipas, e11, 4, 'vi', fmt)).toBe('4 · Hài lòng');
    expect(answerText(sipas, e11, 'na', 'en', fmt)).toBe('Not applicable / Don’t know');
    expect(answerText(form, form.sections[0].items[0], 'no', 'en', fmt)).toBe('No');
    expect(answerText(form, form.sections[0].items[1], undefined, 'vi', fmt)).toBeNull();
  });
});

describe('resuming a draft', () => {
  const at = { stage: 'questions' as const, sectionIndex: 0, itemId: 'used', answers: { used: 'yes', how: 'Qua mạng' } };

  it('left while changing an answer from review: back at that question, and the way on leads to review', () => {
    expect(resumePlace({ ...at, returnToReview: true }, form)).toEqual({ stage: 'questions', sectionIndex: 0, focusItem: null, fromReview: true });
    expect(resumePlace({ stage: 'procedure', sectionIndex: 0, itemId: null, answers: {}, returnToReview: true }, form).fromReview).toBe(true);
  });

  it('left in the ordinary way, or a draft stored before this was kept: the way on is the next section', () => {
    expect(resumePlace({ ...at, returnToReview: false }, form).fromReview).toBe(false);
    expect(resumePlace(at, form).fromReview).toBe(false);
    // Only a question or the procedure is edited from review; consent is never reached that way.
    expect(resumePlace({ ...at, stage: 'consent', returnToReview: true }, form).fromReview).toBe(false);
  });

  it('puts the interviewer at the next unanswered question of the stored section', () => {
    expect(resumePlace({ ...at, answers: { used: 'yes' } }, form)).toEqual({ stage: 'questions', sectionIndex: 0, focusItem: 'how', fromReview: false });
  });
});
