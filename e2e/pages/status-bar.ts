// The always-visible status bar: network, responses waiting, language switch.
import type { Locator, Page } from '@playwright/test';
import type { Lang } from '../support/strings';

export class StatusBar {
  readonly root: Locator;
  readonly online: Locator;
  readonly waiting: Locator;

  constructor(readonly page: Page) {
    this.root = page.locator('header.status-bar');
    this.online = page.getByTestId('online-status');
    this.waiting = page.getByTestId('waiting-count');
  }

  /** Each language button is named in its own language. */
  async switchLanguage(lang: Lang): Promise<void> {
    await this.root.getByRole('button', { name: lang === 'vi' ? 'Tiếng Việt' : 'English', exact: true }).click();
  }
}
