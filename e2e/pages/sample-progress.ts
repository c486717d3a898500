// The dashboard's sample progress card: a site's N field (saved on Enter), the target n it gives, and the save state.
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';

export class SampleProgressCard {
  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {}

  get card(): Locator {
    return this.page.getByRole('region', { name: t('supervisor:sample.title', this.lang) });
  }

  get table(): Locator {
    return this.page.getByTestId('sample-table');
  }

  row(siteCode: string): Locator {
    return this.page.getByTestId(`sample-${siteCode}`);
  }

  /** The N field, found by its label as a screen reader names it. */
  field(siteName: string): Locator {
    return this.page.getByLabel(t('supervisor:sample.populationFor', this.lang, { site: siteName }), { exact: true });
  }

  target(siteCode: string): Locator {
    return this.row(siteCode).getByTestId('sample-target');
  }

  status(siteCode: string): Locator {
    return this.row(siteCode).getByTestId('sample-n-status');
  }

  /** The problem shown under a site's row after the server refused its N. */
  get error(): Locator {
    return this.page.getByTestId('sample-n-error');
  }

  /** Waits until the stored targets are in (the fields are enabled only then). */
  async waitLoaded(siteName: string): Promise<void> {
    await expect(this.field(siteName)).toBeEnabled();
  }

  /** Types N as a person does and confirms with Enter. */
  async enterN(siteName: string, text: string): Promise<void> {
    const field = this.field(siteName);
    await field.fill(text);
    await field.press('Enter');
  }

  async expectSaved(siteCode: string): Promise<void> {
    await expect(this.status(siteCode)).toHaveText(`✓ ${t('supervisor:sample.saved', this.lang)}`);
  }
}
