// Page models for sync: the status bar's sync part, the enrolment and export cards, and "Needs attention".
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';

export class SyncStatusModel {
  readonly waiting: Locator;
  /** Shown only while refusals wait. */
  readonly refusalsWaiting: Locator;
  readonly lastSync: Locator;
  readonly error: Locator;
  readonly sendNowButton: Locator;
  readonly attention: Locator;
  readonly online: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    this.waiting = page.getByTestId('waiting-count');
    this.refusalsWaiting = page.getByTestId('refusals-waiting');
    this.lastSync = page.getByTestId('last-sync');
    this.error = page.getByTestId('sync-error');
    this.sendNowButton = page.getByRole('button', { name: t('sync:status.sendNow', lang) });
    this.attention = page.getByTestId('attention-count');
    this.online = page.getByTestId('online-status');
  }

  async expectWaiting(count: number, timeout?: number): Promise<void> {
    await expect(this.waiting).toHaveText(t('tablet:status.waiting', this.lang, { count }), { timeout });
  }

  async sendNow(): Promise<void> {
    await this.sendNowButton.click();
  }
}

export class EnrolmentModel {
  readonly card: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    this.card = page.getByTestId('enrolment-card');
  }

  async open(): Promise<void> {
    await this.page.goto('/settings');
    await expect(this.card).toBeVisible();
  }

  async enrol(code: string, deviceName = 'Máy quầy số 1'): Promise<void> {
    await this.card.getByLabel(t('sync:enrol.code', this.lang)).fill(code);
    await this.card.getByLabel(t('sync:enrol.deviceName', this.lang)).fill(deviceName);
    await this.card.getByRole('button', { name: t('sync:enrol.submit', this.lang) }).click();
  }

  async expectEnrolled(siteName: string): Promise<void> {
    await expect(this.card.getByTestId('enrolled-site')).toContainText(siteName);
  }

  async chooseEnumerator(name: string): Promise<void> {
    const radio = this.card.getByRole('radio', { name });
    await radio.check();
    await expect(radio).toBeChecked();
    // Stored, not just ticked: leaving the screen now keeps the choice.
    await expect(this.card.getByTestId('enumerator-chosen')).toHaveText(t('sync:enrol.chosen', this.lang, { name }));
  }

  /** "Update list and forms": fetches the site's enumerators and forms again, as a sync does. */
  async refresh(): Promise<void> {
    await this.card.getByRole('button', { name: t('sync:enrol.refresh', this.lang) }).click();
    await expect(this.card.getByText(t('sync:enrol.refreshed', this.lang))).toBeVisible();
  }

  get error(): Locator {
    return this.card.getByTestId('enrol-error');
  }

  get reenrolHeading(): Locator {
    return this.card.getByRole('heading', { name: t('sync:enrol.reenrolTitle', this.lang) });
  }
}

export class ExportModel {
  readonly card: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    this.card = page.getByTestId('export-card');
  }

  /**
   * First use on a tablet: no PIN yet, so the export points to the one Supervisor PIN form on the page; the PIN is
   * set there (twice), and the export asks for it at once, with no reload.
   */
  async setPinAndUnlock(pin: string): Promise<void> {
    await expect(this.card.getByText(t('sync:export.notSet', this.lang))).toBeVisible();
    await this.card.getByRole('button', { name: t('sync:export.goSetPin', this.lang) }).click();
    const pinCard = this.page.getByTestId('supervisor-pin-card');
    const range = { min: 4, max: 8 };
    await expect(pinCard.getByLabel(t('kioskSettings:newPin', this.lang, range))).toBeFocused();
    await pinCard.getByLabel(t('kioskSettings:newPin', this.lang, range)).fill(pin);
    await pinCard.getByLabel(t('kioskSettings:repeatPin', this.lang)).fill(pin);
    await pinCard.getByRole('button', { name: t('kioskSettings:savePin', this.lang) }).click();
    await expect(pinCard.getByRole('status')).toHaveText(t('kioskSettings:pinSaved', this.lang));
    await this.unlock(pin);
  }

  async unlock(pin: string): Promise<void> {
    await this.card.getByLabel(t('sync:export.pin', this.lang), { exact: true }).fill(pin);
    await this.card.getByRole('button', { name: t('sync:export.unlock', this.lang) }).click();
  }

  get exportButton(): Locator {
    return this.card.getByRole('button', { name: t('sync:export.button', this.lang) });
  }

  /** What the card says once the file is saved (its name and what it holds). */
  get done(): Locator {
    return this.card.getByRole('status');
  }

  /** "Not sent yet: …", always shown. */
  get unsentCount(): Locator {
    return this.card.getByTestId('unsent-count');
  }

  async lock(): Promise<void> {
    await this.card.getByRole('button', { name: t('sync:export.lock', this.lang) }).click();
  }

  async download(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.exportButton.click()]);
    return download;
  }
}

export class AttentionModel {
  readonly items: Locator;
  readonly refusals: Locator;

  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {
    this.items = page.getByTestId('attention-item');
    this.refusals = page.getByTestId('attention-refusal');
  }

  async open(): Promise<void> {
    await this.page.goto('/attention');
    await expect(this.page.getByRole('heading', { level: 1, name: t('sync:attention.title', this.lang) })).toBeVisible();
  }

  item(id: string): Locator {
    return this.page.locator(`[data-testid="attention-item"][data-id="${id}"]`);
  }

  refusal(id: string): Locator {
    return this.page.locator(`[data-testid="attention-refusal"][data-id="${id}"]`);
  }
}
