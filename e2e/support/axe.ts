// axe-core on what the page shows now: one readable line per violation, so a failure says what and where.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { StatusBar } from '../pages/status-bar';

export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe on ${screen}`).toEqual([]);
}

/** The same in Vietnamese and then in English, switched from the status bar (the page is left in English). */
export async function expectNoAxeViolationsInBothLanguages(page: Page, screen: string): Promise<void> {
  const status = new StatusBar(page);
  for (const lang of ['vi', 'en'] as const) {
    await status.switchLanguage(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectNoAxeViolations(page, `${screen} (${lang})`);
  }
}
