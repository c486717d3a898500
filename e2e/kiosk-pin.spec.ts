// Leaving the kiosk: only with the supervisor PIN; wrong PINs are refused and, after five, slowed down for good.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { KioskPage, TEST_PIN } from './pages/kiosk-page';
import { t } from './support/strings';

test.beforeEach(async ({ page }) => {
  await page.clock.install();
});

test('leaving needs the PIN: back does not leave, a wrong PIN is refused, the right one goes home', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  const historyAtStart = await kiosk.historyLength();

  // No way out without the PIN: no status bar, no links, and "back" stays put.
  await expect(page.locator('header.status-bar')).toHaveCount(0);
  await expect(page.locator('a[href]')).toHaveCount(0);
  await page.goBack();
  await kiosk.expectScreen('attract');
  await expect(page).toHaveURL(/\/kiosk$/);
  expect(await kiosk.historyLength()).toBe(historyAtStart);

  await kiosk.openExit();
  await kiosk.typePin('1111');
  await expect(kiosk.pinMessage).toHaveText(t('kiosk:pin.wrong'));
  await kiosk.expectScreen('pin');
  await expect(page.getByTestId('pin-input')).toHaveValue('');

  // Cancel goes back to the kiosk, not out of it.
  await page.getByRole('button', { name: t('kiosk:pin.cancel'), exact: true }).click();
  await kiosk.expectScreen('attract');

  await kiosk.openExit();
  await kiosk.typePin(TEST_PIN);
  await expect(new HomePage(page).heading).toBeVisible();
  await expect(page.locator('header.status-bar')).toBeVisible();

  // Kiosk mode is off for good: a reload stays home. Entering again asks for the PIN that was set.
  await page.reload();
  await expect(new HomePage(page).heading).toBeVisible();
  await kiosk.enterFromHome(TEST_PIN);
});

test('after five wrong PINs the pad locks for a growing time, and a reload does not reset it', async ({ page }) => {
  const kiosk = new KioskPage(page);
  await kiosk.enterFresh();
  await kiosk.openExit();
  for (let i = 0; i < 4; i++) {
    await kiosk.typePin('0000');
    await expect(kiosk.pinMessage).toHaveText(t('kiosk:pin.wrong'));
  }
  await kiosk.typePin('0000');
  await expect(kiosk.pinMessage).toContainText(t('kiosk:pin.locked', 'vi', { count: 30 }));
  const one = page.getByRole('group', { name: t('kiosk:pin.keypad') }).getByRole('button', { name: '1', exact: true });
  await expect(one).toBeDisabled();

  // A reload comes back into the kiosk, and the lock is still there.
  await page.reload();
  await kiosk.openExit();
  await expect(kiosk.pinMessage).toContainText(t('kiosk:pin.locked', 'vi', { count: 30 }).slice(0, 20));
  await expect(one).toBeDisabled();

  // The lock outlasts closing the pad; once it has passed, the next wrong PIN locks for twice as long.
  const cancel = page.getByRole('button', { name: t('kiosk:pin.cancel'), exact: true });
  await cancel.click();
  await page.clock.runFor(31_000);
  await kiosk.openExit();
  await expect(one).toBeEnabled();
  await kiosk.typePin('9999');
  await expect(kiosk.pinMessage).toContainText(t('kiosk:pin.locked', 'vi', { count: 60 }));
  await cancel.click();
  await page.clock.runFor(61_000);
  await kiosk.openExit();
  await kiosk.typePin(TEST_PIN);
  await expect(new HomePage(page).heading).toBeVisible();
});

test('the PIN set or changed in device settings is the one the kiosk asks for; changing it needs the current one', async ({ page }) => {
  await new HomePage(page).openSetUp();
  await page.goto('/settings');
  const card = page.getByTestId('supervisor-pin-card');
  await expect(card).toContainText(t('kioskSettings:pinNotSet'));
  await card.getByLabel(t('kioskSettings:newPin', 'vi', { min: 4, max: 8 })).fill('1357');
  await card.getByLabel(t('kioskSettings:repeatPin')).fill('1357');
  await card.getByRole('button', { name: t('kioskSettings:savePin') }).click();
  await expect(card.getByRole('status')).toHaveText(t('kioskSettings:pinSaved'));

  // Changing it: a wrong current PIN is refused and the old PIN stays.
  await card.getByLabel(t('kioskSettings:currentPin')).fill('0000');
  await card.getByLabel(t('kioskSettings:newPin', 'vi', { min: 4, max: 8 })).fill('8642');
  await card.getByLabel(t('kioskSettings:repeatPin')).fill('8642');
  await card.getByRole('button', { name: t('kioskSettings:savePin') }).click();
  await expect(card.getByRole('status')).toHaveText(t('kiosk:pin.wrong'));

  await page.goto('/');
  const kiosk = new KioskPage(page);
  await kiosk.enterFromHome('1357');
  await kiosk.openExit();
  await kiosk.typePin('1357');
  await expect(new HomePage(page).heading).toBeVisible();
});
