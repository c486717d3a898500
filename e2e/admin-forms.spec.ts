// A province's own questionnaire through the console (issue 10): an admin uploads the shared sample, previews it in
// both languages with its condition live, publishes it for one site; that site's tablet gets it at its next sync, an
// interview with it is done offline and reaches the server and the supervisor's dashboard; a broken XLSForm is refused
// with its errors by row, worded in the reader's language.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AdminPage } from './pages/admin-page';
import { FormsPanel } from './pages/admin-forms';
import { SupervisorPage } from './pages/supervisor-page';
import { sampleXlsx } from './support/form-files';
import { answerToReview, formButton, syncForms } from './support/form-interview';
import { screenshot } from './support/screenshots';
import { SyncServer, uniqueTag } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

const ADMIN_PASSWORD = 'admin-pass-123';

test('uploaded, previewed in vi and en, published for one site: its tablet does an interview with it offline, the dashboard counts it; downloaded as JSON and withdrawn after a question', async ({ page, browser }) => {
  const server = SyncServer.shared();
  const tag = uniqueTag();
  await server.createAdmin(tag);
  const tablet = await enrolTablet(page, server);
  const formId = `hp-${tag}`;
  const siteLabel = `${tablet.site.name} (${tablet.site.code})`;

  const adContext = await browser.newContext();
  try {
    const adPage = await adContext.newPage();
    const ad = new AdminPage(adPage, 'vi');
    await ad.open('/admin/forms');
    await ad.signIn(`admin-${tag}`, ADMIN_PASSWORD);
    await expect(ad.section('forms')).toBeVisible();
    const forms = new FormsPanel(ad);

    await forms.upload('hp-mot-cua-2026.xlsx', await sampleXlsx(formId));
    await forms.expectStored(formId);
    await expect(forms.row(formId).getByTestId('form-status')).toHaveText(ad.s('forms.status_draft'));

    // The preview: every section, in Vietnamese, then in English, the late-days question only after "yes".
    await forms.previewIn('vi');
    await expect(forms.preview.getByRole('heading', { level: 3 })).toHaveText(['Tiếp cận dịch vụ', 'Công chức tiếp nhận', 'Kết quả giải quyết', 'Thông tin người trả lời']);
    await expect(forms.question('TC1')).toContainText('Nơi chờ có đủ chỗ ngồi, sạch sẽ');
    await expect(forms.question('so_ngay_tre')).toHaveCount(0);
    await forms.question('tre_hen').getByRole('radio', { name: 'Có', exact: true }).check();
    await expect(forms.question('so_ngay_tre')).toContainText('Trễ bao nhiêu ngày?');
    await forms.previewIn('en');
    await expect(forms.preview.getByRole('heading', { level: 3 })).toHaveText(['Access to the service', 'The civil servant at the desk', 'The result', 'About you']);
    await expect(forms.question('so_ngay_tre')).toContainText('How many days late?');
    await forms.question('tre_hen').getByRole('radio', { name: 'No', exact: true }).check();
    await expect(forms.question('so_ngay_tre')).toHaveCount(0);
    // The console itself stayed in Vietnamese.
    await expect(adPage.locator('html')).toHaveAttribute('lang', 'vi');

    await forms.assignSites(formId, [siteLabel]);
    await forms.publish(formId);
  } finally {
    await adContext.close();
  }

  // The tablet of that site, after a sync, offers it on home; an interview with it is done offline.
  const home = await syncForms(page, tablet);
  await expect(formButton(page, formId)).toBeVisible();
  await page.context().setOffline(true);
  const interview = await home.startInterview(formId);
  await interview.enterProcedure('1.004227', 'Cấp giấy chứng nhận quyền sử dụng đất');
  await interview.confirmEligibleAndStart();
  await answerToReview(interview);
  await interview.submitAndExpectDone();
  await page.context().setOffline(false);
  await tablet.status.sendNow();
  await tablet.status.expectWaiting(0);
  const stored = server.storedRows(tablet.site.id).map((r) => JSON.parse(r.payload) as { formId: string; answers: Record<string, unknown> });
  expect(stored.map((r) => r.formId)).toEqual([formId]);
  expect(stored[0].answers.so_ngay_tre).toBe(3);

  // The site's supervisor sees it on the dashboard, under the province's questionnaire.
  const svContext = await browser.newContext();
  try {
    const sv = new SupervisorPage(await svContext.newPage(), 'vi');
    await sv.open();
    await sv.signIn(`gsv-${tablet.tag}`, 'supervisor-pass');
    await expect(sv.dashboard).toBeVisible();
    await sv.page.getByTestId('filter-form').selectOption(formId);
    await sv.waitForFigures();
    await expect(sv.responsesCount).toHaveText(sv.s('figures.responses', { count: 1, formatted: '1' }));
  } finally {
    await svContext.close();
  }

  // Back in the console: the definition downloads as JSON, and withdrawing asks first.
  const adPage = await browser.newPage();
  try {
    const ad = new AdminPage(adPage, 'vi');
    await ad.open('/admin/forms');
    await ad.switchLanguage('en');
    await ad.signIn(`admin-${tag}`, ADMIN_PASSWORD);
    const forms = new FormsPanel(ad);
    const row = forms.row(formId);
    const [download] = await Promise.all([adPage.waitForEvent('download'), row.getByRole('link', { name: ad.s('forms.downloadJson') }).click()]);
    const definition = JSON.parse(readFileSync(await download.path(), 'utf8')) as { id: string; version: number };
    expect([definition.id, definition.version]).toEqual([formId, 1]);
    await row.getByRole('button', { name: ad.s('forms.withdraw'), exact: true }).click();
    const confirm = row.getByTestId('ad-confirm');
    await expect(confirm).toContainText(ad.s('forms.confirmWithdraw', { id: formId, version: 1 }));
    await expect(confirm.getByRole('button', { name: ad.s('keep') })).toBeFocused();
    await confirm.getByRole('button', { name: ad.s('forms.withdraw'), exact: true }).click();
    await expect(row.getByTestId('form-status')).toHaveText(ad.s('forms.status_withdrawn'));
  } finally {
    await adPage.close();
  }
});

test('a broken XLSForm is refused with its errors by row, in Vietnamese and in English; nothing is stored', async ({ page }) => {
  const server = SyncServer.shared();
  const tag = uniqueTag();
  await server.createAdmin(tag);
  const formId = `hp-broken-${tag}`;
  const broken = await sampleXlsx(formId, [
    // A condition the reader cannot follow, and a question type it does not support.
    { sheet: 'survey', row: 17, column: 'relevant', value: "${tre_hen} = 'co' and today() > 1" },
    { sheet: 'survey', row: 21, column: 'type', value: 'geopoint' },
  ]);

  const ad = new AdminPage(page, 'vi');
  await ad.open('/admin/forms');
  await ad.signIn(`admin-${tag}`, ADMIN_PASSWORD);
  const forms = new FormsPanel(ad);
  await forms.upload('hp-mot-cua-2026-sai.xlsx', broken);
  await expect(forms.errors).toBeVisible();
  await expect(forms.errorsAtRow(17)).toContainText('relevant');
  await expect(forms.errorsAtRow(21)).toContainText('type');
  await expect(forms.errors.getByRole('alert')).toHaveText(ad.s('forms.errorsTitle', { count: await forms.errors.getByTestId('form-error').count() }));
  await expect(forms.row(formId)).toHaveCount(0);
  await screenshot(page, 'forms-errors-vi', { readme: false });

  await ad.switchLanguage('en');
  await expect(forms.errors.getByRole('alert')).toHaveText(ad.s('forms.errorsTitle', { count: await forms.errors.getByTestId('form-error').count() }));
  await expect(forms.errorsAtRow(21)).toContainText('geopoint');
  await screenshot(page, 'forms-errors-en', { readme: false });
});
