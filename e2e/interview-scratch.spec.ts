import { test } from '@playwright/test';
import { HomePage } from './pages/home-page';
test('scratch', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1280 });
  const home = new HomePage(page);
  await home.openSetUp();
  const i = await home.startInterview('sipas-2017');
  await page.screenshot({ path: '.tmp/scr-procedure.png' });
  await i.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
  await i.answerEligibility({ adult: true, receivedResult: false, agreed: true });
  await page.screenshot({ path: '.tmp/scr-consent.png', fullPage: true });
  await i.answerEligibility({ adult: true, receivedResult: true, agreed: true });
  await page.getByRole('button', { name: 'Bắt đầu phỏng vấn' }).click();
  await i.rate('E1.1', 3);
  await i.next();
  await page.screenshot({ path: '.tmp/scr-missing.png' });
  for (let k = 0; k < 5; k++) { await i.answerEverythingOnScreen(); await i.next(); }
  await i.choose('occupation', 'Khác');
  await page.screenshot({ path: '.tmp/scr-demo.png', fullPage: true });
  await i.answerEverythingOnScreen(); await i.next();
  await i.answerEverythingOnScreen();
  await page.screenshot({ path: '.tmp/scr-multi.png', fullPage: true });
  await i.next();
  await i.toReview();
  await i.submitAndExpectDone();
  await page.screenshot({ path: '.tmp/scr-done.png' });
});
