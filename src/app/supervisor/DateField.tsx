// A date typed and shown as dd/mm/yyyy in both languages (a browser's native date field follows its own locale, often US).
import { useEffect, useState } from 'react';

export function formatDmy(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** "27/11/2026" or "27-11-2026" → "2026-11-27"; null when it is no real date. */
export function parseDmy(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : null;
}

export function DateField({
  label,
  value,
  onChange,
  testId,
  invalidText,
}: {
  label: string;
  value: string;
  onChange: (day: string) => void;
  testId: string;
  invalidText: string;
}) {
  const [text, setText] = useState(formatDmy(value));
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(formatDmy(value));
    setInvalid(false);
  }, [value]);
  const commit = () => {
    const d = parseDmy(text);
    if (d) {
      setInvalid(false);
      if (d !== value) onChange(d);
    } else setInvalid(true);
  };
  const hint = `${testId}-hint`;
  return (
    <label className="sv-field">
      <span>{label}</span>
      <input
        className="sv-date"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        value={text}
        aria-invalid={invalid}
        aria-describedby={invalid ? hint : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          }
        }}
        data-testid={testId}
      />
      {invalid && (
        <span id={hint} className="sv-invalid" role="alert">
          {invalidText}
        </span>
      )}
    </label>
  );
}
