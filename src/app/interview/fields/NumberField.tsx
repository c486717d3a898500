// A number typed on the tablet's keypad: only a valid number is saved; anything else is explained in place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../core';
import type { FieldProps } from './types';

type NumberQ = Extract<Item, { type: 'number' }>;

export function NumberField({ item, value, lang, required, describedBy, onAnswer, onFlush, onInvalid, inputId }: FieldProps<NumberQ>) {
  const { t } = useTranslation('interview');
  const [text, setText] = useState(typeof value === 'number' ? String(value) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = `${inputId}-error`;
  const fmt = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

  function change(raw: string) {
    setText(raw);
    const s = raw.trim().replace(',', '.');
    let p: string | null = null;
    const n = Number(s);
    if (s === '') p = null;
    else if (!Number.isFinite(n)) p = t('question.numberInvalid');
    else if (item.integer && !Number.isInteger(n)) p = t('question.numberInteger');
    else if (item.min !== undefined && n < item.min) p = t('question.numberMin', { min: fmt(item.min) });
    else if (item.max !== undefined && n > item.max) p = t('question.numberMax', { max: fmt(item.max) });
    setProblem(p);
    onInvalid(p !== null);
    if (p === null) onAnswer(s === '' ? undefined : n, { debounce: true });
  }

  return (
    <>
      <input
        id={inputId}
        type="text"
        inputMode={item.integer ? 'numeric' : 'decimal'}
        value={text}
        required={required}
        aria-invalid={problem ? true : undefined}
        aria-describedby={[describedBy, problem ? errorId : undefined].filter(Boolean).join(' ') || undefined}
        onChange={(e) => change(e.target.value)}
        onBlur={onFlush}
        className="input-number"
      />
      {problem && (
        <p className="q-error" id={errorId}>
          {problem}
        </p>
      )}
    </>
  );
}
