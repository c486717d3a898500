// A form fetched from the server with number, text and conditional questions: typed answers are checked, saved
// after a pause or on leaving the field, and a question that stops applying takes its answer with it.
import { expect, test } from '@playwright/test';
import type { FormInput } from '../src/core';
import { satisfactionScale } from '../src/core/forms/builtin/satisfaction-scale';
import { HomePage } from './pages/home-page';
import { putRecord, readStore, type StoredDraft, type StoredOutboxEntry } from './support/idb';
import { t } from './support/strings';

const FORM: FormInput = {
  id: 'e2e-items',
  version: 1,
  kind: 'interview',
  title: { vi: 'Phiếu thử các loại câu hỏi', en: 'Question types test form' },
  scale: satisfactionScale,
  sections: [
    {
      id: 'visits',
      title: { vi: 'Số lần đi lại', en: 'Trips' },
      items: [
        { id: 'trips', type: 'number', required: true, min: 1, max: 10, label: { vi: 'Ông/Bà đã phải đến bao nhiêu lần?', en: 'How many trips did it take?' } },
        {
          id: 'why-trips',
          type: 'longtext',
          maxLength: 200,
          showIf: { item: 'trips', op: 'gte', value: 3 },
          label: { vi: 'Vì sao phải đến nhiều lần?', en: 'Why so many trips?' },
        },
        { id: 'officer', type: 'text', label: { vi: 'Tên cán bộ tiếp nhận (nếu nhớ)', en: 'Name of the officer (if you remember)' } },
      ],
    },
    {
      id: 'overall',
      title: { vi: 'Đánh giá chung', en: 'Overall' },
      items: [{ id: 'overall', type: 'likert5', required: true, allowNA: false, label: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' } }],
    },
  ],
};

test('number, long text and short text answers: checked, saved as typed, and removed when their question no longer applies', async ({ page }) => {
  const home = new HomePage(page);
  await home.openSetUp();
  await putRecord(page, 'forms', { key: 'e2e-items@1', id: 'e2e-items', version: 1, definition: FORM, fetchedAt: new Date().toISOString() });
  await page.reload();
  const interview = await home.startInterview('e2e-items');
  await interview.enterProcedure('9.999999');
  await interview.confirmEligibleAndStart();
  await expect(interview.progress).toHaveText('Phần 1/2');

  const trips = interview.question('trips').locator('input');
  await trips.fill('nhiều');
  await expect(interview.question('trips')).toContainText(t('interview:question.numberInvalid'));
  await interview.next();
  await expect(interview.missingAlert).toContainText('Câu 1');
  await expect(interview.progress).toHaveText('Phần 1/2');
  await trips.fill('12');
  await expect(interview.question('trips')).toContainText('Số lớn nhất được nhập là 10.');

  // The follow-up shows as soon as the number calls for it; typing is saved after a short pause.
  await expect(interview.question('why-trips')).toHaveCount(0);
  await trips.fill('4');
  await interview.type('why-trips', 'Thiếu giấy tờ');
  await interview.waitUntilSaved();
  expect((await readStore<StoredDraft>(page, 'drafts'))[0].answers).toEqual({ trips: 4, 'why-trips': 'Thiếu giấy tờ' });

  // Fewer trips: the follow-up goes, and so does its answer.
  await trips.fill('2');
  await expect(interview.question('why-trips')).toHaveCount(0);
  await interview.waitUntilSaved();
  expect((await readStore<StoredDraft>(page, 'drafts'))[0].answers).toEqual({ trips: 2 });

  // Typing and going straight on: "Next" writes what was typed before it leaves.
  await interview.type('officer', 'Chị Hoa');
  await interview.next();
  await expect(interview.progress).toHaveText('Phần 2/2');
  expect((await readStore<StoredDraft>(page, 'drafts'))[0].answers).toEqual({ trips: 2, officer: 'Chị Hoa' });

  // No "not applicable" where the form does not allow it.
  await expect(interview.question('overall').getByRole('radio')).toHaveCount(5);
  await interview.rate('overall', 5);
  await interview.toReview();
  await expect(interview.reviewRow('trips')).toContainText('2');
  await expect(interview.reviewRow('officer')).toContainText('Chị Hoa');
  await interview.submitAndExpectDone();
  const [entry] = await readStore<StoredOutboxEntry>(page, 'outbox');
  expect(entry.response.answers).toEqual({ trips: 2, officer: 'Chị Hoa', overall: 5 });
});

test('review highlights a required question left blank and does not submit until it is answered', async ({ page }) => {
  const home = new HomePage(page);
  await home.openSetUp();
  await putRecord(page, 'forms', { key: 'e2e-items@1', id: 'e2e-items', version: 1, definition: FORM, fetchedAt: new Date().toISOString() });
  await page.reload();
  const interview = await home.startInterview('e2e-items');
  await interview.enterProcedure('9.999999');
  await interview.confirmEligibleAndStart();
  await interview.question('trips').locator('input').fill('1');
  await interview.next();
  await interview.rate('overall', 3);
  await interview.toReview();

  // Edit from review and clear the answer: back on review it is marked, and submitting is refused.
  await interview.reviewRow('trips').click();
  await interview.question('trips').locator('input').fill('');
  await interview.backToReview();
  await expect(interview.reviewRow('trips')).toHaveClass(/review-row-missing/);
  await expect(interview.reviewRow('trips')).toContainText(t('interview:review.requiredMissing'));
  await expect(interview.reviewSummary).toHaveText(t('interview:review.missing', 'vi', { count: 1 }));
  await interview.submit();
  await expect(interview.reviewRow('trips')).toBeFocused();
  await expect(interview.heading).toHaveText(t('interview:review.title'));
  expect(await readStore(page, 'outbox')).toHaveLength(0);

  await interview.reviewRow('trips').click();
  await interview.question('trips').locator('input').fill('3');
  await interview.type('why-trips', 'Hồ sơ thiếu');
  await interview.backToReview();
  await expect(interview.reviewSummary).toHaveText(t('interview:review.complete'));
  await interview.submitAndExpectDone();
  const [entry] = await readStore<StoredOutboxEntry>(page, 'outbox');
  expect(entry.response.answers).toEqual({ trips: 3, 'why-trips': 'Hồ sơ thiếu', overall: 3 });
});
