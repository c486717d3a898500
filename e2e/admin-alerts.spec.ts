// Kiosk alert rules in the console (issue 11 item 5): an admin sees each site's rule with the defaults, a refused
// number is said next to its field, the rule M=10, X=50, N=4 is saved, and the audit log shows the change; a
// supervisor sees and edits only their own sites' rules.
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORDS } from '../src/server/demo/seed';
import { useDemoData } from './support/demo-seed';
import { AdminPage } from './pages/admin-page';

const SITE = { code: 'HP-NQ', label: 'UBND quận Ngô Quyền (HP-NQ)' };

useDemoData();

test("an admin changes a site's alert rule to 10 minutes, 50%, 4 ratings, and the audit log shows the change", async ({ page }) => {
  const ad = new AdminPage(page, 'vi');
  await ad.open('/admin/alerts');
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  await expect(ad.tab('alerts')).toHaveAttribute('aria-current', 'page');
  // The defaults, said above the list and in the row of a site nobody has changed.
  await expect(page.getByTestId('rule-defaults-line')).toHaveText('Mặc định: 15 phút · ngưỡng 50% · tối thiểu 4 lượt · đang bật.');
  const row = ad.ruleRow(SITE.code);
  await expect(row.getByTestId('rule-window')).toHaveText('15 phút');
  await expect(row.getByTestId('rule-threshold')).toHaveText('50%');
  await expect(row.getByTestId('rule-min')).toHaveText('4 lượt');
  await expect(row.getByTestId('rule-state')).toContainText(ad.s('alerts.isDefault'));

  // A number out of bounds is refused next to its field, and nothing is sent.
  const form = await ad.fillRule(SITE.code, SITE.label, { windowMinutes: '0', minRatings: '4,5' });
  await ad.saveRule(form);
  await expect(form.getByText(ad.s('invalid.windowMinutes'))).toBeVisible();
  await expect(form.getByText(ad.s('invalid.minRatings'))).toBeVisible();
  await expect(form.getByLabel(ad.s('alerts.field_windowMinutes'))).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel(ad.s('alerts.field_windowMinutes')).fill('10');
  await form.getByLabel(ad.s('alerts.field_thresholdPercent')).fill('50');
  await form.getByLabel(ad.s('alerts.field_minRatings')).fill('4');
  await ad.saveRule(form);
  await expect(ad.section('alerts').getByRole('status')).toHaveText(`Đã lưu quy tắc cảnh báo của ${SITE.label}: 10 phút · ngưỡng 50% · tối thiểu 4 lượt · đang bật.`);
  await expect(row.getByTestId('rule-window')).toHaveText('10 phút');
  await expect(row.getByTestId('rule-state')).toContainText(/Đổi lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);

  // Stored: a fresh load shows it.
  await page.reload();
  await expect(ad.ruleRow(SITE.code).getByTestId('rule-window')).toHaveText('10 phút');

  await ad.go('audit');
  await ad.filterAudit('alert-rule.');
  const entry = ad.auditRows.filter({ hasText: SITE.code });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(ad.s('audit.actions.alert-rule.update'));
  await expect(entry).toContainText('admin');
  await expect(entry).toContainText('15 phút · ngưỡng 50% · tối thiểu 4 lượt · đang bật → 10 phút · ngưỡng 50% · tối thiểu 4 lượt · đang bật');
});

test("a supervisor sees only their sites' rules and edits them, in English", async ({ page }) => {
  const ad = new AdminPage(page, 'vi');
  await ad.open('/admin');
  await ad.switchLanguage('en');
  await ad.signIn('giamsat.lechan', DEMO_PASSWORDS.supervisor);
  await ad.go('alerts');
  await expect(page.getByTestId('rules-table').locator('tbody tr')).toHaveCount(2);
  await expect(ad.ruleRow('HP-LC')).toBeVisible();
  await expect(ad.ruleRow('HP-LC-AB')).toBeVisible();
  const form = await ad.fillRule('HP-LC-AB', 'UBND phường An Biên (HP-LC-AB)', { thresholdPercent: '60' });
  await form.getByLabel(ad.s('alerts.enabled')).uncheck();
  await ad.saveRule(form);
  await expect(ad.section('alerts').getByRole('status')).toHaveText('Alert rule of UBND phường An Biên (HP-LC-AB) saved: 15 min · threshold 60% · at least 4 ratings · off.');
  await expect(ad.ruleRow('HP-LC-AB').getByTestId('rule-state')).toContainText(ad.s('alerts.badge_off'));
  // Back to the defaults with one button.
  const again = await ad.fillRule('HP-LC-AB', 'UBND phường An Biên (HP-LC-AB)', {});
  await again.getByRole('button', { name: ad.s('alerts.useDefaults') }).click();
  await expect(again.getByLabel(ad.s('alerts.field_thresholdPercent'))).toHaveValue('50');
  await expect(again.getByLabel(ad.s('alerts.enabled'))).toBeChecked();
  await ad.saveRule(again);
  await expect(ad.ruleRow('HP-LC-AB').getByTestId('rule-threshold')).toHaveText('50%');
});
