// A province's own questionnaire on the tablet (issue 10): published for one site through the API, it reaches that
// site's tablet at its next sync and no other; an interview is done with it offline, its conditional question showing
// only after the answer that triggers it; withdrawn, home offers it no more, yet a draft started before completes and
// is accepted by the server.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { readXlsForm } from '../src/core/forms/xlsform';
import { workbookFromXlsx } from '../src/server/forms/xlsform-file';
import { answerToReview, formButton, syncForms } from './support/form-interview';
import { SyncServer, uniqueTag } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

const SAMPLE = new URL('../src/core/forms/xlsform/fixtures/hp-mot-cua-2026.xlsx', import.meta.url);

/** The shared sample under an id of this test's own, so runs and other specs on the same server never meet. */
async function sampleForm(id: string) {
  const book = await workbookFromXlsx(readFileSync(SAMPLE));
  if (!book.ok) throw new Error('the sample is not a workbook');
  const read = readXlsForm(book.workbook);
  if (!read.ok) throw new Error(`the sample does not read: ${JSON.stringify(read.errors)}`);
  return { ...read.form, id };
}

test('published for one site, done offline with its condition, withdrawn: the started draft still completes', async ({ page, browser }) => {
  const server = SyncServer.shared();
  const tag = uniqueTag();
  const admin = await server.createAdmin(tag);
  const tablet = await enrolTablet(page, server);
  const form = await sampleForm(`hp-${tag}`);

  expect((await admin.post('/api/v1/forms', { data: form })).status()).toBe(201);
  expect((await admin.put(`/api/v1/forms/${form.id}/1/sites`, { data: { sites: [tablet.site.id] } })).status()).toBe(200);
  expect((await admin.post(`/api/v1/forms/${form.id}/1/publish`)).status()).toBe(200);

  // The tablet of the assigned site gets it at its next sync; a tablet of another site does not.
  const home = await syncForms(page, tablet);
  await expect(formButton(page, form.id)).toBeVisible();
  const context = await browser.newContext();
  try {
    const otherPage = await context.newPage();
    const other = await enrolTablet(otherPage, server);
    await syncForms(otherPage, other);
    await expect(formButton(otherPage, 'sipas-2017')).toBeVisible();
    await expect(formButton(otherPage, form.id)).toHaveCount(0);
  } finally {
    await context.close();
  }

  // Offline: a whole interview with it, then a second one started and paused.
  await page.context().setOffline(true);
  const interview = await home.startInterview(form.id);
  await interview.enterProcedure('1.004227', 'Cấp giấy chứng nhận quyền sử dụng đất');
  await interview.confirmEligibleAndStart();
  await answerToReview(interview);
  await interview.submitAndExpectDone();
  await interview.goHomeFromDone();
  const started = await home.startInterview(form.id);
  await started.enterProcedure('1.004227', 'Cấp giấy chứng nhận quyền sử dụng đất');
  await started.confirmEligibleAndStart();
  await started.answerEverythingOnScreen();
  await started.waitUntilSaved();
  await started.pause();
  await page.context().setOffline(false);
  await tablet.status.sendNow();
  await tablet.status.expectWaiting(0);
  expect(server.storedRows(tablet.site.id).map((r) => (JSON.parse(r.payload) as { formId: string }).formId)).toEqual([form.id]);

  // Withdrawn: home offers it no more after the next sync, but the draft started on it opens, completes and is accepted.
  expect((await admin.post(`/api/v1/forms/${form.id}/1/withdraw`)).status()).toBe(200);
  await syncForms(page, tablet);
  await expect(formButton(page, 'sipas-2017')).toBeVisible();
  await expect(formButton(page, form.id)).toHaveCount(0);
  const resumed = await home.resumeDraft(0);
  await answerToReview(resumed);
  await resumed.submitAndExpectDone();
  await tablet.status.sendNow();
  await tablet.status.expectWaiting(0);
  expect(server.storedRows(tablet.site.id)).toHaveLength(2);
});
