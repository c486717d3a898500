// The follow-up as a person meets it: a mis-tapped face changed before sending, a plain "Skip", reasons that show
// clearly when chosen, and what was ticked kept when the person walks away.
import { expect, test } from '@playwright/test';
import { KioskPage } from './pages/kiosk-page';
import { contrastRatio } from './support/contrast';

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('a face tapped by mistake is changed from the follow-up: one response, with the last face chosen', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(1);
  await kiosk.expectScreen('followup');
  await expect.poll(async () => (await kiosk.kioskDrafts()).map((d) => d.answers)).toEqual([{ overall: 1 }]);
  await kiosk.reason('attitude').click();
  await expect.poll(async () => (await kiosk.kioskDrafts()).map((d) => d.answers)).toEqual([{ overall: 1, reasons: ['attitude'] }]);

  // Back to the faces: the one chosen is marked; choosing it again returns to the follow-up with the tick still there.
  await kiosk.changeRating();
  await expect(kiosk.face(1)).toHaveAttribute('aria-pressed', 'true');
  await expect(kiosk.face(3)).toHaveAttribute('aria-pressed', 'false');
  await kiosk.rate(1);
  await kiosk.expectScreen('followup');
  await expect(kiosk.reason('attitude')).toHaveAttribute('aria-pressed', 'true');

  // Then the face they meant: a happy one needs no follow-up, so it is sent at once, without the reasons.
  await kiosk.changeRating();
  await kiosk.rate(3);
  await kiosk.expectScreen('thanks');
  const entries = await kiosk.waitForOutbox(1);
  expect(entries.map((e) => [e.response.answers, e.response.flags])).toEqual([[{ overall: 3 }, []]]);
  expect(await kiosk.kioskDrafts()).toEqual([]);
});

test('the follow-up can be skipped: the rating is sent with the follow-up marked unanswered', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(1);
  // Nothing chosen: the button says "Skip"; once something is chosen, it says "Send".
  await expect(kiosk.skipButton).toBeVisible();
  await kiosk.reason('fees').click();
  await expect(kiosk.skipButton).toHaveCount(0);
  await expect(kiosk.sendButton).toBeVisible();
  await kiosk.reason('fees').click();
  await kiosk.skip();
  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.response.answers).toEqual({ overall: 1 });
  expect(entry.response.flags).toEqual(['followup-unanswered']);
});

test('a chosen reason stands out from the others: at least 3:1 contrast, and a tick', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(1);
  await kiosk.reason('waiting-time').click();
  await expect(kiosk.reason('waiting-time')).toHaveAttribute('aria-pressed', 'true');
  const chosen = await kiosk.reasonLook('waiting-time');
  const other = await kiosk.reasonLook('trips');
  expect(contrastRatio(chosen.background, other.background)).toBeGreaterThanOrEqual(3);
  // Its own words stay readable on it (WCAG AA for text), and the tick does not rely on colour.
  expect(contrastRatio(chosen.color, chosen.background)).toBeGreaterThanOrEqual(4.5);
  expect([chosen.ticked, other.ticked]).toEqual([true, false]);
});

test('reasons ticked by someone who walks away are kept, with the follow-up marked unanswered', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(1);
  await kiosk.reason('waiting-time').click();
  await kiosk.reason('trips').click();
  await expect.poll(async () => (await kiosk.kioskDrafts()).map((d) => d.answers)).toEqual([{ overall: 1, reasons: ['waiting-time', 'trips'] }]);
  // 30 s without a touch, then the 20 s warning runs out.
  await page.clock.runFor(30_500);
  await kiosk.expectScreen('idle');
  await page.clock.runFor(20_500);
  await kiosk.expectScreen('attract');
  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.response.answers).toEqual({ overall: 1, reasons: ['waiting-time', 'trips'] });
  expect(entry.response.flags).toEqual(['followup-unanswered']);
  await kiosk.expectNoTrace([]);
});
