// Every kiosk screen, in both languages and orientations: targets of at least 96×96 px, no axe violations,
// and a screenshot of each (the README's in docs/screenshots with UPDATE_SCREENSHOTS=1, the others in test-results/).
import { expect, test, type Page } from '@playwright/test';
import { KioskPage, type KioskScreenName } from './pages/kiosk-page';
import { expectNoAxeViolations } from './support/axe';
import { screenshot } from './support/screenshots';
import type { Lang } from './support/strings';

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
];
const SHOT_NAMES: Partial<Record<KioskScreenName, string>> = { attract: 'attract', rating: 'rating', followup: 'followup', thanks: 'thankyou' };

async function expectBigTargets(page: Page, screen: string): Promise<void> {
  const small = await page.locator('.kiosk-root button, .idle-backdrop button').evaluateAll((buttons) =>
    buttons
      .filter((b) => b.getClientRects().length > 0)
      .map((b) => ({ name: (b.textContent ?? '').trim() || b.getAttribute('aria-label'), box: b.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 96 || box.height < 96)
      .map(({ name, box }) => `${name}: ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small, `buttons under 96×96 on ${screen}`).toEqual([]);
}

for (const viewport of VIEWPORTS) {
  for (const lang of ['vi', 'en'] as Lang[]) {
    test(`every kiosk screen, ${lang}, ${viewport.width}×${viewport.height}: big targets, no axe violations`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await page.clock.install();
      const kiosk = new KioskPage(page);
      await kiosk.enterFresh();

      const check = async (name: KioskScreenName, variant = '') => {
        await kiosk.expectScreen(name);
        const label = `${name}${variant} (${lang}, ${viewport.width}×${viewport.height})`;
        // Each face checked on its own too: it is what a person must hit.
        if (name === 'rating') for (const box of await kiosk.faces().evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect()))) {
          expect(box.width).toBeGreaterThanOrEqual(96);
          expect(box.height).toBeGreaterThanOrEqual(96);
        }
        await expectBigTargets(page, label);
        await expectNoAxeViolations(page, label);
        // README screenshots: Vietnamese, and English for the rating; the other screens only for a look.
        const shot = variant ? `${name}${variant}` : SHOT_NAMES[name];
        const readme = !variant && shot !== undefined && (lang === 'vi' || name === 'rating');
        const suffix = readme && lang === 'vi' ? '' : `-${lang}`;
        await screenshot(page, `kiosk-${shot ?? name}-${viewport.width}x${viewport.height}${suffix}`, { readme });
      };

      await check('attract');
      if (lang === 'en') {
        await kiosk.chooseLanguage('en');
        await check('attract');
      }
      await kiosk.start();
      await check('rating');
      await kiosk.rate(1);
      // Nothing chosen yet: "Skip" in place of "Send".
      await check('followup', '-empty');
      // Back to the faces to change the rating, the chosen one marked; then the same face again.
      await kiosk.changeRating();
      await check('rating', '-change');
      await kiosk.rate(1);
      await kiosk.reason('waiting-time').click();
      await kiosk.reason('guidance').click();
      await kiosk.comment.fill(lang === 'vi' ? 'Nên có thêm ghế ngồi chờ.' : 'More seats in the waiting area, please.');
      await kiosk.comment.blur();
      await check('followup');
      await page.clock.runFor(30_500);
      await check('idle');
      await kiosk.stillHereButton.click();
      await kiosk.send();
      await check('thanks');
      await kiosk.done();
      if (lang === 'en') await kiosk.chooseLanguage('en');
      await kiosk.openExit();
      await check('pin');
    });
  }
}
