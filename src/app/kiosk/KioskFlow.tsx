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
import { abandonDraft, finishRating, finishWithFollowUp, needsFollowUp, saveFollowUpAnswer, saveRating, type KioskForm } from './kiosk-store';
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
  /** When the last kiosk response was completed (epoch ms); 0 if never. */
  lastCompletedAt: () => number;
  onCompleted: (completedAt: string) => void;
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
  const draft = useRef<{ id: string; level: number; since: number } | null>(null);
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
      const last = props.lastCompletedAt();
      const misuse = last > 0 && now - last < props.minIntervalSeconds * 1000;
      const d = await saveRating({
        form,
        device,
        locale: i18n.language === 'en' ? 'en' : 'vi',
        level: chosen,
        misuse,
        ratingMs: now - shownAt.current,
      });
      draft.current = { id: d.id, level: chosen, since: Date.now() };
      const visible = form.kiosk.followUpItems.some((id) => {
        const item = findItem(form, id);
        return item && isVisible(form, item, { [rating.id]: chosen });
      });
      if (needsFollowUp(form, chosen) && visible) {
        setScreen('followup');
        return;
      }
      const completedAt = await finishRating(d.id);
      draft.current = null;
      props.onCompleted(completedAt);
      setScreen('thanks');
    });

  const change = (itemId: string, value: AnswerValue | undefined) => {
    setAnswers((a) => ({ ...a, [itemId]: value ?? null }));
    if (draft.current) void saveFollowUpAnswer(draft.current.id, itemId, value).catch(() => {});
  };

  const send = () =>
    guarded(async () => {
      const d = draft.current;
      if (!d) return;
      const answered = followUps.some((item) => isAnswered(answers[item.id] ?? undefined));
      const completedAt = await finishWithFollowUp(form, d.id, Date.now() - d.since, answered);
      draft.current = null;
      props.onCompleted(completedAt);
      setScreen('thanks');
    });

  // The person left: keep the rating, drop the half-done follow-up, start over for the next person.
  const expire = () => {
    const d = draft.current;
    draft.current = null;
    if (!d) return props.onReset();
    void abandonDraft(form, d.id)
      .then((completedAt) => completedAt && props.onCompleted(completedAt))
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
      body = <RatingScreen item={rating} busy={busy} onRate={(l) => void rate(l)} />;
      break;
    case 'followup':
      body = <FollowUpScreen mood={moodFor(level ?? 1, rating.levels, rating.satisfiedAtLeast)} items={followUps} answers={answers} busy={busy} onChange={change} onSend={() => void send()} />;
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
