// One question on a section screen: choices in a fieldset with a legend, typed answers with a label.
import { useTranslation } from 'react-i18next';
import type { AnswerValue, FormDefinition, Item } from '../../core';
import { label } from '../i18n/label';
import { MultiField, RatingField, SingleField } from './fields/ChoiceField';
import { Likert5Field } from './fields/Likert5Field';
import { NumberField } from './fields/NumberField';
import { TextField } from './fields/TextField';
import type { FieldProps } from './fields/types';

export interface QuestionProps {
  form: FormDefinition;
  item: Item;
  number: number;
  value: AnswerValue | undefined;
  /** Shown in red once "Next" found it unanswered. */
  missing: boolean;
  /** The question the interviewer was put back at. */
  current: boolean;
  onAnswer: (item: Item, value: AnswerValue | undefined, opts?: { debounce?: boolean }) => void;
  onFocus: (item: Item) => void;
  onFlush: () => void;
  onInvalid: (item: Item, invalid: boolean) => void;
}

/** DOM id of a question's container; item ids may hold dots, so look it up with getElementById. */
export const questionDomId = (itemId: string) => `q-${itemId}`;

export function Question({ form, item, number, value, missing, current, onAnswer, onFocus, onFlush, onInvalid }: QuestionProps) {
  const { t, i18n } = useTranslation('interview');
  const lang = i18n.language;
  const id = questionDomId(item.id);
  const helpId = item.help ? `${id}-help` : undefined;
  const missingId = missing ? `${id}-missing` : undefined;
  const describedBy = [helpId, missingId].filter(Boolean).join(' ') || undefined;
  const props: FieldProps = {
    form,
    item,
    value,
    lang,
    describedBy,
    required: item.required,
    onAnswer: (v, opts) => onAnswer(item, v, opts),
    onFlush,
    onInvalid: (invalid) => onInvalid(item, invalid),
    inputId: `${id}-input`,
  };
  const heading = (
    <>
      <span className="q-number">{t('question.number', { n: number })}</span>
      <span className="q-label">{label(item.label, lang)}</span>
      {!item.required && <span className="q-optional"> {t('question.optional')}</span>}
    </>
  );
  const notes = (
    <>
      {item.help && (
        <p className="q-help" id={helpId}>
          {label(item.help, lang)}
        </p>
      )}
    </>
  );
  const error = missing && (
    <p className="q-error" id={missingId}>
      <span aria-hidden="true">⚠ </span>
      {t('question.required')}
    </p>
  );
  const className = `question${missing ? ' question-missing' : ''}${current ? ' question-current' : ''}`;
  const common = { id, className, 'data-item-id': item.id, 'data-number': number, onFocus: () => onFocus(item) };

  if (item.type === 'likert5' || item.type === 'single' || item.type === 'multi' || item.type === 'rating') {
    return (
      <fieldset {...common} aria-describedby={describedBy}>
        <legend>{heading}</legend>
        {notes}
        {item.type === 'likert5' && <Likert5Field {...props} item={item} />}
        {item.type === 'single' && <SingleField {...props} item={item} />}
        {item.type === 'multi' && <MultiField {...props} item={item} />}
        {item.type === 'rating' && <RatingField {...props} item={item} />}
        {error}
      </fieldset>
    );
  }
  return (
    <div {...common}>
      <label className="q-heading" htmlFor={props.inputId}>
        {heading}
      </label>
      {notes}
      {item.type === 'number' && <NumberField {...props} item={item} />}
      {(item.type === 'text' || item.type === 'longtext') && <TextField {...props} item={item} />}
      {error}
    </div>
  );
}
