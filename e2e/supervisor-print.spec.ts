// The dashboard printed is the report to hand on: in print media no filter, button or field shows, and the figures and notes do.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORDS, DEMO_SITES } from '../src/server/demo/seed';
import { useDemoData } from './support/demo-seed';
import { SupervisorPage } from './pages/supervisor-page';
import { expectNoAxeViolations } from './support/axe';
import { screenshot } from './support/screenshots';
import { t } from './support/strings';

useDemoData();

test('the print view (emulated print media) contains no filters or buttons; the figures, ranking and method notes are there', async ({ page }) => {
  await page.setViewportSize({ width: 794, height: 1123 });
  const sv = new SupervisorPage(page, 'vi');
  await sv.open();
  await sv.signIn('giamsat', DEMO_PASSWORDS.supervisor);
  await sv.waitForFigures();
  // At a desk, not on a tablet: no outbox or sync status on top.
  await expect(page.getByTestId('waiting-count')).toHaveCount(0);
  await expect(page.getByTestId('sv-print')).toBeVisible();
  await expect(page.getByTestId('sv-print-notes')).toBeHidden();
  // The same report as Excel, one click away.
  const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sv-report-xlsx').click()]);
  expect(report.suggestedFilename()).toMatch(/^hailong-report-sipas-2017-.*\.xlsx$/);

  await page.emulateMedia({ media: 'print' });
  for (const role of ['button', 'textbox', 'combobox', 'radio', 'checkbox', 'spinbutton', 'searchbox'] as const) {
    const visible = await page.getByRole(role).evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null || e.getClientRects().length > 0).length);
    expect(visible, `${role}s on paper`).toBe(0);
  }
  await expect(page.locator('form, fieldset, select, input, a.btn').filter({ visible: true })).toHaveCount(0);
  await expect(page.locator('header.status-bar')).toBeHidden();
  // What the report is made of stays.
  await expect(page.getByTestId('sv-print-header')).toBeVisible();
  await expect(page.getByTestId('sv-print-header')).toContainText(t('supervisor:print.kicker', 'vi'));
  await expect(page.getByTestId('sv-period')).toBeVisible();
  await expect(page.getByTestId('sv-tiles')).toBeVisible();
  await expect(page.getByTestId('sv-blocks')).toBeVisible();
  await expect(sv.rankingRows).toHaveCount(DEMO_SITES.length);
  await expect(sv.rankingRows.first()).toBeVisible();
  await expect(sv.criteriaRows.first()).toBeVisible();
  // The response rate is part of the report on paper as in the workbook.
  await expect(page.getByTestId('sv-rate')).toBeVisible();
  await expect(page.getByTestId('sv-rate')).toContainText(t('supervisor:rate.title', 'vi'));
  await expect(page.getByTestId('sv-print-notes')).toBeVisible();
  await expect(page.getByTestId('sv-print-notes')).toContainText(t('supervisor:print.notesTitle', 'vi'));
  // The working panels are not the report.
  await expect(page.getByTestId('sv-responses-list')).toBeHidden();
  await expect(page.getByTestId('export-panel')).toBeHidden();
  await expectNoAxeViolations(page, 'the printed report');
  await screenshot(page, 'supervisor-print-vi', { fullPage: true });
  // Chromium's own PDF of the page (what Save as PDF gives) is A4 pages.
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
});
