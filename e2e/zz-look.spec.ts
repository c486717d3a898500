// SCRATCH (not committed): the console with faked answers for routes not merged yet, only to look at the screens.
import { expect, test, type Page } from '@playwright/test';
import { AdminPage, type Section } from './pages/admin-page';
import { screenshot } from './support/screenshots';
import { openDb } from '../src/server/db/index';
import { seedDemo } from '../src/server/demo/seed';
test.beforeAll(async () => {
  const db = openDb({ dataDir: `.tmp/e2e-data-${process.env.E2E_PORT}` });
  await seedDemo(db);
  await db.close();
});

const now = Date.now();
const iso = (msAgo: number) => new Date(now - msAgo).toISOString();
const H = 3600_000, D = 24 * H;

async function fake(page: Page) {
  const sites = (await (await page.request.get('/api/v1/sites')).json()) as { sites: { id: string; code: string }[] };
  const s = sites.sites;
  const users = [
    { id: 'u1', username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', siteIds: [], disabled: false, hasPin: false, createdAt: iso(30 * D) },
    { id: 'u2', username: 'giamsat.lechan', displayName: 'Lê Văn Chân', role: 'supervisor', siteIds: [s[0].id, s[1].id], disabled: false, hasPin: false, createdAt: iso(20 * D) },
    { id: 'u3', username: 'giamsat.cu', displayName: 'Phạm Thị Cũ', role: 'supervisor', siteIds: [s[2].id], disabled: true, hasPin: false, createdAt: iso(200 * D) },
    { id: 'e1', username: 'dtv.1', displayName: 'Trần Văn Minh', role: 'enumerator', siteIds: [s[0].id], disabled: false, hasPin: true, createdAt: iso(10 * D) },
    { id: 'e2', username: 'dtv.2', displayName: 'Nguyễn Thị Hoa', role: 'enumerator', siteIds: [s[0].id], disabled: false, hasPin: false, createdAt: iso(9 * D) },
    { id: 'e3', username: 'dtv.3', displayName: 'Đỗ Quang Huy', role: 'enumerator', siteIds: [s[1].id], disabled: true, hasPin: false, createdAt: iso(9 * D) },
  ];
  const dev = (id: string, site: number, name: string, o: object) => ({ id, siteId: s[site].id, siteCode: s[site].code, name, createdAt: iso(40 * D), revokedAt: null, lastSeenAt: iso(2 * H), lastSyncAt: iso(2 * H), appVersion: '0.1.0', waiting: 0, oldestWaitingAt: null, storageUsedBytes: 12_400_000, storagePersisted: true, lastSyncError: null, flags: [], ...o });
  const devices = [
    dev('d1', 0, 'Máy quầy 1', {}),
    dev('d2', 0, 'Máy quầy 2', { lastSeenAt: iso(5 * D), lastSyncAt: iso(6 * D), waiting: 73, oldestWaitingAt: iso(6 * D), storagePersisted: false, lastSyncError: 'network', flags: ['silent', 'backlog', 'stale-queue', 'not-persisted'] }),
    dev('d3', 1, 'Máy tiếp dân', { appVersion: '0.0.9', lastSyncError: '401.2', flags: ['old-version'], waiting: null, storageUsedBytes: null, storagePersisted: null }),
    dev('d4', 1, 'Máy cũ', { revokedAt: iso(3 * D) }),
  ];
  await page.route('**/api/v1/users*', (r) => r.fulfill({ json: { people: users } }));
  await page.route('**/api/v1/devices', (r) => r.fulfill({ json: { devices, currentAppVersion: '0.1.0' } }));
  await page.route('**/api/v1/enrolment-codes*', (r) =>
    r.request().method() === 'GET' ? r.fulfill({ json: { codes: [{ id: 'c1', siteId: s[0].id, createdBy: 'u1', createdAt: iso(3 * H), expiresAt: iso(-21 * H) }] } }) : r.fallback(),
  );
  await page.route('**/api/v1/audit*', (r) =>
    r.fulfill({ json: { page: 1, pageSize: 50, total: 3, entries: [
      { id: 'a1', at: iso(H), actor: 'admin', action: 'site.create', siteId: s[0].id, details: { siteCode: s[0].code, name: 'UBND quận Lê Chân' } },
      { id: 'a2', at: iso(2 * H), actor: 'giamsat.lechan', action: 'user.set-pin', siteId: s[0].id, details: { username: 'dtv.1' } },
      { id: 'a3', at: iso(3 * H), actor: 'device:abc', action: 'device.enrol', siteId: s[1].id, details: { deviceId: 'abc', name: 'Máy tiếp dân' } },
    ] } }),
  );
  await page.route('**/api/v1/imports/people*', (r) =>
    r.fulfill({ json: { applied: false, counts: { create: 2, update: 0, unchanged: 1, error: 1 }, rows: [
      { sheet: 'sites', row: 2, key: 'HP-X', outcome: 'create', errors: [] },
      { sheet: 'people', row: 2, key: 'lan', outcome: 'create', errors: [] },
      { sheet: 'people', row: 3, key: 'minh', outcome: 'unchanged', errors: [] },
      { sheet: 'people', row: 4, key: 'hoa', outcome: 'error', errors: [{ column: 'site_codes', message: 'unknown site HP-ZZ' }, { column: 'pin', message: 'expected 4 to 8 digits' }] },
    ] } }),
  );
}

for (const size of [{ width: 1280, height: 800 }, { width: 800, height: 1280 }]) for (const lang of ['vi', 'en'] as const) {
  test(`look ${size.width} ${lang}`, async ({ page }) => {
    await page.setViewportSize(size);
    const ad = new AdminPage(page, 'vi');
    await ad.open();
    if (lang === 'en') await ad.switchLanguage('en');
    await ad.signIn('admin', 'admin-demo-123');
    await fake(page);
    for (const sec of ['sites', 'people', 'tablets', 'codes', 'audit', 'import'] as Section[]) {
      await ad.go(sec);
      if (sec === 'import') {
        await page.getByTestId('import-file').setInputFiles({ name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from('a') });
        await page.getByTestId('import-check').click();
        await expect(page.getByTestId('import-result')).toBeVisible();
      }
      await page.waitForTimeout(500);
      await screenshot(page, `look-${sec}-${size.width}-${lang}`, { readme: false, fullPage: true });
    }
  });
}
