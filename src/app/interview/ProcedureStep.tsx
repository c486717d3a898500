// Which procedure (TTHC) the person just finished: the tablet's recent ones as one-tap choices, or typed in.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure } from '../../core';
import { recentProcedures } from '../store/procedures';

export function ProcedureStep({
  initial,
  onDraft,
  onChoose,
}: {
  initial: Procedure | null;
  /** Keeps what is typed so far, so a closed tab does not lose it. */
  onDraft: (p: Procedure) => void;
  onChoose: (p: Procedure) => void;
}) {
  const { t } = useTranslation('interview');
  const recent = useLiveQuery(() => recentProcedures(), [], []);
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [error, setError] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  useEffect(() => headingRef.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!code.trim()) {
      setError(true);
      codeRef.current?.focus();
      return;
    }
    onChoose({ code: code.trim(), name: name.trim() });
  }

  const keep = () => {
    if (code.trim()) onDraft({ code: code.trim(), name: name.trim() });
  };

  return (
    <section className="interview-step" aria-labelledby="procedure-title">
      <h1 id="procedure-title" ref={headingRef} tabIndex={-1}>
        {t('procedure.title')}
      </h1>
      <p>{t('procedure.intro')}</p>
      {recent.length > 0 && (
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t('procedure.recent')}</h2>
          <p className="muted">{t('procedure.recentHelp')}</p>
          <ul className="recent-procedures">
            {recent.map((p) => (
              <li key={p.code}>
                <button type="button" className="btn btn-large recent-procedure" onClick={() => onChoose({ code: p.code, name: p.name })}>
                  <span className="procedure-code">{p.code}</span>
                  {p.name && <span className="procedure-name">{p.name}</span>}
                </button>
              </li>
            ))}
          </ul>
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
            required
            maxLength={64}
            autoComplete="off"
            aria-invalid={error && !code.trim() ? true : undefined}
            aria-describedby={error && !code.trim() ? 'procedure-code-error' : undefined}
            onChange={(e) => setCode(e.target.value)}
            onBlur={keep}
          />
        </label>
        {error && !code.trim() && (
          <p className="q-error" id="procedure-code-error" role="alert">
            {t('procedure.codeRequired')}
          </p>
        )}
        <label className="field">
          <span>{t('procedure.name')}</span>
          <input name="procedureName" value={name} maxLength={300} autoComplete="off" onChange={(e) => setName(e.target.value)} onBlur={keep} />
        </label>
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
