// The home screen: start an interview, resume or discard a draft, apply an app update.
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';
import { InterviewPage } from './interview-page';
import { SettingsPage, TEST_DEVICE, type DeviceSetupInput } from './settings-page';
import { StatusBar } from './status-bar';

export class HomePage {
  readonly status: StatusBar;
  readonly drafts: Locator;

  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {
    this.status = new StatusBar(page);
    this.drafts = page.locator('.draft-row');
  }

  /** The app's title, not home.html's copy of it (which is there before any script has run). */
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: t('tablet:home.title', this.lang) }).and(this.page.locator(':not([data-shell])'));
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }

  /** A fresh tablet: set up site and enumerator in settings, then back home. */
  async openSetUp(device: DeviceSetupInput = TEST_DEVICE): Promise<void> {
    const settings = new SettingsPage(this.page, this.lang);
    await settings.open();
    await settings.setUpDevice(device);
    await settings.goHome();
    await expect(this.heading).toBeVisible();
  }

  async startInterview(formId = 'sipas-2017'): Promise<InterviewPage> {
    await this.page.locator(`button[data-form-id="${formId}"]`).click();
    const interview = new InterviewPage(this.page, this.lang);
    await expect(interview.heading).toHaveText(t('interview:procedure.title', this.lang));
    return interview;
  }

  async resumeDraft(index = 0): Promise<InterviewPage> {
    await this.drafts.nth(index).getByRole('button', { name: t('tablet:home.resume', this.lang), exact: true }).click();
    const interview = new InterviewPage(this.page, this.lang);
    // The draft loads from IndexedDB first: answering before the screen is there would answer nothing.
    await expect(interview.main).toHaveAttribute('data-save-state', /.+/);
    return interview;
  }

  /** The "discard this interview?" question of a draft, opened from its Discard button. */
  async openDiscard(index = 0): Promise<Locator> {
    await this.drafts.nth(index).getByRole('button', { name: t('tablet:home.discard', this.lang), exact: true }).click();
    const dialog = this.drafts.nth(index).getByTestId('confirm-discard');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  get updateButton(): Locator {
    return this.page.getByRole('button', { name: t('tablet:update.apply', this.lang), exact: true });
  }

  async openSettings(): Promise<SettingsPage> {
    await this.page.getByRole('button', { name: t('tablet:home.settings', this.lang), exact: true }).click();
    return new SettingsPage(this.page, this.lang);
  }
}
