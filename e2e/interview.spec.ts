// The enumerator's whole interview online: procedure, eligibility, sections, required items, showIf, review, outbox.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { readStore, type StoredDraft, type StoredOutboxEntry } from './support/idb';
import { t } from './support/strings';

test.beforeEach(async ({ page }) => {
  await new HomePage(page).openSetUp();
});

test('an interview goes from procedure to the outbox, and the next one offers the procedure again', async ({ page }) => {
  const home = new HomePage(page);
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
  await interview.confirmEligibleAndStart();

  // One section a screen, with progress.
  await expect(interview.progress).toHaveText('Phần 1/8');
  await expect(interview.progressBar).toHaveAttribute('value', '1');
  await expect(interview.heading).toContainText('Tiếp cận dịch vụ hành chính công');

  // Five labelled levels plus "not applicable", from the form's scale.
  for (const level of [1, 2, 3, 4, 5, 'na'] as const) await expect(interview.likertOption('E1.1', level)).toBeVisible();

  // "Next" is blocked by required questions, and says which.
  await interview.rate('E1.1', 5);
  await interview.rate('E1.3', 'na');
  await interview.next();
  await expect(interview.missingAlert).toHaveText('Còn 2 câu bắt buộc chưa trả lời: Câu 2, Câu 4.');
  await expect(interview.progress).toHaveText('Phần 1/8');
  await expect(interview.question('E1.2')).toHaveClass(/question-missing/);
  await expect(interview.question('E1.2').getByRole('radio').first()).toBeFocused();
  await interview.rate('E1.2', 4);
  await interview.rate('E1.4', 2);
  await expect(interview.missingAlert).toBeHidden();
  await interview.next();
  await expect(interview.progress).toHaveText('Phần 2/8');

  // Every answer is in the draft the moment it is given.
  await interview.rate('E2.1', 3);
  await interview.waitUntilSaved();
  const [draft] = await readStore<StoredDraft>(page, 'drafts');
  expect(draft.answers).toEqual({ 'E1.1': 5, 'E1.2': 4, 'E1.3': 'na', 'E1.4': 2, 'E2.1': 3 });
  expect(draft).toMatchObject({ stage: 'questions', sectionIndex: 1, itemId: 'E2.1' });
  expect(draft.durationMs['e1-access']).toBeGreaterThan(0);

  await interview.answerEverythingOnScreen();
  await interview.next();
  for (let i = 3; i <= 5; i++) {
    await expect(interview.progress).toHaveText(`Phần ${i}/8`);
    await interview.answerEverythingOnScreen();
    await interview.next();
  }

  // Demographics: a follow-up question appears only when it applies, and its answer goes when it no longer does.
  await expect(interview.progress).toHaveText('Phần 6/8');
  await expect(interview.question('occupation-other')).toHaveCount(0);
  await interview.choose('occupation', 'Khác');
  await interview.type('occupation-other', 'Thợ may');
  await interview.question('occupation-other').locator('input').blur();
  await interview.waitUntilSaved();
  expect((await readStore<StoredDraft>(page, 'drafts'))[0].answers['occupation-other']).toBe('Thợ may');
  await interview.choose('occupation', 'Nghỉ hưu');
  await expect(interview.question('occupation-other')).toHaveCount(0);
  await interview.waitUntilSaved();
  expect((await readStore<StoredDraft>(page, 'drafts'))[0].answers).not.toHaveProperty('occupation-other');
  await interview.choose('gender', 'Nữ');
  await interview.next();

  // Priorities: at most three.
  await expect(interview.progress).toHaveText('Phần 7/8');
  for (const label of ['Tiếp cận dịch vụ hành chính công', 'Thủ tục hành chính', 'Công chức trực tiếp giải quyết công việc'])
    await interview.tick('priorities', label);
  await expect(interview.question('priorities').getByRole('checkbox', { name: 'Kết quả cung ứng dịch vụ hành chính công' })).toBeDisabled();
  await interview.next();
  await expect(interview.progress).toHaveText('Phần 8/8');
  await interview.type('comment', 'Nên có thêm ghế ngồi chờ.');
  await interview.toReview();

  // Review lists every answer; tapping one goes back to it, and "back to review" returns.
  await expect(interview.reviewRow('E1.1')).toContainText('5 · Rất hài lòng');
  await expect(interview.reviewRow('E1.3')).toContainText('Không áp dụng / Không biết');
  await expect(interview.reviewRow('gender')).toContainText('Nữ');
  await expect(interview.reviewRow('comment')).toContainText('Nên có thêm ghế ngồi chờ.');
  await expect(interview.reviewSummary).toHaveText(t('interview:review.complete'));
  await interview.reviewRow('E1.4').click();
  await expect(interview.progress).toHaveText('Phần 1/8');
  await expect(interview.likertOption('E1.4', 2)).toBeFocused();
  await interview.rate('E1.4', 4);
  await interview.backToReview();
  await expect(interview.reviewRow('E1.4')).toContainText('4 · Hài lòng');

  await interview.submitAndExpectDone();
  const outbox = await readStore<StoredOutboxEntry>(page, 'outbox');
  expect(outbox).toHaveLength(1);
  expect(outbox[0].state).toBe('queued');
  expect(outbox[0].response).toMatchObject({
    formId: 'sipas-2017',
    mode: 'interview',
    procedure: { code: '1.001234', name: 'Cấp giấy phép xây dựng' },
    enumeratorId: 'nguyen-thi-lan',
    locale: 'vi',
  });
  expect(outbox[0].response.answers).toMatchObject({ 'E1.4': 4, occupation: 'retired', gender: 'female', comment: 'Nên có thêm ghế ngồi chờ.' });
  expect(Object.keys(outbox[0].response.answers).filter((k) => /^E\d\.\d$/.test(k))).toHaveLength(22);
  expect(await readStore(page, 'drafts')).toHaveLength(0);
  await expect(home.status.waiting).toHaveText('1 phiếu chờ gửi');

  // The next interview offers the procedure just used as a one-tap choice.
  await interview.startNext();
  await interview.recentProcedure('1.001234').click();
  await expect(interview.heading).toHaveText(t('interview:consent.title'));
  const drafts = await readStore<StoredDraft & { procedure: unknown }>(page, 'drafts');
  expect(drafts).toHaveLength(1);
  expect(drafts[0].procedure).toEqual({ code: '1.001234', name: 'Cấp giấy phép xây dựng' });
});

test('a person who is not eligible is told so kindly, and the interview can be discarded', async ({ page }) => {
  const home = new HomePage(page);
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('2.000001');
  await interview.answerEligibility({ adult: false, receivedResult: true, agreed: true });
  const notice = page.getByTestId('ineligible');
  await expect(notice).toContainText(t('interview:ineligible.adult'));
  await expect(page.getByRole('button', { name: t('interview:consent.continue'), exact: true })).toHaveCount(0);

  await notice.getByRole('button', { name: t('interview:ineligible.discard'), exact: true }).click();
  await notice.getByRole('button', { name: t('tablet:discard.yes'), exact: true }).click();
  await expect(home.heading).toBeVisible();
  await expect(home.drafts).toHaveCount(0);
  expect(await readStore(page, 'drafts')).toHaveLength(0);
});

test('in English too the discard question reads plainly: "Discard this interview" or "Keep the interview"', async ({ page }) => {
  const home = new HomePage(page);
  await home.status.switchLanguage('en');
  home.lang = 'en';
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('2.000001');
  await interview.answerEligibility({ adult: true, receivedResult: true, agreed: false });
  const notice = page.getByTestId('ineligible');
  await notice.getByRole('button', { name: t('interview:ineligible.discard', 'en'), exact: true }).click();
  const dialog = notice.getByTestId('confirm-discard');
  await expect(dialog.getByRole('button')).toHaveText(['Discard this interview', 'Keep the interview']);
  // Keeping it leaves the interview where it was: the answer can still be changed.
  await dialog.getByRole('button', { name: 'Keep the interview' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await readStore(page, 'drafts')).toHaveLength(1);
});

test('a draft left from home is listed and can be discarded after a question whose answers read plainly', async ({ page }) => {
  const home = new HomePage(page);
  const interview = await home.startInterview('sipas-2023');
  await interview.enterProcedure('3.000111', 'Đăng ký khai sinh');
  await interview.confirmEligibleAndStart();
  await interview.rate('E1.1', 4);
  await interview.pause();
  await expect(home.drafts).toHaveCount(1);
  await expect(home.drafts.first()).toContainText('3.000111 Đăng ký khai sinh');
  await expect(home.drafts.first()).toContainText('1 câu đã trả lời');

  // The question's two answers say what each does; neither is a bare "Hủy" (cancel) that reads like the discard.
  let dialog = await home.openDiscard();
  await expect(dialog.getByRole('button')).toHaveText(['Hủy phiếu này', 'Giữ lại phiếu']);
  await expect(dialog.getByRole('button', { name: 'Giữ lại phiếu' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Giữ lại phiếu' }).click();
  await expect(home.drafts).toHaveCount(1);
  expect(await readStore(page, 'drafts')).toHaveLength(1);

  dialog = await home.openDiscard();
  await dialog.getByRole('button', { name: 'Hủy phiếu này' }).click();
  await expect(home.drafts).toHaveCount(0);
  await expect(page.getByText(t('tablet:home.noDrafts'))).toBeVisible();
});
