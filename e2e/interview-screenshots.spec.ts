// Home, a question screen and review, landscape and portrait, vi and en: nothing overflows sideways, and each is
// screenshot (the README's, in docs/screenshots, with UPDATE_SCREENSHOTS=1).
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home-page';
import type { InterviewPage } from './pages/interview-page';
import { screenshot, SCREEN_SIZES } from './support/screenshots';
import type { Lang } from './support/strings';

async function shoot(page: Page, name: string, lang: Lang) {
  // A screen wider than the tablet would hide answers off to the side.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} overflows sideways`).toBeLessThanOrEqual(0);
  const { width, height } = page.viewportSize()!;
  await screenshot(page, `${name}-${width}x${height}-${lang}`);
}

async function interviewInProgress(home: HomePage): Promise<InterviewPage> {
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.004227', 'Cấp giấy chứng nhận quyền sử dụng đất');
  await interview.confirmEligibleAndStart();
  await interview.answerEverythingOnScreen();
  await interview.next();
  await interview.rate('E2.1', 5);
  await interview.rate('E2.2', 4);
  await interview.waitUntilSaved();
  return interview;
}

for (const lang of ['vi', 'en'] as const) {
  for (const size of SCREEN_SIZES) {
    test(`screenshots ${lang} ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      const home = new HomePage(page);
      await home.openSetUp();
      if (lang === 'en') {
        await home.status.switchLanguage('en');
        home.lang = 'en';
        await expect(home.heading).toBeVisible();
      }
      const interview = await interviewInProgress(home);
      interview.lang = lang;
      await page.evaluate(() => window.scrollTo(0, 0));
      await shoot(page, 'interview', lang);

      await interview.pause();
      await expect(home.drafts).toHaveCount(1);
      await shoot(page, 'home', lang);

      const resumed = await home.resumeDraft();
      await resumed.answerAllSectionsAndReview();
      await resumed.reviewRow('E1.2').click();
      await resumed.rate('E1.2', 3);
      await resumed.backToReview();
      await shoot(page, 'review', lang);
    });
  }
}
