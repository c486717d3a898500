// What a kiosk rating leaves in the store (fake-indexeddb, real Dexie): a changed face overwrites the one draft, a
// person who walks away keeps what they chose, and the misuse interval starts at the last completed rating's press.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { builtinForms } from '../../core';
import { db } from '../store/db';
import type { DeviceSetup } from '../store/settings';
import { abandonDraft, changeRating, finishRating, isMisuse, lastKioskPress, saveFollowUpAnswer, saveRating, type KioskForm } from './kiosk-store';

const form = builtinForms.find((f) => f.id === 'desk-rating') as KioskForm;
const device: DeviceSetup = { deviceId: 'dev-1', siteId: 'site-1', siteName: 'UBND phường 1', enumeratorId: '', enumeratorName: '' };

const rate = (level: number, ratingMs = 1_500) => saveRating({ form, device, locale: 'vi', level, misuse: false, ratingMs });

beforeEach(async () => {
  await Promise.all([db.drafts.clear(), db.outbox.clear()]);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('changing the face before the follow-up is sent', () => {
  it('overwrites the rating in the same draft: never a second response', async () => {
    const d = await rate(1);
    await saveFollowUpAnswer(d.id, 'reasons', ['fees']);
    await changeRating(form, d.id, 1, 2_000);
    const drafts = await db.drafts.toArray();
    expect(drafts.map((x) => [x.id, x.answers])).toEqual([[d.id, { overall: 1, reasons: ['fees'] }]]);
    // The time to choose is the time spent on the faces, both visits.
    expect(drafts[0].durationMs.rating).toBe(3_500);
  });

  it('to a face that asks no follow-up: the follow-up answers go, so the response stays valid', async () => {
    const d = await rate(1);
    await saveFollowUpAnswer(d.id, 'reasons', ['fees', 'trips']);
    await saveFollowUpAnswer(d.id, 'comment', 'Chờ lâu');
    await changeRating(form, d.id, 3, 800);
    await finishRating(d.id);
    const sent = await db.outbox.toArray();
    expect(sent.map((e) => [e.id, e.response.answers, e.response.flags])).toEqual([[d.id, { overall: 3 }, []]]);
    expect(await db.drafts.count()).toBe(0);
  });
});

describe('a person who walks away', () => {
  it('keeps the rating and what was chosen and written, the follow-up marked unanswered', async () => {
    const d = await rate(1);
    await saveFollowUpAnswer(d.id, 'reasons', ['waiting-time', 'attitude']);
    await saveFollowUpAnswer(d.id, 'comment', 'Cán bộ đi vắng');
    await abandonDraft(form, d.id);
    const [entry] = await db.outbox.toArray();
    expect(entry.response.answers).toEqual({ overall: 1, reasons: ['waiting-time', 'attitude'], comment: 'Cán bộ đi vắng' });
    expect(entry.response.flags).toEqual(['followup-unanswered']);
  });

  it('with only a happy face pressed: sent as it is, nothing marked', async () => {
    const d = await rate(3);
    await abandonDraft(form, d.id);
    const [entry] = await db.outbox.toArray();
    expect([entry.response.answers, entry.response.flags]).toEqual([{ overall: 3 }, []]);
  });
});

describe('the misuse interval', () => {
  it('starts at the press of the last completed rating, not at its completion', async () => {
    expect(await lastKioskPress()).toBe(0);
    // Only the clock is faked: Dexie's own timers run as they do on a tablet.
    vi.useFakeTimers({ toFake: ['Date'] });
    const pressedAt = Date.parse('2026-03-02T09:00:00+07:00');
    vi.setSystemTime(pressedAt);
    const d = await rate(1);
    // The person walks away: the idle reset completes the rating 50 s after the press.
    vi.setSystemTime(pressedAt + 50_000);
    await abandonDraft(form, d.id);
    const [entry] = await db.outbox.toArray();
    expect(Date.parse(entry.response.completedAt)).toBe(pressedAt + 50_000);
    expect(await lastKioskPress()).toBe(pressedAt);
  });

  it('flags a press sooner than the interval after the last one, and nothing before the first rating', () => {
    const last = Date.parse('2026-03-02T09:00:00+07:00');
    expect(isMisuse(last + 2_000, last, 5)).toBe(true);
    expect(isMisuse(last + 4_999, last, 5)).toBe(true);
    expect(isMisuse(last + 5_000, last, 5)).toBe(false);
    expect(isMisuse(last + 51_000, last, 5)).toBe(false);
    expect(isMisuse(last, 0, 5)).toBe(false);
    // An interval of 0 turns the check off.
    expect(isMisuse(last + 1, last, 0)).toBe(false);
  });
});
