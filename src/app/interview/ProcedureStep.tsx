// Which procedure (TTHC) the person just finished: this tablet's recent ones and the site's most used as one-tap
// choices, or typed in, by code or by name (the code is optional), with matches offered as it is typed.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../core';
import { recentProcedures } from '../store/procedures';
import { useEnrolmentInfo } from '../sync/sync-settings';
import { matchProcedures, mergeProcedures } from './procedure-choices';

/** Site procedures shown as buttons; the rest are found by typing. */
const KNOWN_SHOWN = 6;

function ProcedureButton({ p, onChoose }: { p: Procedure; onChoose: (p: Procedure) => void }) {
  return (
    <li>
      <button type="button" className="btn btn-large recent-procedure" onClick={() => onChoose({ code: p.code, name: p.name })} data-code={p.code}>
        {p.code && <span className="procedure-code">{p.code}</span>}
        {p.name && <span className="procedure-name">{p.name}</span>}
      </button>
    </li>
  );
}

/** What is typed, trimmed; null while both fields are empty. */
function draftOf(code: string, name: string): Procedure | null {
  return code.trim() || name.trim() ? { code: code.trim(), name: name.trim() } : null;
}

export function ProcedureStep({
  initial,
  onDraft,
  onChoose,
}: {
  initial: Procedure | null;
  /** Keeps what is typed so far (null once both fields are empty), so a pause or a closed tab does not lose it. */
  onDraft: (p: Procedure | null, opts?: { debounce?: boolean }) => void;
  onChoose: (p: Procedure) => void;
}) {
  const { t } = useTranslation('interview');
  const recent = useLiveQuery(() => recentProcedures(), [], []);
  const enrolment = useEnrolmentInfo();
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [error, setError] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  const all = useMemo(() => mergeProcedures(recent, enrolment?.procedures ?? []), [recent, enrolment]);
  const known = all.slice(recent.length, recent.length + KNOWN_SHOWN);
  const matches = matchProcedures(all, { code, name });
  const typed = draftOf(code, name);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!typed) {
      setError(true);
      codeRef.current?.focus();
      return;
    }
    onChoose(typed);
  }

  const keep = () => onDraft(typed);

  return (
    <section className="interview-step" aria-labelledby="procedure-title">
      <h1 id="procedure-title" ref={headingRef} tabIndex={-1}>
        {t('procedure.title')}
      </h1>
      <p>{t('procedure.intro')}</p>
      {(recent.length > 0 || known.length > 0) && (
        <section className="card" aria-labelledby="procedure-choose-title">
          <h2 id="procedure-choose-title">{t('procedure.choose')}</h2>
          <p className="muted">{t('procedure.recentHelp')}</p>
          {recent.length > 0 && (
            <>
              <h3 id="recent-title">{t('procedure.recent')}</h3>
              <ul className="recent-procedures" aria-labelledby="recent-title" data-testid="recent-procedures">
                {all.slice(0, recent.length).map((p) => (
                  <ProcedureButton key={`${p.code}|${p.name}`} p={p} onChoose={onChoose} />
                ))}
              </ul>
            </>
          )}
          {known.length > 0 && (
            <>
              <h3 id="known-title">{t('procedure.known')}</h3>
              <ul className="recent-procedures" aria-labelledby="known-title" data-testid="known-procedures">
                {known.map((p) => (
                  <ProcedureButton key={`${p.code}|${p.name}`} p={p} onChoose={onChoose} />
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <form className="card stack" onSubmit={submit} noValidate aria-labelledby="procedure-other-title">
        <h2 id="procedure-other-title">{t('procedure.other')}</h2>
        <label className="field">
          <span>{t('procedure.code')}</span>
          <input
            ref={codeRef}
            name="procedureCode"
            value={code}
            maxLength={64}
            autoComplete="off"
            aria-invalid={error && !typed ? true : undefined}
            aria-describedby={error && !typed ? 'procedure-error' : undefined}
            onChange={(e) => {
              setCode(e.target.value);
              onDraft(draftOf(e.target.value, name), { debounce: true });
            }}
            onBlur={keep}
          />
        </label>
        <label className="field">
          <span>{t('procedure.name')}</span>
          <input
            name="procedureName"
            value={name}
            maxLength={300}
            autoComplete="off"
            aria-invalid={error && !typed ? true : undefined}
            aria-describedby={error && !typed ? 'procedure-error' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              onDraft(draftOf(code, e.target.value), { debounce: true });
            }}
            onBlur={keep}
          />
        </label>
        {error && !typed && (
          <p className="q-error" id="procedure-error" role="alert">
            {t('procedure.codeOrName')}
          </p>
        )}
        {matches.length > 0 && (
          <div aria-live="polite">
            <h3 id="match-title">{t('procedure.matches')}</h3>
            <ul className="recent-procedures" aria-labelledby="match-title" data-testid="matching-procedures">
              {matches.map((p) => (
                <ProcedureButton key={`${p.code}|${p.name}`} p={p} onChoose={onChoose} />
              ))}
            </ul>
          </div>
        )}
        <div className="step-nav">
          <span />
          <button type="submit" className="btn btn-primary btn-large">
            {t('procedure.continue')} <span aria-hidden="true">→</span>
          </button>
        </div>
      </form>
    </section>
  );
}
