// The console's small building blocks: a labelled field with its error under it, a question before anything
// that cannot be undone, and one way to run a change and say how it went.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
