// The admin console in a real Chromium against the real server: an admin sets up a site with its supervisor and two
// enumerators (one with a PIN), the supervisor then sees only that site; and the kiosk and home never load the console.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDb, type Db } from '../src/server/db/index';
import { createDevice } from '../src/server/db/queries/devices';
import { DEMO_PASSWORDS } from '../src/server/demo/seed';
import { seedDemoOnce } from './support/demo-seed';
import { AdminPage } from './pages/admin-page';
import { E2E_PORT } from './support/env';
import { t } from './support/strings';

const DATA_DIR = `.tmp/e2e-data-${E2E_PORT}`;
const DIST_DIR = `.tmp/dist-${E2E_PORT}`;

const SITE = { code: 'HP-KD', name: 'UBND phường Kênh Dương', kind: 'xa-phuong' as const };
const SITE_LABEL = `${SITE.name} (${SITE.code})`;
const SUPERVISOR = { username: 'giamsat.kenhduong', displayName: 'Vũ Thị Thu', password: 'kenh-duong-2026' };
const WITH_PIN = { displayName: 'Hoàng Văn Nam', pin: '2468' };
const WITHOUT_PIN = { displayName: 'Bùi Thị Mai' };

let db: Db;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.beforeAll(async () => {
  // The demo's admin signs in; its sites are the province the new site joins.
  db = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: DATA_DIR });
  await seedDemoOnce(db);
});

test.afterAll(async () => {
  await db?.close();
});

test('an admin sets up a site, its supervisor and two enumerators; the supervisor sees only that site', async ({ page, browser }) => {
  const ad = new AdminPage(page, 'vi');
  await ad.open();
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  await expect(ad.tab('sites')).toHaveAttribute('aria-current', 'page');

  await ad.createSite(SITE);
  await expect(ad.siteRow(SITE.code)).toContainText(t('supervisor:kinds.xa-phuong', 'vi'));
  await expect(ad.siteRow(SITE.code)).toContainText(ad.s('sites.active'));

  await ad.go('people');
  await ad.createSupervisor({ ...SUPERVISOR, siteLabels: [SITE_LABEL] });
  await expect(ad.personRow(SUPERVISOR.username)).toContainText(SITE.code);
  await ad.createEnumerator({ ...WITH_PIN, siteLabel: SITE_LABEL });
  await ad.createEnumerator({ ...WITHOUT_PIN, siteLabel: SITE_LABEL });
  await expect(ad.personRow(WITH_PIN.displayName)).toContainText(ad.s('people.hasPin'));
  await expect(ad.personRow(WITHOUT_PIN.displayName)).toContainText(ad.s('people.noPin'));

  // The supervisor, in a browser of their own.
  const context = await browser.newContext();
  const svPage = await context.newPage();
  const sv = new AdminPage(svPage, 'vi');
  await sv.open();
  await sv.signIn(SUPERVISOR.username, SUPERVISOR.password);
  // An admin's sections are not theirs: no sites, no import, no supervisors' list.
  await expect(sv.tab('people')).toHaveAttribute('aria-current', 'page');
  await expect(sv.tab('sites')).toHaveCount(0);
  await expect(sv.tab('import')).toHaveCount(0);
  await expect(sv.staffTable).toHaveCount(0);
  // Their one site, its two enumerators, and nobody else's.
  await expect(svPage.getByTestId('people-site').locator('option')).toHaveText([sv.s('allSites', { count: 1 }), SITE_LABEL]);
  await expect(sv.enumeratorsTable.locator('tbody tr')).toHaveCount(2);
  await expect(sv.personRow(WITH_PIN.displayName)).toContainText(sv.s('people.hasPin'));
  await expect(sv.personRow(WITHOUT_PIN.displayName)).toBeVisible();
  const sites = (await (await svPage.request.get('/api/v1/sites')).json()) as { sites: { code: string }[] };
  expect(sites.sites.map((s) => s.code)).toEqual([SITE.code]);
  // Their enrolment codes are for that site only.
  await sv.go('codes');
  await expect(svPage.getByTestId('code-site').locator('option')).toHaveText([SITE_LABEL]);
  await context.close();
});

test('a refused field is said next to it, in the person’s words', async ({ page }) => {
  const ad = new AdminPage(page, 'en');
  await page.goto('/admin');
  await ad.switchLanguage('en');
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  const form = page.getByTestId('site-form');
  await form.getByLabel(ad.s('sites.code')).fill('có dấu');
  await form.getByLabel(ad.s('sites.timeZone')).fill('Mars/Olympus');
  await form.getByRole('button', { name: ad.s('sites.create') }).click();
  await expect(form.getByLabel(ad.s('sites.code'))).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel(ad.s('sites.code'))).toHaveAccessibleDescription(new RegExp(escapeRegExp(ad.s('invalid.code'))));
  await expect(form.getByText(ad.s('invalid.required'))).toBeVisible();
  await expect(form.getByText(ad.s('invalid.timeZone'))).toBeVisible();
  // A code that exists already: the server's 409.3, at the code field.
  await form.getByLabel(ad.s('sites.code')).fill('HP-LC');
  await form.getByLabel(ad.s('sites.name')).fill('Duplicate');
  await form.getByLabel(ad.s('sites.timeZone')).fill('Asia/Ho_Chi_Minh');
  await form.getByRole('button', { name: ad.s('sites.create') }).click();
  await expect(form.getByText(ad.s('invalid.codeTaken'))).toBeVisible();
});

test('the kiosk and home never load the console', async ({ browser }) => {
  // The build's manifest names the console's chunk and its words; no service worker, so every script is the page's own ask.
  const manifest = JSON.parse(readFileSync(`${DIST_DIR}/.vite/manifest.json`, 'utf8')) as Record<string, { file: string }>;
  const consoleFiles = ['src/app/admin/AdminApp.tsx', 'src/app/i18n/locales/vi/admin.json', 'src/app/i18n/locales/en/admin.json'].map((k) => manifest[k]?.file);
  expect(consoleFiles.every(Boolean), 'the console and its words are chunks of their own').toBe(true);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const loaded: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script' || r.url().endsWith('.js')) loaded.push(new URL(r.url()).pathname.slice(1));
  });
  await page.goto('/kiosk');
  await expect(page.locator('.kiosk-root > *').first()).toBeVisible();
  await page.goto('/');
  await expect(page.locator('header.status-bar')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((f) => consoleFiles.includes(f))).toEqual([]);
  // And /admin does load it.
  await page.goto('/admin');
  await expect(page.getByRole('heading', { level: 1, name: t('admin:login.title', 'vi') })).toBeVisible();
  expect(loaded).toContain(consoleFiles[0]);
  await context.close();
});

/** The template's CSV form: one table, the sheet named in the first column. */
function peopleCsv(rows: Record<string, string>[]): Buffer {
  const header = ['sheet', 'code', 'name', 'kind', 'time_zone', 'role', 'username', 'display_name', 'site_codes', 'password', 'pin'];
  const lines = [header.join(','), ...rows.map((r) => header.map((h) => r[h] ?? '').join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

test('an import with one bad row shows its row and column and writes nothing; fixed, it applies', async ({ page }) => {
  const ad = new AdminPage(page, 'vi');
  await ad.open();
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  await ad.go('import');
  // The template is there to download, in both forms.
  const template = await page.request.get((await page.getByTestId('import-template-csv').getAttribute('href'))!);
  expect(template.ok()).toBe(true);
  expect(await page.getByTestId('import-template-xlsx').getAttribute('href')).toBe('/api/v1/imports/people/template.xlsx');

  const site = { sheet: 'sites', code: 'HP-IMP', name: 'UBND xã Nhập Thử', kind: 'xa-phuong', time_zone: 'Asia/Ho_Chi_Minh' };
  const supervisor = { sheet: 'people', role: 'supervisor', username: 'giamsat.nhapthu', display_name: 'Đặng Văn Nhập', site_codes: 'HP-IMP', password: 'nhap-thu-2026' };
  const enumerator = { sheet: 'people', role: 'enumerator', username: 'dtv.nhapthu', display_name: 'Lý Thị Thử', site_codes: 'HP-NO-SUCH', pin: '1357' };
  const codes = async () => ((await (await page.request.get('/api/v1/sites')).json()) as { sites: { code: string }[] }).sites.map((s) => s.code);
  const before = await codes();

  await page.getByTestId('import-file').setInputFiles({ name: 'nhan-su.csv', mimeType: 'text/csv', buffer: peopleCsv([site, supervisor, enumerator]) });
  await page.getByRole('button', { name: ad.s('import.check') }).click();
  await expect(page.getByTestId('import-verdict')).toHaveText(t('admin:import.hasErrors', 'vi', { count: 1 }));
  const bad = page.getByTestId('import-rows').locator('tr.ad-row-error');
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText('site_codes');
  await expect(bad).toContainText(ad.s('import.cell.unknown-site'));
  await expect(bad).toContainText('dtv.nhapthu');
  await expect(page.getByRole('button', { name: ad.s('import.apply') })).toBeDisabled();
  expect(await codes()).toEqual(before);

  // The row fixed, the same steps: a clean dry run, then apply.
  await page.getByTestId('import-file').setInputFiles({ name: 'nhan-su.csv', mimeType: 'text/csv', buffer: peopleCsv([site, supervisor, { ...enumerator, site_codes: 'HP-IMP' }]) });
  await page.getByRole('button', { name: ad.s('import.check') }).click();
  await expect(page.getByTestId('import-verdict')).toHaveText(ad.s('import.clean'));
  await expect(page.getByTestId('import-count-create')).toContainText('3');
  await page.getByRole('button', { name: ad.s('import.apply') }).click();
  await expect(page.getByTestId('import-verdict')).toHaveText(ad.s('import.applied'));
  expect(await codes()).toContain('HP-IMP');
  await ad.go('people');
  await expect(ad.personRow('giamsat.nhapthu')).toContainText('HP-IMP');
  await expect(ad.personRow('Lý Thị Thử')).toContainText(ad.s('people.hasPin'));
});

test('an enrolment code is shown once with its expiry, listed while unused, and cancelled', async ({ page }) => {
  const ad = new AdminPage(page, 'en');
  await page.goto('/admin');
  await ad.switchLanguage('en');
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  await ad.go('codes');
  await page.getByTestId('code-site').selectOption({ label: 'UBND quận Lê Chân (HP-LC)' });
  await page.getByRole('button', { name: ad.s('codes.create') }).click();
  const made = page.getByTestId('code-made');
  await expect(made).toContainText(ad.s('codes.codeFor', { site: 'UBND quận Lê Chân (HP-LC)' }));
  await expect(page.getByTestId('code-value')).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  // The expiry on the desk's clock, as the dashboard writes dates: dd/MM/yyyy, HH:mm.
  await expect(made).toContainText(/Valid until \d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}/);
  const rows = page.getByTestId('codes-table').getByTestId('code-row').filter({ hasText: 'HP-LC)' });
  // The list reloads after the code is made: wait for it to hold a row of the site before counting.
  await expect(rows.first()).toBeVisible();
  const before = await rows.count();
  expect(before).toBeGreaterThan(0);
  await rows.first().getByRole('button', { name: ad.s('codes.cancel') }).click();
  await page.getByTestId('ad-confirm').getByRole('button', { name: ad.s('codes.cancel') }).click();
  await expect(rows).toHaveCount(before - 1);
});

test('the audit log shows who changed what, filtered by person and action', async ({ page }) => {
  const ad = new AdminPage(page, 'vi');
  await ad.open();
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  await ad.createSite({ code: 'HP-NK', name: 'UBND phường Nhật Ký' });
  await ad.go('audit');
  await page.getByTestId('audit-actor').fill('admin');
  await page.getByTestId('audit-action').selectOption('site.');
  await page.getByRole('button', { name: ad.s('audit.apply') }).click();
  const table = page.getByTestId('audit-table');
  const row = table.locator('tbody tr').filter({ hasText: 'HP-NK' });
  await expect(row).toContainText(t('admin:audit.actions.site.create', 'vi'));
  await expect(row).toContainText('admin');
  // Only site changes are listed.
  await expect(table.locator('tbody tr').filter({ hasNotText: 'site.' })).toHaveCount(0);
  // A date typed wrongly is said next to its field.
  await page.getByTestId('audit-from').fill('31/02/2026');
  await page.getByRole('button', { name: ad.s('audit.apply') }).click();
  await expect(page.getByTestId('audit-filters').getByText(ad.s('invalid.date'))).toBeVisible();
});

test('a tablet is renamed, and revoked after the question; revoked, it is listed only when asked', async ({ page }) => {
  const ad = new AdminPage(page, 'vi');
  await ad.open();
  await ad.signIn('admin', DEMO_PASSWORDS.admin);
  await ad.createSite({ code: 'HP-TB', name: 'UBND phường Thử Bảng' });
  // A tablet of that site as enrolment leaves it (the enrolment itself is the fleet spec's).
  const site = (await (await page.request.get('/api/v1/sites')).json()) as { sites: { id: string; code: string }[] };
  const siteId = site.sites.find((s) => s.code === 'HP-TB')!.id;
  await createDevice(db, { id: 'e2e-console-tablet', site_id: siteId, name: 'Máy quầy 1', token_hash: 'e2e-console-tablet', created_at: new Date().toISOString() });

  await ad.go('tablets');
  await ad.showTabletsOf('UBND phường Thử Bảng (HP-TB)');
  await expect(ad.tablet('Máy quầy 1')).toBeVisible();
  // Never reported: said so, not shown as zero.
  await expect(ad.tabletFact('Máy quầy 1', 'waiting')).toHaveText(ad.s('tablets.unknown'));
  await expect(ad.tabletFact('Máy quầy 1', 'sync')).toHaveText(ad.s('tablets.never'));
  await ad.renameTablet('Máy quầy 1', 'Máy tiếp dân');
  // The question first: "keep it" keeps it.
  await ad.tablet('Máy tiếp dân').getByRole('button', { name: ad.s('tablets.revokeOf', { name: 'Máy tiếp dân' }) }).click();
  await ad.tablet('Máy tiếp dân').getByRole('button', { name: ad.s('keep') }).click();
  await expect(ad.tablet('Máy tiếp dân').getByTestId('ad-confirm')).toHaveCount(0);
  await ad.revokeTablet('Máy tiếp dân');
  await page.getByTestId('tablets-revoked').check();
  await expect(ad.tablet('Máy tiếp dân')).toContainText(/Đã thu hồi lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
  await expect(ad.tablet('Máy tiếp dân').getByRole('button', { name: ad.s('tablets.revoke') })).toHaveCount(0);
});
