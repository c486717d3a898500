// What every question widget receives: the item, its saved value, and how to report a new one.
import type { AnswerValue, FormDefinition, Item } from '../../../core';

export interface FieldProps<I extends Item = Item> {
  form: FormDefinition;
  item: I;
  value: AnswerValue | undefined;
  lang: string;
  /** Ids for aria-describedby: help text and the "needs an answer" message. */
  describedBy: string | undefined;
  required: boolean;
  onAnswer: (value: AnswerValue | undefined, opts?: { debounce?: boolean }) => void;
  /** Typing is written after a pause; leaving the field writes it at once. */
  onFlush: () => void;
  /** Number fields report text that is not a valid answer yet, so "Next" can say so. */
  onInvalid: (invalid: boolean) => void;
  inputId: string;
}
