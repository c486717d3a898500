// The enumerator's interview: procedure → eligibility and consent → one section a screen → review → outbox.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Answers, FormDefinition, Item, Procedure } from '../../core';
import { loadForm } from '../forms/forms';
import { navigate } from '../router';
import { useNoReloadWhileMounted } from '../shell/update-context';
import { db } from '../store/db';
import { completeDraft, discardDraft, getDraft, moveTo, updateDraft } from '../store/drafts';
import { rememberProcedure } from '../store/procedures';
import { recordRefusal } from '../store/refusals';
import type { RefusalReason } from '../../core/protocol/refusals';
import type { Consent, Draft, DraftStage } from '../store/types';
import { AnswerWriter, type SaveState, type WriteOptions } from './answer-writer';
import { ConsentStep, EMPTY_CONSENT } from './ConsentStep';
import { DoneStep } from './DoneStep';
import { applyAnswer, questionNumbers, resumePlace, visibleSections, type Place } from './flow';
import { ProcedureStep } from './ProcedureStep';
import { ReviewStep } from './ReviewStep';
import { useFirstScreenPending } from '../shell/first-screen';
import { SectionStep } from './SectionStep';
import { useSectionClock } from './use-section-clock';
import './interview.css';

type Loaded =
  | { status: 'loading' }
  | { status: 'missing' }
  /** The stored draft lost its form id or version: its answers are kept, but it cannot be resumed. */
  | { status: 'lost-form' }
  | { status: 'unknown-form'; formId: string; formVersion: number }
  | { status: 'done'; formId: string; formVersion: number }
  | { status: 'ready'; draft: Draft; form: FormDefinition };

export default function InterviewScreen({ draftId }: { draftId: string }) {
  // A new draft id (e.g. "start the next interview") starts from a clean slate.
  return <InterviewLoader key={draftId} draftId={draftId} />;
}

function InterviewLoader({ draftId }: { draftId: string }) {
  const { t } = useTranslation('interview');
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useFirstScreenPending(loaded.status === 'loading');

  useEffect(() => {
    let alive = true;
    void (async () => {
      const draft = await getDraft(draftId);
      let next: Loaded;
      if (!draft) {
        // Already submitted (a reload on the done screen): say so rather than "not found".
        const sent = await db.outbox.get(draftId);
        next = sent ? { status: 'done', formId: sent.response.formId, formVersion: sent.response.formVersion } : { status: 'missing' };
      } else if (draft.formId === null || draft.formVersion === null) {
        next = { status: 'lost-form' };
      } else {
        const form = await loadForm(draft.formId, draft.formVersion);
        next = form ? { status: 'ready', draft, form } : { status: 'unknown-form', formId: draft.formId, formVersion: draft.formVersion };
      }
      if (alive) setLoaded(next);
    })();
    return () => {
      alive = false;
    };
  }, [draftId]);

  switch (loaded.status) {
    case 'loading':
      return <main className="page muted">{t('common:app.loading')}</main>;
    case 'missing':
    case 'lost-form':
    case 'unknown-form': {
      const text: { title: string; body?: string } =
        loaded.status === 'missing'
          ? { title: t('missing.title'), body: t('missing.body') }
          : loaded.status === 'lost-form'
            ? { title: t('lostForm.title'), body: t('lostForm.body') }
            : { title: t('unknownForm', { form: loaded.formId, version: loaded.formVersion }) };
      return (
        <main className="page interview">
          <h1>{text.title}</h1>
          {text.body && <p>{text.body}</p>}
          <button type="button" className="btn btn-primary btn-large" onClick={() => navigate('/', { replace: true })}>
            {t('done.home')}
          </button>
        </main>
      );
    }
    case 'done':
      return (
        <main className="page interview">
          <DoneStep formId={loaded.formId} formVersion={loaded.formVersion} />
        </main>
      );
    case 'ready':
      return (
        <ActiveInterview
          draft={loaded.draft}
          form={loaded.form}
          onDone={() => setLoaded({ status: 'done', formId: loaded.form.id, formVersion: loaded.form.version })}
        />
      );
  }
}

function ActiveInterview({ draft, form, onDone }: { draft: Draft; form: FormDefinition; onDone: () => void }) {
  useNoReloadWhileMounted();
  const { t, i18n } = useTranslation('interview');
  const [place, setPlace] = useState<Place>(() => resumePlace(draft, form));
  const [answers, setAnswers] = useState<Answers>(draft.answers);
  const [procedure, setProcedure] = useState<Procedure | null>(draft.procedure);
  const [consent, setConsent] = useState<Consent>(draft.consent ?? EMPTY_CONSENT);
  const [saveState, setSaveState] = useState<SaveState>('saved');
  // Moves to another step under way (answers being written, the place saved): the screen is aria-busy meanwhile.
  const [moving, setMoving] = useState(0);
  const writer = useMemo(() => new AnswerWriter(draft.id, setSaveState), [draft.id]);
  const numbers = useMemo(() => questionNumbers(form), [form]);
  const answersRef = useRef(answers);
  const lastFocused = useRef<string | null>(draft.itemId);

  const section = place.stage === 'questions' ? form.sections[place.sectionIndex] : undefined;
  useSectionClock(draft.id, section?.id ?? null);

  // Whatever is still being typed is written when the screen goes away or the tablet sleeps.
  useEffect(() => {
    const flush = () => void writer.flush();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [writer]);

  // The response records the language the interview is held in.
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const firstLang = useRef(lang);
  useEffect(() => {
    if (lang !== firstLang.current) writer.saveField('locale', () => updateDraft(draft.id, { locale: lang }));
  }, [writer, draft.id, lang]);

  // Where the interviewer is, for resuming: an answer records it with the answer itself; a question merely
  // visited is recorded after a moment, unless an answer to it comes first (so a tap writes once, not twice).
  const focusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(focusTimer.current), []);

  function answer(item: Item, value: AnswerValue | undefined, opts?: { debounce?: boolean }) {
    const { answers: next, dropped } = applyAnswer(form, answersRef.current, item.id, value);
    answersRef.current = next;
    setAnswers(next);
    clearTimeout(focusTimer.current);
    lastFocused.current = item.id;
    writer.save(item.id, value, dropped, opts);
  }

  function noteFocus(item: Item) {
    if (lastFocused.current === item.id) return;
    lastFocused.current = item.id;
    clearTimeout(focusTimer.current);
    focusTimer.current = setTimeout(() => void updateDraft(draft.id, { itemId: item.id }).catch(() => {}), 500);
  }

  async function go(stage: DraftStage, sectionIndex = 0, focusItem: string | null = null, fromReview = false) {
    setMoving((n) => n + 1);
    await writer.flush();
    await moveTo(draft.id, stage, sectionIndex, focusItem, fromReview).catch(() => {});
    lastFocused.current = focusItem;
    setPlace({ stage, sectionIndex, focusItem, fromReview });
    setMoving((n) => n - 1);
  }

  const shown = visibleSections(form, answers);
  const pos = shown.indexOf(place.sectionIndex);

  function nextSection() {
    const after = shown.find((i) => i > place.sectionIndex);
    void (after === undefined ? go('review') : go('questions', after));
  }

  function previousSection() {
    const before = [...shown].reverse().find((i) => i < place.sectionIndex);
    void (before === undefined ? go('consent') : go('questions', before));
  }

  function keepProcedure(p: Procedure | null, opts?: WriteOptions) {
    writer.saveField('procedure', () => updateDraft(draft.id, { procedure: p }), opts);
  }

  async function chooseProcedure(p: Procedure) {
    setProcedure(p);
    keepProcedure(p);
    await writer.flush();
    void rememberProcedure(p).catch(() => {});
    await go(place.fromReview ? 'review' : 'consent');
  }

  function changeConsent(c: Consent) {
    setConsent(c);
    writer.saveField('consent', () => updateDraft(draft.id, { consent: c }));
  }

  async function discard() {
    await discardDraft(draft.id).catch(() => {});
    navigate('/', { replace: true });
  }

  async function refuse(reason: RefusalReason) {
    await writer.flush();
    try {
      await recordRefusal(draft.id, reason);
    } catch {
      // The store's banner says what went wrong; the draft is still there to try again.
      return;
    }
    navigate('/', { replace: true });
  }

  async function submit() {
    await writer.flush();
    await completeDraft(draft.id);
    onDone();
  }

  async function pause() {
    await writer.flush();
    navigate('/');
  }

  return (
    <main className="page interview" data-stage={place.stage} data-save-state={saveState} aria-busy={moving > 0}>
      <div className="interview-bar">
        <span className="save-state" data-testid="save-state">
          <span aria-hidden="true">{saveState === 'saved' ? '✓' : '…'}</span> {t(saveState === 'saved' ? 'header.saved' : 'header.saving')}
        </span>
        <button type="button" className="btn btn-small" onClick={() => void pause()}>
          {t('header.pause')}
        </button>
      </div>

      {place.stage === 'procedure' && (
        <ProcedureStep initial={procedure} onDraft={keepProcedure} onChoose={(p) => void chooseProcedure(p)} />
      )}
      {place.stage === 'consent' && (
        <ConsentStep
          consent={consent}
          onChange={changeConsent}
          onBack={() => void go('procedure')}
          onContinue={() => void go('questions', shown[0] ?? 0)}
          onDiscard={() => void discard()}
          onRefuse={(reason) => void refuse(reason)}
        />
      )}
      {place.stage === 'questions' && (
        <SectionStep
          key={place.sectionIndex}
          form={form}
          sectionIndex={place.sectionIndex}
          answers={answers}
          numbers={numbers}
          position={{ current: pos + 1, total: shown.length }}
          focusItem={place.focusItem}
          fromReview={place.fromReview}
          isLast={pos === shown.length - 1}
          onAnswer={answer}
          onFocusItem={noteFocus}
          onFlush={() => void writer.flush()}
          onBack={previousSection}
          onNext={nextSection}
          onReview={() => void go('review')}
        />
      )}
      {place.stage === 'review' && (
        <ReviewStep
          form={form}
          answers={answers}
          procedure={procedure}
          numbers={numbers}
          onEdit={(s, itemId) => void go('questions', s, itemId, true)}
          onEditProcedure={() => void go('procedure', 0, null, true)}
          onBack={() => void go('questions', shown[shown.length - 1] ?? 0)}
          onSubmit={submit}
        />
      )}
    </main>
  );
}
