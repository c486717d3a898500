// axe finds nothing on every section of the admin console, in Vietnamese and English, landscape and portrait; the
// README's screenshots of sites, people, tablets, alert rules and the audit log are taken here (written only with UPDATE_SCREENSHOTS=1).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { openDb, type Db } from '../src/server/db/index';
import { DEMO_PASSWORDS } from '../src/server/demo/seed';
import { seedDemoOnce } from './support/demo-seed';
import { FormsPanel } from './pages/admin-forms';
import { AdminPage, type Section } from './pages/admin-page';
import { sampleXlsx } from './support/form-files';
import { expectNoAxeViolations } from './support/axe';
import { E2E_PORT } from './support/env';
import { screenshot, SCREEN_SIZES } from './support/screenshots';

const DATA_DIR = `.tmp/e2e-data-${E2E_PORT}`;
const SECTIONS: Section[] = ['sites', 'people', 'tablets', 'handcarry', 'codes', 'alerts', 'forms', 'audit', 'import'];
const SHOTS: Section[] = ['sites', 'people', 'tablets', 'alerts', 'audit'];

let db: Db;

/** What the demo tablets would have reported with their last sync: most well, one gone quiet with answers on it, one behind (version and clock). */
async function reportDemoTablets(): Promise<void> {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  const now = Date.now();
  const ago = (ms: number) => new Date(now - ms).toISOString();
  const devices = await db.k.selectFrom('devices').select('id').where('id', 'like', 'demo-%').orderBy('id').execute();
  for (const [i, { id }] of devices.entries()) {
    const quiet = i === 1;
    const behind = i === 2;
    await db.k
      .updateTable('devices')
      .set({
        last_seen_at: ago(quiet ? 4 * DAY : (i + 1) * 17 * MINUTE),
        last_sync_at: ago(quiet ? 4 * DAY + HOUR : (i + 1) * 17 * MINUTE),
        reported_at: ago(quiet ? 4 * DAY : (i + 1) * 17 * MINUTE),
        app_version: behind ? '0.0.9' : version,
        waiting: quiet ? 63 : 0,
        oldest_waiting_at: quiet ? ago(5 * DAY) : null,
        storage_used_bytes: 9_500_000 + i * 1_300_000,
        storage_persisted: quiet ? 0 : 1,
        last_sync_error: quiet ? 'network' : null,
        // The one behind on its version also has its clock 2 hours slow.
        clock_skew_ms: behind ? -2 * HOUR : 1_500,
      })
      .where('id', '=', id)
      .execute();
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

test.beforeAll(async () => {
  db = openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: DATA_DIR });
  await seedDemoOnce(db);
  await reportDemoTablets();
});

test.afterAll(async () => {
  await db?.close();
});

for (const size of SCREEN_SIZES) {
  for (const lang of ['vi', 'en'] as const) {
    const tag = `${size.width}x${size.height}-${lang}`;
    test(`console sections have no axe violations (${tag})`, async ({ page }) => {
      await page.setViewportSize(size);
      const ad = new AdminPage(page, 'vi');
      await ad.open();
      if (lang === 'en') await ad.switchLanguage('en');
      await expectNoAxeViolations(page, `sign-in (${tag})`);
      await ad.signIn('admin', DEMO_PASSWORDS.admin);
      for (const section of SECTIONS) {
        await ad.go(section);
        // Wait for the section's data: its loading words gone, and for lists their rows in.
        await expect(ad.section(section).getByText(ad.s('loading'), { exact: true })).toHaveCount(0);
        if (section === 'sites') await expect(page.getByTestId('sites-table').locator('tbody tr').first()).toBeVisible();
        if (section === 'people') await expect(ad.enumeratorsTable.locator('tbody tr').first()).toBeVisible();
        if (section === 'tablets') await expect(page.getByTestId('tablets-summary')).toBeVisible();
        await expectNoAxeViolations(page, `${section} (${tag})`);
        if (section === 'alerts') await expect(page.getByTestId('rules-table').getByTestId('rule-window').first()).toBeVisible();
        // Sites, people, tablets, alert rules and the audit log for the README (landscape and portrait); every section for a look in test-results.
        await screenshot(page, `console-${section}-${tag}`, { readme: SHOTS.includes(section) });
      }

      // The states a form passes through: refused fields next to their inputs, a question before deactivating.
      await ad.go('sites');
      await page.getByTestId('site-form').getByRole('button', { name: ad.s('sites.create') }).click();
      await expect(page.getByTestId('site-form').getByText(ad.s('invalid.required')).first()).toBeVisible();
      await page.getByTestId('sites-table').getByTestId('site-deactivate').first().click();
      await expect(page.getByTestId('ad-confirm')).toBeVisible();
      await expectNoAxeViolations(page, `sites with a refused form and a question (${tag})`);
      await screenshot(page, `console-sites-states-${tag}`, { readme: false });

      // Questionnaires: the sample uploaded (the list and its preview), the preview with its condition answered, and
      // a broken copy's errors by row. The README shows them in landscape.
      const readme = size.width === 1280;
      const forms = new FormsPanel(ad);
      await ad.go('forms');
      await forms.upload('hp-mot-cua-2026.xlsx', await sampleXlsx('hp-mot-cua-2026'));
      await expect(forms.preview).toBeVisible();
      await expect(forms.row('hp-mot-cua-2026')).toBeVisible();
      await expectNoAxeViolations(page, `forms after an upload (${tag})`);
      await screenshot(page, `console-forms-upload-${tag}`, { readme });
      await forms.previewIn(lang);
      await forms.question('tre_hen').getByRole('radio').first().check();
      await expect(forms.question('so_ngay_tre')).toBeVisible();
      await expectNoAxeViolations(page, `form preview (${tag})`);
      // Under the status bar: the preview's top (its languages and first section), then the condition answered.
      const scrollUnderBar = (el: Element) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72);
      await page.mouse.move(1, 1);
      await forms.preview.evaluate(scrollUnderBar);
      await screenshot(page, `console-forms-preview-${tag}`, { readme });
      await forms.question('KQ3').evaluate(scrollUnderBar);
      await screenshot(page, `console-forms-condition-${tag}`, { readme });
      await forms.previewIn(lang === 'vi' ? 'en' : 'vi');
      await expectNoAxeViolations(page, `form preview in the other language (${tag})`);
      await forms.upload('hp-mot-cua-2026-sai.xlsx', await sampleXlsx('hp-mot-cua-2026', [
        { sheet: 'survey', row: 17, column: 'relevant', value: "${tre_hen} = 'co' and today() > 1" },
        { sheet: 'survey', row: 21, column: 'type', value: 'geopoint' },
        { sheet: 'settings', row: 2, column: 'version', value: '1.1' },
      ]));
      await expect(forms.errors).toBeVisible();
      await page.evaluate(() => window.scrollTo(0, 0));
      await expectNoAxeViolations(page, `form errors (${tag})`);
      await screenshot(page, `console-forms-errors-${tag}`, { readme });
    });
  }
}
