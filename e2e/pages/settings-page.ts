// Device settings: the offline-trial set-up of site and enumerator, and the build this tablet runs.
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';

export interface DeviceSetupInput {
  siteName: string;
  siteCode?: string;
  enumeratorName: string;
}

export class SettingsPage {
  readonly version: Locator;

  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {
    this.version = page.getByTestId('app-version');
  }

  async open(): Promise<void> {
    await this.page.goto('/settings');
    await expect(this.page.getByRole('heading', { level: 1, name: t('tablet:settings.title', this.lang) })).toBeVisible();
  }

  async setUpDevice(d: DeviceSetupInput): Promise<void> {
    const card = this.page.getByRole('region', { name: t('sync:trial.title', this.lang), exact: true });
    // The trial set-up is folded away behind its own option.
    const trial = card.getByTestId('offline-trial');
    if ((await trial.getAttribute('open')) === null) await trial.getByText(t('sync:trial.open', this.lang)).click();
    await card.getByLabel(t('tablet:settings.siteName', this.lang)).fill(d.siteName);
    if (d.siteCode) await card.getByLabel(t('tablet:settings.siteCode', this.lang)).fill(d.siteCode);
    await card.getByLabel(t('tablet:settings.enumeratorName', this.lang)).fill(d.enumeratorName);
    await card.getByRole('button', { name: t('actions.save', this.lang), exact: true }).click();
    await expect(card.getByRole('status').filter({ hasText: t('tablet:settings.saved', this.lang) })).toBeVisible();
  }

  async goHome(): Promise<void> {
    // The button reads "← Home".
    await this.page.getByRole('button', { name: new RegExp(`${t('actions.home', this.lang)}$`) }).click();
  }
}

export const TEST_DEVICE: DeviceSetupInput = {
  siteName: 'UBND phường Bến Nghé',
  siteCode: 'ben-nghe',
  enumeratorName: 'Nguyễn Thị Lan',
};
