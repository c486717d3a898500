// The tablet's screens this round changed, in both languages and orientations: Settings with its one PIN form, the
// procedure step with recent, common and matching procedures, the discard question, and the status bar with a sync
// error kept to one line. Each is screenshot (README ones in docs/screenshots with UPDATE_SCREENSHOTS=1).
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { expectNoAxeViolations } from './support/axe';
import { putRecord } from './support/idb';
import { screenshot, SCREEN_SIZES } from './support/screenshots';
import { t, type Lang } from './support/strings';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

async function noSidewaysOverflow(page: Page, name: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} overflows sideways`).toBeLessThanOrEqual(0);
}

async function setUp(page: Page, lang: Lang): Promise<HomePage> {
  const home = new HomePage(page);
  await home.openSetUp();
  if (lang === 'en') {
    await home.status.switchLanguage('en');
    home.lang = 'en';
    await expect(home.heading).toBeVisible();
  }
  return home;
}

test('at 1280 px the status bar keeps a long sync error on one line, cut short, and shows all of it on a tap', async ({ page }) => {
  // A tablet whose device was revoked while it had responses to send: the longest message the bar shows.
  const server = SyncServer.shared();
  const tablet = await enrolTablet(page, server);
  const admin = await server.createAdmin(tablet.tag);
  expect((await admin.delete(`/api/v1/devices/${tablet.deviceId}`)).status()).toBe(204);
  await tablet.hook.record(1);
  const home = new HomePage(page);
  const error = tablet.status.error;
  await expect(error).toContainText(t('problems:401.2'));

  const bar = await home.status.root.evaluate((b) => {
    const boxes = [...b.children].filter((c) => c.getClientRects().length > 0).map((c) => c.getBoundingClientRect());
    const text = b.querySelector('.sync-error-text') as HTMLElement;
    // One row: every part of the bar overlaps every other vertically.
    const oneRow = Math.max(...boxes.map((r) => r.top)) < Math.min(...boxes.map((r) => r.bottom));
    return { rows: oneRow ? 1 : 2, cut: text.scrollWidth > text.clientWidth, lineHeight: parseFloat(getComputedStyle(text).lineHeight), height: text.getBoundingClientRect().height };
  });
  expect(bar.rows, 'status bar rows').toBe(1);
  expect(bar.cut).toBe(true);
  expect(bar.height).toBeLessThan(bar.lineHeight * 1.5);
  await screenshot(page, 'status-error-1280x800-vi', { readme: false });

  // The whole message, for whoever needs to read it.
  await error.getByRole('button').click();
  await expect(error.getByRole('button')).toHaveAttribute('aria-expanded', 'true');
  expect(await error.locator('.sync-error-text').evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  await screenshot(page, 'status-error-open-1280x800-vi', { readme: false });
});

for (const lang of ['vi', 'en'] as const) {
  for (const size of SCREEN_SIZES) {
    const suffix = `${size.width}x${size.height}-${lang}`;

    test(`settings, procedure step and discard question, ${lang} ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      const home = await setUp(page, lang);

      // Settings: one supervisor-PIN form; the export section points to it.
      await page.goto('/settings');
      await expect(page.getByTestId('export-card')).toContainText(t('sync:export.notSet', lang));
      await expect(page.locator('form').filter({ has: page.locator('input[type="password"]') })).toHaveCount(1);
      await noSidewaysOverflow(page, 'settings');
      await expectNoAxeViolations(page, `settings (${lang})`);
      await screenshot(page, `settings-${suffix}`, { fullPage: true });

      // The procedure step with this tablet's recent procedures and the site's common ones.
      await putRecord(page, 'procedures', { code: '1.004227', name: 'Cấp giấy chứng nhận quyền sử dụng đất', usedAt: '2026-11-27T02:00:00.000Z', uses: 3 });
      await putRecord(page, 'procedures', { code: ' Chứng thực bản sao từ bản chính', name: 'Chứng thực bản sao từ bản chính', usedAt: '2026-11-27T01:00:00.000Z', uses: 1 });
      await putRecord(page, 'settings', {
        key: 'enrolment',
        value: {
          deviceId: 'dev-shots',
          deviceName: 'Máy quầy 1',
          site: { id: 'site-shots', code: 'ben-nghe', name: 'UBND phường Bến Nghé', timeZone: 'Asia/Ho_Chi_Minh' },
          enumerators: [],
          procedures: [
            { code: '1.004227', name: 'Cấp giấy chứng nhận quyền sử dụng đất' },
            { code: '2.000889', name: 'Đăng ký khai sinh' },
            { code: '2.000635', name: 'Chứng thực chữ ký trong các giấy tờ, văn bản' },
            { code: '1.001612', name: 'Đăng ký hộ kinh doanh' },
          ],
        },
      });
      await page.goto('/');
      const interview = await home.startInterview('sipas-2023');
      await expect(interview.knownProcedure('2.000889')).toBeVisible();
      await interview.procedureName.fill(lang === 'vi' ? 'chứng thực' : 'chung thuc');
      await expect(interview.matchingProcedure('2.000635')).toBeVisible();
      await noSidewaysOverflow(page, 'procedure');
      await expectNoAxeViolations(page, `procedure (${lang})`);
      // The status bar is sticky: from the top, a whole-page picture shows it where it belongs.
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `procedure-${suffix}`, { fullPage: true });

      // Home: the short start buttons, the draft with its questionnaire and enumerator, and the discard question.
      await interview.procedureName.fill('');
      await interview.knownProcedure('2.000889').click();
      await interview.pause();
      await expect(home.drafts).toHaveCount(1);
      await expect(home.drafts.first()).toContainText('SIPAS 2023–2026');
      await expect(home.drafts.first()).toContainText('Nguyễn Thị Lan');
      await home.openDiscard();
      await noSidewaysOverflow(page, 'home');
      await expectNoAxeViolations(page, `home with the discard question (${lang})`);
      await screenshot(page, `home-discard-${suffix}`, { readme: false });
    });
  }
}
