// The interview's first step: a procedure by its code, its name or both, what is typed kept, and the site's common
// procedures offered on every tablet of the site.
import { expect, test } from '@playwright/test';
import { HomePage } from './pages/home-page';
import { readStore, type StoredDraft } from './support/idb';
import { t } from './support/strings';
import { SyncServer } from './support/sync-server';
import { enrolTablet } from './support/sync-tablet';

type DraftWithProcedure = StoredDraft & { procedure: { code: string; name: string } | null };

test('a procedure known only by its name goes on; what was typed survives a pause and a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.openSetUp();
  const interview = await home.startInterview('sipas-2017');

  // Nothing typed: one plain message, and the interview stays here.
  await interview.continueFromProcedure();
  await expect(interview.procedureError).toHaveText(t('interview:procedure.codeOrName'));
  await expect(interview.heading).toHaveText(t('interview:procedure.title'));

  // A name without its code, then the interviewer is called away.
  await interview.procedureName.fill('Chứng thực bản sao từ bản chính');
  await interview.pause();
  await page.reload();
  const resumed = await home.resumeDraft();
  await expect(resumed.procedureName).toHaveValue('Chứng thực bản sao từ bản chính');
  await expect(resumed.procedureCode).toHaveValue('');

  await resumed.continueFromProcedure();
  await expect(resumed.heading).toHaveText(t('interview:consent.title'));
  const [draft] = await readStore<DraftWithProcedure>(page, 'drafts');
  expect(draft.procedure).toEqual({ code: '', name: 'Chứng thực bản sao từ bản chính' });

  // The next interview on this tablet offers it again, by its name.
  await resumed.pause();
  const next = await home.startInterview('sipas-2023');
  await expect(next.recentProcedure('Chứng thực bản sao từ bản chính')).toBeVisible();
});

test('the procedures a site uses most are offered on its other tablets, and found as they are typed', async ({ page, browser }) => {
  const server = SyncServer.shared();
  const first = await enrolTablet(page, server);
  const home = new HomePage(page);
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.004227', 'Cấp giấy chứng nhận quyền sử dụng đất');
  await interview.confirmEligibleAndStart();
  await interview.answerAllSectionsAndReview();
  await interview.submitAndExpectDone();
  await first.status.expectWaiting(0);

  // A second tablet of the same desk learns the site's procedures when it enrols.
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await enrolTablet(other, server, first);
    const otherHome = new HomePage(other);
    const start = await otherHome.startInterview('sipas-2023');
    await expect(start.knownProcedure('1.004227')).toContainText('Cấp giấy chứng nhận quyền sử dụng đất');

    // Typing part of the name, without diacritics, finds it too.
    await start.procedureName.fill('quyen su dung');
    await start.matchingProcedure('1.004227').click();
    await expect(start.heading).toHaveText(t('interview:consent.title'));
    const [draft] = await readStore<DraftWithProcedure>(other, 'drafts');
    expect(draft.procedure).toEqual({ code: '1.004227', name: 'Cấp giấy chứng nhận quyền sử dụng đất' });
  } finally {
    await context.close();
  }
});
