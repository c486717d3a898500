// Every answer by section before submitting: tap one to go back and change it; required blanks in red.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../core/format';
import { type Answers, type FormDefinition, type Procedure } from '../../core';
import { label } from '../i18n/label';
import { answerText, missingRequired, visibleItemsOf, visibleSections } from './flow';

export function ReviewStep({
  form,
  answers,
  procedure,
  numbers,
  onEdit,
  onEditProcedure,
  onBack,
  onSubmit,
}: {
  form: FormDefinition;
  answers: Answers;
  procedure: Procedure | null;
  numbers: Map<string, number>;
  onEdit: (sectionIndex: number, itemId: string) => void;
  onEditProcedure: () => void;
  onBack: () => void;
  onSubmit: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation('interview');
  const lang = i18n.language;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const [submitting, setSubmitting] = useState(false);
  useEffect(() => {
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  }, []);

  const sections = visibleSections(form, answers);
  const missing = new Set(sections.flatMap((s) => missingRequired(form, visibleItemsOf(form, form.sections[s], answers), answers).map((i) => i.id)));
  const fmt = (n: number) => formatNumber(n, lang, 6);

  async function submit() {
    if (submitting) return;
    if (missing.size > 0 || !procedure) {
      const first = document.querySelector<HTMLElement>('.review-row-missing');
      (first ?? alertRef.current)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await onSubmit();
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <section className="interview-step" aria-labelledby="review-title">
      <h1 id="review-title" ref={headingRef} tabIndex={-1}>
        {t('review.title')}
      </h1>
      <p>{t('review.intro')}</p>
      <div
        ref={alertRef}
        tabIndex={-1}
        className={missing.size > 0 ? 'banner banner-error review-summary' : 'banner banner-info review-summary'}
        role="status"
        data-testid="review-summary"
      >
        {missing.size > 0 ? t('review.missing', { count: missing.size }) : t('review.complete')}
      </div>

      <section className="card review-section" aria-labelledby="review-procedure">
        <h2 id="review-procedure">{t('review.procedure')}</h2>
        <button type="button" className="review-row" onClick={onEditProcedure}>
          <span className="review-answer">{procedure ? [procedure.code, procedure.name].filter(Boolean).join(' · ') : t('review.requiredMissing')}</span>
          <span className="review-edit" aria-hidden="true">
            {t('review.edit')} ›
          </span>
        </button>
      </section>

      {sections.map((s) => {
        const section = form.sections[s];
        const titleId = `review-${section.id}`;
        return (
          <section key={section.id} className="card review-section" aria-labelledby={titleId}>
            <h2 id={titleId}>{label(section.title, lang)}</h2>
            <ul className="review-list">
              {visibleItemsOf(form, section, answers).map((item) => {
                const text = answerText(form, item, answers[item.id], lang, fmt);
                const isMissing = missing.has(item.id);
                return (
                  <li key={item.id}>
                    <button
                      type="button"
                      className={`review-row${isMissing ? ' review-row-missing' : ''}`}
                      data-item-id={item.id}
                      onClick={() => onEdit(s, item.id)}
                    >
                      <span className="review-question">
                        <span className="q-number">{t('question.number', { n: numbers.get(item.id) })}</span> {label(item.label, lang)}
                      </span>
                      <span className={text === null ? 'review-answer review-blank' : 'review-answer'}>
                        {text ?? (isMissing ? `⚠ ${t('review.requiredMissing')}` : t('review.notAnswered'))}
                      </span>
                      <span className="review-edit" aria-hidden="true">
                        {t('review.edit')} ›
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}

      <nav className="step-nav" aria-label={t('review.title')}>
        <button type="button" className="btn btn-large" onClick={onBack}>
          <span aria-hidden="true">←</span> {t('nav.back')}
        </button>
        <button type="button" className="btn btn-primary btn-large" onClick={() => void submit()} disabled={submitting}>
          {t('review.submit')}
        </button>
      </nav>
    </section>
  );
}
