// The vi/en switch changes every visible string on home, a question and review, sets <html lang>, and survives a reload.
import { expect, test, type Page } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { TEST_DEVICE } from './pages/settings-page';
import { readStore, type StoredDraft } from './support/idb';
import { t } from './support/strings';

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
// What the person typed stays as typed, and each language button names itself in its own language.
const NOT_TRANSLATED = ['Tiếng Việt', 'Hài Lòng', TEST_DEVICE.siteName, TEST_DEVICE.enumeratorName];

/** Visible text on the page that is still Vietnamese, line by line. */
async function vietnameseLeft(page: Page): Promise<string[]> {
  let text = await page.locator('body').innerText();
  for (const s of NOT_TRANSLATED) text = text.split(s).join('');
  return text.split('\n').filter((line) => VIETNAMESE_LETTERS.test(line));
}

test('switching to English changes every visible string and survives a reload; back to Vietnamese too', async ({ page }) => {
  const home = new HomePage(page);
  await home.openSetUp();
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.000001', 'Building permit');
  await interview.confirmEligibleAndStart();
  await interview.answerEverythingOnScreen();
  await interview.next();
  await expect(interview.progress).toHaveText('Phần 2/8');
  await expect(interview.heading).toHaveText('E2. Thủ tục hành chính');

  // A question screen.
  await home.status.switchLanguage('en');
  interview.lang = 'en';
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(interview.progress).toHaveText('Part 2 of 8');
  await expect(interview.heading).toHaveText('E2. Administrative procedures');
  await expect(interview.questionNumber(5)).toContainText('Question 5');
  await expect(interview.questionNumber(5)).toContainText('The procedure is posted publicly in full');
  await expect(interview.likertOption('E2.1', 5)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeVisible();
  await expect(page.getByTestId('online-status')).toHaveText(/Online/);
  expect(await vietnameseLeft(page)).toEqual([]);

  // The language is kept across a reload, and the draft records the language of the interview.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(interview.progress).toHaveText('Part 2 of 8');
  expect(await vietnameseLeft(page)).toEqual([]);
  await interview.waitUntilSaved();
  expect((await readStore<StoredDraft>(page, 'drafts'))[0].locale).toBe('en');

  // Review.
  await interview.answerAllSectionsAndReview();
  await expect(interview.heading).toHaveText('Review the answers');
  await expect(interview.reviewRow('E1.1')).toContainText('4 · Satisfied');
  await expect(page.getByRole('button', { name: 'Finish and save', exact: true })).toBeVisible();
  expect(await vietnameseLeft(page)).toEqual([]);

  // Home.
  await interview.pause();
  home.lang = 'en';
  await expect(home.heading).toHaveText('Satisfaction survey');
  await expect(page.getByRole('heading', { name: 'Start a new interview' })).toBeVisible();
  await expect(home.drafts.first()).toContainText('Resume');
  expect(await vietnameseLeft(page)).toEqual([]);

  // And back.
  await home.status.switchLanguage('vi');
  home.lang = 'vi';
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(home.heading).toHaveText(t('tablet:home.title'));
  await expect(home.drafts.first()).toContainText(t('tablet:home.resume'));
  await page.reload();
  await expect(home.heading).toHaveText('Khảo sát mức độ hài lòng');
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  const resumed = await home.resumeDraft();
  await expect(resumed.heading).toHaveText('Xem lại phiếu');
});
