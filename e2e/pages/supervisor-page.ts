// The supervisor's web screens: sign in, read the dashboard, pick site and day, download, sign out.
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import type { Lang } from '../support/strings';
import { StaffPage } from './staff-page';

export class SupervisorPage extends StaffPage {
  constructor(page: Page, lang: Lang = 'vi') {
    super(page, lang, 'supervisor', '/supervisor');
  }

  get screen(): Locator {
    return this.dashboard;
  }

  get dashboard(): Locator {
    return this.page.getByTestId('sv-dashboard');
  }

  get overallValue(): Locator {
    return this.page.getByTestId('tile-overall-value');
  }

  get responsesCount(): Locator {
    return this.page.getByTestId('sv-responses');
  }

  get rankingRows(): Locator {
    return this.page.getByTestId('ranking-table').locator('tbody tr');
  }

  get criteriaRows(): Locator {
    return this.page.getByTestId('criteria-table').locator('tbody tr');
  }

  /** The response-rate card (issue 11): interviews, refusals and the rate per site and per enumerator. */
  get rateCard(): Locator {
    return this.page.getByTestId('sv-rate');
  }

  rateSiteRow(siteCode: string): Locator {
    return this.rateCard.getByTestId(`rate-site-${siteCode}`);
  }

  get rateEnumeratorRows(): Locator {
    return this.rateCard.getByTestId('rate-enumerator');
  }

  /** The blocks card: one row for all blocks together, then one per kind of site (so-nganh, quan-huyen, xa-phuong). */
  get blocksTable(): Locator {
    return this.page.getByTestId('blocks-table');
  }

  blockRow(key: 'all' | 'so-nganh' | 'quan-huyen' | 'xa-phuong'): Locator {
    return this.page.getByTestId(`block-${key}`);
  }

  /** The overall tile's change against the baseline period (arrow, words, verdict on noise). */
  get overallChange(): Locator {
    return this.page.getByTestId('tile-overall-change');
  }

  /** The line under the scope naming the baseline period and its number of responses. */
  get baselineLine(): Locator {
    return this.page.getByTestId('sv-baseline');
  }

  rankingRow(siteName: string): Locator {
    return this.rankingRows.filter({ hasText: siteName });
  }

  async chooseCompare(option: 'none' | 'previous' | 'year'): Promise<void> {
    await this.page.getByTestId('filter-compare').selectOption({ label: this.s(option === 'none' ? 'compare.none' : `compare.option_${option}`) });
  }

  /** Waits until the figures are in: the overall tile shows a percentage and no request is still loading. */
  async waitForFigures(): Promise<void> {
    await expect(this.dashboard).toBeVisible();
    await expect(this.overallValue).toHaveText(/^\d{1,3}([,.]\d{1,2})?%$/);
    await expect(this.page.getByRole('button', { name: this.s('filters.refresh'), exact: true })).toBeEnabled();
  }

  async chooseSite(siteLabel: string): Promise<void> {
    await this.page.getByTestId('filter-site').selectOption({ label: siteLabel });
  }

  async choosePeriod(kind: 'day' | 'week' | 'month' | 'custom'): Promise<void> {
    await this.page.getByRole('radio', { name: this.s(`filters.period_${kind}`), exact: true }).check();
  }

  /** Types the day (YYYY-MM-DD given) as a person does, dd/mm/yyyy, and confirms with Enter. */
  async chooseDate(day: string): Promise<void> {
    const field = this.page.getByTestId('filter-from');
    await field.fill(`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`);
    await field.press('Enter');
  }

  /** Downloads the CSV of the export panel as it is set (the day shown, the site chosen there). */
  async downloadCsv(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('export-csv').click()]);
    return download;
  }

  async exportSite(siteLabel: string): Promise<void> {
    await this.page.getByTestId('export-site').selectOption({ label: siteLabel });
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sv-logout').click();
  }
}
