// The dashboard's responses list and the drawer's exclusion controls (issue 11), as a supervisor uses them.
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';

export class ResponsesPanel {
  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {}

  s(key: string, vars?: Record<string, string | number>): string {
    return t(`supervisor:${key}`, this.lang, vars);
  }

  get section(): Locator {
    return this.page.getByTestId('sv-responses-list');
  }

  get rows(): Locator {
    return this.page.getByTestId('sv-response-row');
  }

  get enumeratorSelect(): Locator {
    return this.page.getByTestId('sv-responses-enumerator');
  }

  get byEnumerator(): Locator {
    return this.page.getByTestId('sv-by-enumerator');
  }

  get byProcedure(): Locator {
    return this.page.getByTestId('sv-by-procedure');
  }

  get drawer(): Locator {
    return this.page.getByTestId('response-drawer');
  }

  /** The enumerators the filter offers (their names), without "all". */
  async enumeratorNames(): Promise<string[]> {
    const options = await this.enumeratorSelect.locator('option').allTextContents();
    return options.slice(1);
  }

  /** Picks the enumerator and waits for the list the server answers for them (the last list stays shown meanwhile). */
  async filterByEnumerator(name: string): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().includes('/api/v1/responses?') && r.url().includes('enumerator=') && r.ok());
    await this.enumeratorSelect.selectOption({ label: name });
    await answered;
  }

  /** The enumerator column of every row shown. */
  enumeratorCells(): Promise<string[]> {
    return this.rows.locator('td:nth-child(3)').allTextContents();
  }

  /** Opens the response of the list's `index`-th row. */
  async open(index = 0): Promise<void> {
    await this.rows.nth(index).getByRole('button', { name: this.s('quality.open') }).click();
    await expect(this.drawer).toBeVisible();
    await expect(this.drawer.getByTestId('sv-exclusion')).toBeVisible();
  }

  async exclude(reason: string): Promise<void> {
    await this.drawer.getByTestId('sv-exclude').click();
    await this.drawer.getByLabel(this.s('responses.reason')).fill(reason);
    await this.drawer.getByTestId('sv-exclude-confirm').click();
    await expect(this.drawer.getByTestId('sv-exclusion-state')).toContainText(reason);
  }

  async restore(): Promise<void> {
    await this.drawer.getByTestId('sv-restore').click();
    await expect(this.drawer.getByTestId('sv-exclude')).toBeVisible();
  }

  async closeDrawer(): Promise<void> {
    await this.drawer.getByRole('button', { name: this.s('detail.close') }).click();
    await expect(this.drawer).toBeHidden();
  }
}
