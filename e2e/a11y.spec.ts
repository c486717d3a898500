// axe finds no accessibility violation on home, the interview screens and review, in Vietnamese and English.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { expectNoAxeViolations } from './support/axe';

for (const lang of ['vi', 'en'] as const) {
  test(`no axe violations on home, procedure, consent, a question, a blocked "Next", review and done (${lang})`, async ({ page }) => {
    const home = new HomePage(page);
    await home.openSetUp();
    if (lang === 'en') {
      await home.status.switchLanguage('en');
      home.lang = 'en';
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    const interview = await home.startInterview('sipas-2017');
    await interview.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
    await interview.pause();
    await expect(home.drafts).toHaveCount(1);
    await expectNoAxeViolations(page, `home (${lang})`);

    const resumed = await home.resumeDraft();
    await expect(resumed.heading).toBeVisible();
    await expectNoAxeViolations(page, `consent (${lang})`);
    await resumed.confirmEligibleAndStart();
    await resumed.rate('E1.1', 4);
    await expectNoAxeViolations(page, `question screen (${lang})`);
    await resumed.next();
    await expect(resumed.missingAlert).toBeVisible();
    await expectNoAxeViolations(page, `question screen with required questions missing (${lang})`);

    await resumed.answerEverythingOnScreen();
    await resumed.next();
    await resumed.answerAllSectionsAndReview();
    await resumed.reviewRow('E2.1').click();
    await resumed.backToReview();
    await expectNoAxeViolations(page, `review (${lang})`);
    await resumed.submitAndExpectDone();
    await expectNoAxeViolations(page, `done (${lang})`);
  });
}
