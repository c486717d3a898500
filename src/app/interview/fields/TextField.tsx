// Short and long text: shown as typed, written after a pause in typing and again when the field is left.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../core';
import type { FieldProps } from './types';

type Text = Extract<Item, { type: 'text' | 'longtext' }>;

export function TextField({ item, value, required, describedBy, onAnswer, onFlush, inputId }: FieldProps<Text>) {
  const { t } = useTranslation('interview');
  const [text, setText] = useState(typeof value === 'string' ? value : '');
  const counterId = `${inputId}-count`;
  const change = (v: string) => {
    setText(v);
    onAnswer(v.trim() === '' ? undefined : v, { debounce: true });
  };
  const common = {
    id: inputId,
    value: text,
    maxLength: item.maxLength,
    required,
    'aria-describedby': [describedBy, item.type === 'longtext' ? counterId : undefined].filter(Boolean).join(' ') || undefined,
    onBlur: onFlush,
  };
  if (item.type === 'text') return <input type="text" {...common} onChange={(e) => change(e.target.value)} />;
  return (
    <>
      <textarea rows={4} {...common} onChange={(e) => change(e.target.value)} />
      <p className="q-note" id={counterId}>
        {t('question.chars', { count: text.length, max: item.maxLength })}
      </p>
    </>
  );
}
