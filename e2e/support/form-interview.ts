// A tablet with the shared sample form (issue 10): sync to get its site's forms, and an interview through to review
// that shows the late-days question only after "Có".
import { expect, type Page } from '@playwright/test';
import { HomePage } from '../pages/home-page';
import type { InterviewPage } from '../pages/interview-page';
import { t } from './strings';
import type { Tablet } from './sync-tablet';

/** Home's button that starts an interview with the form. */
export const formButton = (page: Page, id: string) => page.locator(`button[data-form-id="${id}"]`);

/** A sync (the settings card's refresh), then home. */
export async function syncForms(page: Page, tablet: Tablet): Promise<HomePage> {
  await tablet.enrolment.open();
  await tablet.enrolment.refresh();
  const home = new HomePage(page);
  await home.open();
  return home;
}

/** Answers the section on screen; on the one with the late-result question, shows its follow-up appears only on "Có". */
async function answerSection(interview: InterviewPage): Promise<void> {
  await interview.expectSettled();
  const late = interview.question('tre_hen');
  if ((await late.count()) === 0) return interview.answerEverythingOnScreen();
  for (const id of ['KQ1', 'KQ2', 'KQ3']) await interview.question(id).locator('input[type="radio"][value="4"]').check();
  const days = interview.question('so_ngay_tre');
  await expect(days).toHaveCount(0);
  await late.getByRole('radio', { name: 'Không', exact: true }).check();
  await expect(days).toHaveCount(0);
  await late.getByRole('radio', { name: 'Có', exact: true }).check();
  await expect(days).toBeVisible();
  await days.locator('input').fill('3');
}

/** Every section of the sample answered, ending on the review screen. */
export async function answerToReview(interview: InterviewPage): Promise<void> {
  for (let guard = 0; guard < 10; guard++) {
    await answerSection(interview);
    const review = interview.page.getByRole('button', { name: t('interview:nav.review'), exact: true });
    if (await review.isVisible()) return interview.toReview();
    const before = await interview.progress.textContent();
    await interview.next();
    await expect(interview.missingAlert).toBeHidden();
    await expect(interview.progress).not.toHaveText(before ?? '');
  }
  throw new Error('never reached the review screen');
}
