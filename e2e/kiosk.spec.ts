// The self-rating kiosk: ratings saved at once, one follow-up, idle resets that keep the rating and leave no trace.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { KioskPage, TEST_PIN } from './pages/kiosk-page';
import { t } from './support/strings';

test.beforeEach(async ({ page }) => {
  // Time is passed with the page clock (idle, countdowns, intervals), never waited for.
  await page.clock.install();
});

test('a sad face opens one follow-up; its answers are sent with the rating; the next person finds nothing', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  const historyAtStart = await kiosk.historyLength();

  await kiosk.start();
  // Faces from the form: three levels, each with its word.
  await expect(kiosk.faces()).toHaveCount(3);
  await kiosk.rate(1);
  await kiosk.expectScreen('followup');

  // The rating is stored the moment it is pressed, before anything else is answered.
  await expect.poll(async () => (await kiosk.kioskDrafts()).map((d) => d.answers)).toEqual([{ overall: 1 }]);

  await kiosk.reason('waiting-time').click();
  await kiosk.reason('attitude').click();
  await expect(kiosk.reason('attitude')).toHaveAttribute('aria-pressed', 'true');
  await kiosk.comment.fill('Phải chờ rất lâu ở quầy số 3');
  await kiosk.send();

  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.response.answers).toEqual({ overall: 1, reasons: ['waiting-time', 'attitude'], comment: 'Phải chờ rất lâu ở quầy số 3' });
  expect(entry.response.flags).toEqual([]);
  expect(entry.response.enumeratorId).toBeNull();
  expect(await kiosk.kioskDrafts()).toEqual([]);

  // Thank you for the form's 5 s, then back to the start on its own.
  await page.clock.runFor(5_500);
  await kiosk.expectScreen('attract');
  await kiosk.expectNoTrace(['Phải chờ rất lâu', 'quầy số 3']);
  expect(await kiosk.historyLength()).toBe(historyAtStart);

  // The next person starts from empty.
  await kiosk.start();
  await kiosk.rate(1);
  await expect(kiosk.reason('waiting-time')).toHaveAttribute('aria-pressed', 'false');
  await expect(kiosk.comment).toHaveValue('');
});

test('a happy face goes straight to thanks and into the outbox', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(3);
  await kiosk.expectScreen('thanks');
  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.response.answers).toEqual({ overall: 3 });
  expect(entry.response.flags).toEqual([]);
});

test('leaving at the follow-up: the idle warning, then a reset that keeps the rating and answers, follow-up unanswered', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  const historyAtStart = await kiosk.historyLength();
  await kiosk.start();
  await kiosk.rate(1);
  await kiosk.reason('fees').click();
  await kiosk.comment.fill('Lệ phí không rõ ràng');

  // 30 s without a touch: "still there?" with a 20 s countdown and one button.
  await page.clock.runFor(29_000);
  await expect(kiosk.screen('idle')).toHaveCount(0);
  await page.clock.runFor(1_500);
  await kiosk.expectScreen('idle');
  await expect(kiosk.screen('idle')).toContainText('20');
  await expect(kiosk.stillHereButton).toBeFocused();

  // The one button gives the person their time back, with their answers still there.
  await kiosk.stillHereButton.click();
  await expect(kiosk.screen('idle')).toHaveCount(0);
  await expect(kiosk.comment).toHaveValue('Lệ phí không rõ ràng');

  // Then they walk away for good.
  await page.clock.runFor(30_500);
  await kiosk.expectScreen('idle');
  await page.clock.runFor(10_000);
  await expect(kiosk.screen('idle')).toContainText('10');
  await page.clock.runFor(10_500);
  await kiosk.expectScreen('attract');

  // What they had chosen and written is kept; the follow-up was never sent, so it is marked unanswered.
  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.response.answers).toEqual({ overall: 1, reasons: ['fees'], comment: 'Lệ phí không rõ ràng' });
  expect(entry.response.flags).toEqual(['followup-unanswered']);
  await kiosk.expectNoTrace(['Lệ phí không rõ ràng']);
  expect(await kiosk.historyLength()).toBe(historyAtStart);
});

test('the faces run in the same order on the invitation and on the rating screen, most satisfied first', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  const invitation = await kiosk.moodsOn('attract');
  await kiosk.start();
  const rating = await kiosk.moodsOn('rating');
  expect(rating).toEqual([4, 3, 1]);
  expect(invitation).toEqual(rating);
  await expect(kiosk.faces().first()).toHaveAttribute('data-level', '3');
});

test('idle on the rating screen with no face pressed resets and stores nothing', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await page.clock.runFor(30_500);
  await kiosk.expectScreen('idle');
  await page.clock.runFor(20_500);
  await kiosk.expectScreen('attract');
  expect(await kiosk.kioskOutbox()).toEqual([]);
  expect(await kiosk.kioskDrafts()).toEqual([]);
});

test('a rating 2 s after the last one is kept but flagged; one 6 s after is not', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(3);
  await kiosk.done();

  await page.clock.runFor(2_000);
  await kiosk.start();
  await kiosk.rate(2);
  await kiosk.done();

  await page.clock.runFor(6_000);
  await kiosk.start();
  await kiosk.rate(3);

  const entries = await kiosk.waitForOutbox(3);
  expect(entries.map((e) => [e.response.answers.overall, e.response.flags])).toEqual([
    [3, []],
    [2, ['kiosk-misuse']],
    [3, []],
  ]);
});

test('a page lost mid-rating (reload, as after a crash): rating and comment kept, follow-up unanswered, and the kiosk is back', async ({ page }) => {
  const kiosk = new KioskPage(page);
  const unloadPrompts: string[] = [];
  page.on('dialog', (d) => void (d.type() === 'beforeunload' && unloadPrompts.push(d.type())));
  await kiosk.enterFresh();
  await kiosk.start();
  await kiosk.rate(1);
  await kiosk.comment.fill('Chưa kịp gửi');
  await expect.poll(async () => (await kiosk.kioskDrafts()).map((d) => d.answers)).toEqual([{ overall: 1, comment: 'Chưa kịp gửi' }]);

  // Leaving the page asks first (the kiosk's beforeunload guard); the test says yes, as a crash would not ask at all.
  await page.reload();
  expect(unloadPrompts).toEqual(['beforeunload']);
  await kiosk.expectScreen('attract');
  const [entry] = await kiosk.waitForOutbox(1);
  expect(entry.response.answers).toEqual({ overall: 1, comment: 'Chưa kịp gửi' });
  expect(entry.response.flags).toEqual(['followup-unanswered']);
  expect(await kiosk.kioskDrafts()).toEqual([]);
  await kiosk.expectNoTrace(['Chưa kịp gửi']);

  // Even a relaunch at the home page comes back into the kiosk.
  await page.goto('/');
  await kiosk.expectScreen('attract');
  await expect(page).toHaveURL(/\/kiosk$/);
});

test('the misuse interval counts from the last rating pressed, not from an idle reset', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  // Someone rates, then walks away: the reset comes 50 s after their press.
  await kiosk.start();
  await kiosk.rate(1);
  await page.clock.runFor(30_500);
  await kiosk.expectScreen('idle');
  await page.clock.runFor(20_500);
  await kiosk.expectScreen('attract');
  await kiosk.waitForOutbox(1);

  // The next person, one second after the reset: a new person, not flagged.
  await page.clock.runFor(1_000);
  await kiosk.start();
  await kiosk.rate(3);
  await kiosk.done();

  // Two seconds after that completed rating: still the same hand, flagged.
  await page.clock.runFor(2_000);
  await kiosk.start();
  await kiosk.rate(3);

  const entries = await kiosk.waitForOutbox(3);
  expect(entries.map((e) => e.response.flags)).toEqual([['followup-unanswered'], [], ['kiosk-misuse']]);
});

test("the device's own minimum interval (settings) replaces the form's: 10 s flags a rating 6 s after the last", async ({ page }) => {
  await new HomePage(page).openSetUp();
  await page.goto('/settings');
  const card = page.getByTestId('kiosk-interval-card');
  await card.getByLabel(t('kioskSettings:intervalLabel')).fill('10');
  await card.getByRole('button', { name: t('kioskSettings:intervalSave') }).click();
  await expect(card.getByRole('status')).toHaveText(t('kioskSettings:intervalSaved'));
  await page.goto('/');

  const kiosk = new KioskPage(page);
  await kiosk.enterFromHome(TEST_PIN, { firstTime: true });
  await kiosk.start();
  await kiosk.rate(3);
  await kiosk.done();
  await page.clock.runFor(6_000);
  await kiosk.start();
  await kiosk.rate(3);
  const entries = await kiosk.waitForOutbox(2);
  expect(entries.map((e) => e.response.flags)).toEqual([[], ['kiosk-misuse']]);
});
