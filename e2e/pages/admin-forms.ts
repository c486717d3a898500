// The console's questionnaires section (issue 10) by what an IT officer reads: upload a file, the errors by row, the
// preview in either language, and a version's row with its status, sites and buttons.
import { expect, type Locator } from '@playwright/test';
import type { Lang } from '../support/strings';
import type { AdminPage } from './admin-page';

export class FormsPanel {
  constructor(readonly ad: AdminPage) {}

  private get page() {
    return this.ad.page;
  }

  get errors(): Locator {
    return this.page.getByTestId('form-errors');
  }

  /** The error rows about one row of the spreadsheet. */
  errorsAtRow(row: number): Locator {
    return this.errors.locator(`[data-testid="form-error"][data-row="${row}"]`);
  }

  get preview(): Locator {
    return this.page.getByTestId('form-preview');
  }

  row(id: string, version = 1): Locator {
    return this.page.getByTestId(`form-row-${id}-${version}`);
  }

  /** Picks the file (name says .xlsx or .json) and uploads it as a draft. */
  async upload(name: string, buffer: Buffer): Promise<void> {
    const mimeType = name.endsWith('.json') ? 'application/json' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    await this.page.getByTestId('form-file').setInputFiles({ name, mimeType, buffer });
    await expect(this.page.getByTestId('form-file-name')).toHaveText(name);
    await this.page.getByRole('button', { name: this.ad.s('forms.upload'), exact: true }).click();
  }

  async expectStored(id: string, version = 1): Promise<void> {
    await expect(this.page.getByTestId('form-upload').getByRole('status')).toHaveText(this.ad.s('forms.uploaded', { id, version }));
    await expect(this.row(id, version)).toBeVisible();
    await expect(this.preview).toBeVisible();
  }

  async previewIn(lang: Lang): Promise<void> {
    await this.page.getByTestId(`preview-lang-${lang}`).click();
    await expect(this.page.getByTestId('preview-body')).toHaveAttribute('data-lang', lang);
  }

  /** A question of the preview by its item id. */
  question(itemId: string): Locator {
    return this.preview.locator(`[data-item-id="${itemId}"]`);
  }

  /** Only these sites (labelled "Name (CODE)") receive the version. */
  async assignSites(id: string, siteLabels: string[], version = 1): Promise<void> {
    const row = this.row(id, version);
    await row.getByRole('button', { name: this.ad.s('forms.editSites'), exact: true }).click();
    const all = row.getByRole('checkbox', { name: this.ad.s('forms.allSitesOption') });
    await all.uncheck();
    for (const l of siteLabels) await row.getByRole('checkbox', { name: l, exact: true }).check();
    await row.getByRole('button', { name: this.ad.s('forms.saveSites'), exact: true }).click();
    await expect(this.page.getByText(this.ad.s('forms.sitesSaved', { id, version }))).toBeVisible();
    for (const l of siteLabels) await expect(row.getByTestId('form-sites')).toContainText(l);
  }

  async publish(id: string, version = 1): Promise<void> {
    await this.row(id, version).getByRole('button', { name: this.ad.s('forms.publish'), exact: true }).click();
    await expect(this.page.getByText(this.ad.s('forms.published', { id, version }))).toBeVisible();
    await expect(this.row(id, version).getByTestId('form-status')).toHaveText(this.ad.s('forms.status_published'));
  }
}
