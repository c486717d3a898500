// A draft (or any version) shown as the tablet will show it: the interview's own Question components, every section,
// in Vietnamese or English whatever the console's language, with conditions live on trial answers that are never stored.
import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { allItems, isVisible, type AnswerValue, type Answers, type FormDefinition, type Item } from '../../core';
import { label } from '../i18n/label';
import { applyAnswer, questionNumbers, visibleItemsOf } from '../interview/flow';
import { Question } from '../interview/Question';
import '../interview/interview.css';

const PREVIEW_LANGS = ['vi', 'en'] as const;
type PreviewLang = (typeof PREVIEW_LANGS)[number];

/** An i18next of its own in the preview's language (sharing the loaded words), so the console keeps its language. */
function usePreviewI18n(lang: PreviewLang): I18n | null {
  const { i18n } = useTranslation();
  const [inst, setInst] = useState<I18n | null>(null);
  useEffect(() => {
    let live = true;
    const clone = i18n.cloneInstance();
    clone
      .changeLanguage(lang)
      .then(() => clone.loadNamespaces(['interview', 'admin']))
      .then(
        () => live && setInst(clone),
        () => live && setInst(clone),
      );
    return () => {
      live = false;
    };
  }, [i18n, lang]);
  return inst && inst.language === lang ? inst : null;
}

/** The sections with their visible questions, as the tablet's section screens show them one after another. */
function Sections({ form, answers, onAnswer }: { form: FormDefinition; answers: Answers; onAnswer: (item: Item, value: AnswerValue | undefined) => void }) {
  const { i18n } = useTranslation('interview');
  const { t } = useTranslation('admin');
  const lang = i18n.language;
  const numbers = questionNumbers(form);
  const total = form.sections.length;
  return (
    <>
      {form.sections.map((section, i) => {
        const items = visibleItemsOf(form, section, answers);
        const hidden = section.items.length - items.length;
        return (
          <section key={section.id} className="ad-preview-section interview-step" aria-labelledby={`pv-${section.id}`} data-testid={`preview-section-${section.id}`}>
            <p className="progress-text">{t('forms.previewSection', { n: i + 1, total })}</p>
            <h3 id={`pv-${section.id}`}>{label(section.title, lang)}</h3>
            {section.description && <p className="section-description">{label(section.description, lang)}</p>}
            <div className="questions">
              {items.map((item) => (
                <div key={item.id} className={item.showIf ? 'ad-preview-conditional' : undefined}>
                  {item.showIf && (
                    <p className="ad-preview-cond" data-testid="preview-conditional">
                      <span aria-hidden="true">↳ </span>
                      {t('forms.previewConditional')}
                    </p>
                  )}
                  <Question
                  form={form}
                  item={item}
                  number={numbers.get(item.id) ?? 0}
                  value={answers[item.id]}
                  missing={false}
                  current={false}
                  onAnswer={(it, v) => onAnswer(it, v)}
                  onFocus={() => {}}
                  onFlush={() => {}}
                  onInvalid={() => {}}
                  />
                </div>
              ))}
            </div>
            {hidden > 0 && (
              <p className="muted ad-preview-hidden" data-testid="preview-hidden">
                {t('forms.previewHidden', { count: hidden })}
              </p>
            )}
          </section>
        );
      })}
    </>
  );
}

export function FormPreview({ form, version, onClose }: { form: FormDefinition; version: number; onClose: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const [lang, setLang] = useState<PreviewLang>(i18n.language === 'en' ? 'en' : 'vi');
  const [answers, setAnswers] = useState<Answers>({});
  const inst = usePreviewI18n(lang);
  const items = allItems(form);
  const hiddenNow = items.filter((item) => !isVisible(form, item, answers)).length;

  return (
    <section className="sv-card ad-preview" aria-labelledby="ad-preview-title" data-testid="form-preview">
      <div className="ad-preview-head">
        <h2 id="ad-preview-title">{t('forms.previewTitle', { title: label(form.title, i18n.language), version })}</h2>
        <span className="ad-actions">
          <span role="group" aria-label={t('forms.previewLanguage')} className="ad-actions">
            {PREVIEW_LANGS.map((l) => (
              <button key={l} type="button" lang={l} className={`btn btn-small${l === lang ? ' btn-primary' : ''}`} aria-pressed={l === lang} onClick={() => setLang(l)} data-testid={`preview-lang-${l}`}>
                {t(`forms.lang_${l}`)}
              </button>
            ))}
          </span>
          <button type="button" className="btn btn-small" onClick={() => setAnswers({})} disabled={Object.keys(answers).length === 0} data-testid="preview-reset">
            {t('forms.previewReset')}
          </button>
          <button type="button" className="btn btn-small" onClick={onClose} data-testid="preview-close">
            {t('forms.previewClose')}
          </button>
        </span>
      </div>
      <p className="muted sv-help">
        {t('forms.previewHelp')} {t('forms.previewQuestions', { count: items.length, sections: form.sections.length })}
        {hiddenNow > 0 && <> · {t('forms.previewHidden', { count: hiddenNow })}</>}
      </p>
      {inst ? (
        <div className="ad-preview-body" lang={lang} data-testid="preview-body" data-lang={lang}>
          <I18nextProvider i18n={inst}>
            <Sections form={form} answers={answers} onAnswer={(item, v) => setAnswers((a) => applyAnswer(form, a, item.id, v).answers)} />
          </I18nextProvider>
        </div>
      ) : (
        <p className="muted" role="status">
          {t('forms.loadingPreview')}
        </p>
      )}
    </section>
  );
}
