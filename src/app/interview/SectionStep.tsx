// One section a screen: progress, its visible questions, and "Next" that names any required question left blank.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Answers, FormDefinition, Item } from '../../core';
import { label } from '../i18n/label';
import { missingRequired, visibleItemsOf } from './flow';
import { Question, questionDomId } from './Question';

export interface SectionStepProps {
  form: FormDefinition;
  sectionIndex: number;
  answers: Answers;
  numbers: Map<string, number>;
  position: { current: number; total: number };
  /** The question to put the interviewer at (resume, or an edit from review); null: the top of the section. */
  focusItem: string | null;
  fromReview: boolean;
  isLast: boolean;
  onAnswer: (item: Item, value: AnswerValue | undefined, opts?: { debounce?: boolean }) => void;
  onFocusItem: (item: Item) => void;
  onFlush: () => void;
  onBack: () => void;
  onNext: () => void;
  onReview: () => void;
}

/** Puts focus on a question's answer (the chosen one, else the first) and brings it to the middle of the screen. */
function focusQuestion(itemId: string): boolean {
  const el = document.getElementById(questionDomId(itemId));
  if (!el) return false;
  const input = el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input:not([disabled]), textarea');
  el.scrollIntoView({ block: 'center' });
  input?.focus({ preventScroll: true });
  return true;
}

export function SectionStep(props: SectionStepProps) {
  const { form, sectionIndex, answers, numbers, position, focusItem, fromReview, isLast } = props;
  const { t, i18n } = useTranslation('interview');
  const lang = i18n.language;
  const section = form.sections[sectionIndex];
  const items = visibleItemsOf(form, section, answers);
  const [attempted, setAttempted] = useState(false);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusItem && focusQuestion(focusItem)) return;
    window.scrollTo(0, 0);
    headingRef.current?.focus();
    // Only on arrival: later renders must not move the interviewer's focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const missing = attempted ? missingRequired(form, items, answers) : [];
  const invalidItems = items.filter((i) => invalid.has(i.id));
  const numberList = (list: Item[]) => list.map((i) => t('question.number', { n: numbers.get(i.id) })).join(', ');

  function next() {
    const blank = missingRequired(form, items, answers);
    if (blank.length > 0 || invalidItems.length > 0) {
      setAttempted(true);
      focusQuestion((blank[0] ?? invalidItems[0]).id);
      return;
    }
    props.onNext();
  }

  function setItemInvalid(item: Item, bad: boolean) {
    setInvalid((prev) => {
      if (prev.has(item.id) === bad) return prev;
      const s = new Set(prev);
      if (bad) s.add(item.id);
      else s.delete(item.id);
      return s;
    });
  }

  return (
    <section className="interview-step" aria-labelledby="section-title">
      <div className="progress">
        <span className="progress-text" data-testid="section-progress">
          {t('section.progress', position)}
        </span>
        <progress max={position.total} value={position.current} aria-label={t('section.progressLabel')} />
      </div>
      <h1 id="section-title" ref={headingRef} tabIndex={-1}>
        {label(section.title, lang)}
      </h1>
      {section.description && <p className="section-description">{label(section.description, lang)}</p>}

      {(missing.length > 0 || (attempted && invalidItems.length > 0)) && (
        <div className="banner banner-error section-alert" role="alert" data-testid="missing-alert">
          {missing.length > 0 && <p>{t('section.missing', { count: missing.length, list: numberList(missing) })}</p>}
          {invalidItems.length > 0 && <p>{t('section.invalid', { list: numberList(invalidItems) })}</p>}
        </div>
      )}

      <div className="questions">
        {items.map((item) => (
          <Question
            key={item.id}
            form={form}
            item={item}
            number={numbers.get(item.id) ?? 0}
            value={answers[item.id]}
            missing={missing.includes(item)}
            current={item.id === focusItem}
            onAnswer={props.onAnswer}
            onFocus={props.onFocusItem}
            onFlush={props.onFlush}
            onInvalid={setItemInvalid}
          />
        ))}
      </div>

      <nav className="step-nav" aria-label={t('section.progressLabel')}>
        <button type="button" className="btn btn-large" onClick={props.onBack}>
          <span aria-hidden="true">←</span> {t('nav.back')}
        </button>
        {fromReview ? (
          <button type="button" className="btn btn-primary btn-large" onClick={props.onReview}>
            {t('nav.backToReview')}
          </button>
        ) : (
          <button type="button" className="btn btn-primary btn-large" onClick={next}>
            {isLast ? t('nav.review') : t('nav.next')} <span aria-hidden="true">→</span>
          </button>
        )}
      </nav>
    </section>
  );
}
