// The console's small building blocks: a labelled field with its error under it, a question before anything
// that cannot be undone, one way to run a change and say how it went, and the table, file picker and site filter
// every section draws the same way.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SiteJson } from '../../core/protocol/sites';
import type { ApiFailure } from '../api/api-error';
import { errorText, failureOf } from '../api/error-text';
import { failureFields, type FieldProblems } from './console-logic';

interface FieldProps {
  label: string;
  /** A key of the 'admin' namespace's invalid.* words, or undefined when the value is fine. */
  problem?: string;
  hint?: string;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** A label over its control, a hint and the field's error under it, tied together for screen readers. */
export function Field({ label, problem, hint, children, className }: FieldProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', problem ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`sv-field ad-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: problem !== undefined })}
      {hint && (
        <span id={hintId} className="ad-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={errorId} className="ad-error">
          {t(`invalid.${problem}`)}
        </span>
      )}
    </div>
  );
}

/** A question with the harmful answer in red and the safe one focused, so a stray Enter keeps things as they are. */
export function Confirm({ question, yes, no, onYes, onNo, busy }: { question: string; yes: string; no: string; onYes: () => void; onNo: () => void; busy?: boolean }) {
  const id = useId();
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  return (
    <div className="ad-confirm" role="group" aria-labelledby={id} data-testid="ad-confirm">
      <span id={id}>{question}</span>
      <span className="ad-actions">
        <button type="button" className="btn btn-small btn-danger" onClick={onYes} disabled={busy}>
          {yes}
        </button>
        <button ref={safe} type="button" className="btn btn-small" onClick={onNo}>
          {no}
        </button>
      </span>
    </div>
  );
}

/** A message above a form or list: an error in red (announced at once), or a quiet word that something was done. */
export function Note({ error, done }: { error?: string | null; done?: string | null }) {
  if (error)
    return (
      <p className="sv-note sv-note-error" role="alert">
        {error}
      </p>
    );
  if (done)
    return (
      <p className="sv-note" role="status">
        {done}
      </p>
    );
  return null;
}

export interface Action {
  busy: boolean;
  /** The failure said in words, when it is not one the form shows next to a field. */
  error: string | null;
  /** Per field, what the last failure said about it. */
  fields: FieldProblems;
  failure: ApiFailure | null;
  /** Runs a change; resolves true when it went through. */
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
}

/** One change at a time, its failure split between the form's fields (`fields`) and a sentence above it. */
export function useAction(fields: readonly string[] = []): Action {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [caught, setCaught] = useState<{ e: unknown } | null>(null);
  const key = fields.join('|');
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setCaught(null);
    try {
      await fn();
      return true;
    } catch (e) {
      setCaught({ e });
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setCaught(null), []);
  const failure = caught ? (failureOf(caught.e) ?? { kind: 'bad-answer' as const, status: 0 }) : null;
  const split = failureFields(caught ? failure : null, key ? key.split('|') : []);
  return {
    busy,
    failure,
    fields: split.fields,
    error: caught && split.rest ? errorText(caught.e, i18n.language, 'staff') : null,
    run,
    clear,
  };
}

/** A column heading: its words, and whether it holds numbers (set right, as the cells under it). */
type Column = string | { label: string; num?: boolean };

interface AdminTableProps {
  columns: readonly Column[];
  /** A last column of row buttons: its heading is said to screen readers only. */
  actions?: string;
  /**
   * Names the table as a region a keyboard can focus and scroll: for lists that can grow taller or wider than the
   * screen (they then scroll within their card, up to a screen's height when `tall`).
   */
  region?: string;
  tall?: boolean;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/** A console list: headings over rows, in a wrapper that scrolls sideways within the card, never the page. */
export function AdminTable({ columns, actions, region, tall, className, testId, children }: AdminTableProps) {
  return (
    <div className={`ad-table-wrap${tall ? ' sv-scroll' : ''}`} {...(region ? { tabIndex: 0, role: 'region', 'aria-label': region } : {})}>
      <table className={`sv-table ad-table${className ? ` ${className}` : ''}`} data-testid={testId}>
        <thead>
          <tr>
            {columns.map((c) => {
              const { label, num } = typeof c === 'string' ? { label: c, num: false } : c;
              return (
                <th key={label} scope="col" className={num ? 'num' : undefined}>
                  {label}
                </th>
              );
            })}
            {actions !== undefined && (
              <th scope="col">
                <span className="sr-only">{actions}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

interface FilePickerProps {
  label: string;
  problem?: string;
  accept: string;
  file: File | null;
  onPick: (file: File | null) => void;
  /** The button's words and what stands beside it until a file is chosen. */
  choose: string;
  none: string;
  className?: string;
  /** The input's test id; the chosen file's name is `${testId}-name`. */
  testId: string;
}

/** A file input behind a button that reads as the console's others, with the chosen file's name beside it. */
export function FilePicker({ label, problem, accept, file, onPick, choose, none, className, testId }: FilePickerProps) {
  return (
    <Field label={label} problem={problem} className={className}>
      {(f) => (
        <span className="ad-file-pick">
          <input
            id={f.id}
            type="file"
            className="ad-file-input"
            accept={accept}
            onChange={(e) => onPick(e.target.files?.[0] ?? null)}
            aria-invalid={f.invalid}
            aria-describedby={f.describedBy}
            data-testid={testId}
          />
          <label htmlFor={f.id} className="btn btn-small" aria-hidden="true">
            {choose}
          </label>
          <span data-testid={`${testId}-name`}>{file ? file.name : none}</span>
        </span>
      )}
    </Field>
  );
}

/** The filter every list has: one of the caller's sites, or all of them ('' ). */
export function SiteFilter({ label, sites, value, onChange, testId }: { label: string; sites: readonly SiteJson[]; value: string; onChange: (siteId: string) => void; testId: string }) {
  const { t } = useTranslation('admin');
  return (
    <label className="sv-field sv-field-wide">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('allSites', { count: sites.length })}</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.code})
          </option>
        ))}
      </select>
    </label>
  );
}
