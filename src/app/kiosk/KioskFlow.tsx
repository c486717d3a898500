// One person's pass through the kiosk (attract → rating → follow-up → thanks); remounted afresh for the next.
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findItem, isAnswered, isVisible, type AnswerValue, type Answers, type Item } from '../../core';
import { useNoReloadWhileMounted } from '../shell/update-context';
import type { DeviceSetup } from '../store/settings';
import { AttractScreen } from './AttractScreen';
import { moodFor } from './faces';
import { FollowUpScreen } from './FollowUpScreen';
import { IdleWarning } from './IdleWarning';
import {
  abandonDraft,
  changeRating,
  finishRating,
  finishWithFollowUp,
  hiddenFollowUps,
  isMisuse,
  needsFollowUp,
  saveFollowUpAnswer,
  saveRating,
  type KioskForm,
} from './kiosk-store';
import { RatingScreen } from './RatingScreen';
import { ThankYouScreen } from './ThankYouScreen';
import { useIdle } from './use-idle';

// Only staff open the PIN pad: it loads then, not with every person's rating.
const PinPad = lazy(() => import('./PinPad').then((m) => ({ default: m.PinPad })));

type Screen = 'attract' | 'rating' | 'followup' | 'thanks' | 'pin';

/** Mounted from the rating to the end of the follow-up: a new app version waits until the person is done. */
function HoldUpdates() {
  useNoReloadWhileMounted();
  return null;
}

export interface KioskFlowProps {
  form: KioskForm;
  device: DeviceSetup;
  minIntervalSeconds: number;
  /** When the face of the last completed kiosk rating was pressed (epoch ms); 0 if never. */
  lastPressAt: () => number;
  /** A rating was completed (sent, or kept at an idle reset); pressedAt is when its face was first pressed. */
  onCompleted: (pressedAt: number) => void;
  onLanguage: (lang: 'vi' | 'en') => void;
  onReset: () => void;
  onExit: () => void;
}

export function KioskFlow(props: KioskFlowProps) {
  const { form, device } = props;
  const { i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>('attract');
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  const [answers, setAnswers] = useState<Answers>({});
  /** This person's rating once a face is pressed: its draft, when it was first pressed, and follow-up time so far. */
  const draft = useRef<{ id: string; level: number; pressedAt: number; followUpMs: number; since: number } | null>(null);
  const shownAt = useRef(0);

  const rating = findItem(form, form.kiosk.ratingItem) as Extract<Item, { type: 'rating' }>;
  const level = draft.current?.level;
  const followUps = useMemo(() => {
    if (level === undefined) return [];
    const given = { ...answers, [rating.id]: level };
    return form.kiosk.followUpItems.flatMap((id) => {
      const item = findItem(form, id);
      return item && isVisible(form, item, given) ? [item] : [];
    });
  }, [form, rating.id, level, answers]);

  async function guarded(work: () => Promise<void>) {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await work();
    } catch {
      // The store already shows the failure plainly; the person stays on this screen and can try again.
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const rate = (chosen: number) =>
    guarded(async () => {
      const now = Date.now();
      let d = draft.current;
      if (d) {
        // A face tapped again, before the follow-up was sent: the same draft takes the new rating.
        await changeRating(form, d.id, chosen, now - shownAt.current);
        d.level = chosen;
      } else {
        const saved = await saveRating({
          form,
          device,
          locale: i18n.language === 'en' ? 'en' : 'vi',
          level: chosen,
          misuse: isMisuse(now, props.lastPressAt(), props.minIntervalSeconds),
          ratingMs: now - shownAt.current,
        });
        d = draft.current = { id: saved.id, level: chosen, pressedAt: now, followUpMs: 0, since: 0 };
      }
      const given = { ...answers, [rating.id]: chosen };
      const hidden = new Set(hiddenFollowUps(form, given));
      if (needsFollowUp(form, chosen) && form.kiosk.followUpItems.some((id) => !hidden.has(id))) {
        setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([id]) => !hidden.has(id))));
        d.since = Date.now();
        setScreen('followup');
        return;
      }
      await finishRating(d.id);
      draft.current = null;
      props.onCompleted(d.pressedAt);
      setScreen('thanks');
    });

  /** Back to the faces from the follow-up, with the chosen one marked; what was ticked waits there. */
  const changeFace = () => {
    const d = draft.current;
    if (!d || busyRef.current) return;
    d.followUpMs += Date.now() - d.since;
    shownAt.current = Date.now();
    setScreen('rating');
  };

  const change = (itemId: string, value: AnswerValue | undefined) => {
    setAnswers((a) => ({ ...a, [itemId]: value ?? null }));
    if (draft.current) void saveFollowUpAnswer(draft.current.id, itemId, value).catch(() => {});
  };

  const send = () =>
    guarded(async () => {
      const d = draft.current;
      if (!d) return;
      const answered = followUps.some((item) => isAnswered(answers[item.id] ?? undefined));
      await finishWithFollowUp(form, d.id, d.followUpMs + Date.now() - d.since, answered);
      draft.current = null;
      props.onCompleted(d.pressedAt);
      setScreen('thanks');
    });

  // The person left: keep the rating and what they chose, start over for the next person.
  const expire = () => {
    const d = draft.current;
    draft.current = null;
    if (!d) return props.onReset();
    void abandonDraft(form, d.id)
      .then((completedAt) => completedAt && props.onCompleted(d.pressedAt))
      .catch(() => {})
      .finally(props.onReset);
  };

  const idle = useIdle(screen === 'rating' || screen === 'followup' || screen === 'pin', form.kiosk.idleSeconds, form.kiosk.warningSeconds, expire);

  let body;
  switch (screen) {
    case 'attract':
      body = (
        <AttractScreen
          levels={rating.levels}
          satisfiedAtLeast={rating.satisfiedAtLeast}
          siteName={device.siteName}
          onLanguage={props.onLanguage}
          onStaff={() => setScreen('pin')}
          onStart={() => {
            shownAt.current = Date.now();
            setScreen('rating');
          }}
        />
      );
      break;
    case 'rating':
      body = <RatingScreen item={rating} chosen={level} busy={busy} onRate={(l) => void rate(l)} />;
      break;
    case 'followup':
      body = (
        <FollowUpScreen
          mood={moodFor(level ?? 1, rating.levels, rating.satisfiedAtLeast)}
          items={followUps}
          answers={answers}
          busy={busy}
          onChange={change}
          onChangeRating={changeFace}
          onSend={() => void send()}
        />
      );
      break;
    case 'thanks':
      body = <ThankYouScreen seconds={form.kiosk.thankYouSeconds} onDone={props.onReset} />;
      break;
    case 'pin':
      body = (
        <Suspense fallback={null}>
          <PinPad purpose="exit" onSuccess={props.onExit} onCancel={props.onReset} />
        </Suspense>
      );
      break;
  }
  const warning = idle.warningLeft !== null;
  return (
    <>
      {(screen === 'rating' || screen === 'followup') && <HoldUpdates />}
      <div className="kiosk-stage" inert={warning}>
        {body}
      </div>
      {warning && <IdleWarning secondsLeft={idle.warningLeft!} onStay={idle.stillHere} />}
    </>
  );
}
