// The five-level satisfaction scale as five large labelled radio buttons plus "not applicable / don't know".
import type { Item } from '../../../core';
import { label } from '../../i18n/label';
import type { FieldProps } from './types';

type Likert5 = Extract<Item, { type: 'likert5' }>;

export function Likert5Field({ form, item, value, lang, required, onAnswer }: FieldProps<Likert5>) {
  const levels = form.scale?.levels ?? [];
  const name = `q-${item.id}`;
  return (
    <>
      <div className="likert">
        {levels.map((text, i) => {
          const level = i + 1;
          return (
            <label key={level} className="tile likert-option">
              <input
                type="radio"
                name={name}
                value={level}
                checked={value === level}
                required={required}
                onChange={() => onAnswer(level)}
              />
              <span className="likert-num" aria-hidden="true">
                {level}
              </span>
              <span className="tile-text">{label(text, lang)}</span>
            </label>
          );
        })}
      </div>
      {item.allowNA && form.scale && (
        <label className="tile likert-na">
          <input type="radio" name={name} value="na" checked={value === 'na'} required={required} onChange={() => onAnswer('na')} />
          <span className="tile-text">{label(form.scale.na, lang)}</span>
        </label>
      )}
    </>
  );
}
