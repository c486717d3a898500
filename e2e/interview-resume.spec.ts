// Killing the browser mid-interview loses nothing: the draft reopens at the next question with every answer shown.
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HomePage } from './pages/home-page';
import { readStore, type StoredDraft } from './support/idb';
import { t } from './support/strings';

/** The browser's main process for this profile (its children carry --type=…). */
function browserPid(profileDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error(`no browser process for ${profileDir}`);
}

/** Like pulling the plug: SIGKILL, so no unload, pagehide or visibilitychange handler runs. */
async function killBrowser(context: BrowserContext, profileDir: string): Promise<void> {
  const closed = new Promise((resolve) => context.once('close', resolve));
  process.kill(browserPid(profileDir), 'SIGKILL');
  await closed;
}

test('answer 5 questions, kill the browser, reopen: the draft resumes at question 6 with the 5 answers shown', async ({ launchOptions, baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'hailong-profile-'));
  const open = () => chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, viewport: { width: 1280, height: 800 } });
  try {
    let context = await open();
    let page = context.pages()[0] ?? (await context.newPage());
    let home = new HomePage(page);
    await home.openSetUp();
    const interview = await home.startInterview('sipas-2017');
    await interview.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
    await interview.confirmEligibleAndStart();
    await interview.rate('E1.1', 5);
    await interview.rate('E1.2', 4);
    await interview.rate('E1.3', 'na');
    await interview.rate('E1.4', 2);
    await interview.next();
    await interview.rate('E2.1', 3);
    // Each answer is in IndexedDB as soon as it is given; nothing waits for the page to close.
    await expect.poll(async () => (await readStore<StoredDraft>(page, 'drafts'))[0]?.answers).toEqual({
      'E1.1': 5,
      'E1.2': 4,
      'E1.3': 'na',
      'E1.4': 2,
      'E2.1': 3,
    });
    await killBrowser(context, profile);

    context = await open();
    page = context.pages()[0] ?? (await context.newPage());
    home = new HomePage(page);
    await home.open();
    await expect(home.drafts).toHaveCount(1);
    await expect(home.drafts.first()).toContainText('5 câu đã trả lời');
    const resumed = await home.resumeDraft();

    await expect(resumed.progress).toHaveText('Phần 2/8');
    await expect(resumed.questionNumber(6)).toHaveAttribute('data-item-id', 'E2.2');
    await expect(resumed.questionNumber(6).getByRole('radio').first()).toBeFocused();
    await expect(resumed.questionNumber(6)).toBeInViewport();
    await expect(resumed.likertOption('E2.1', 3)).toBeChecked();
    await resumed.back();
    await expect(resumed.progress).toHaveText('Phần 1/8');
    await expect(resumed.likertOption('E1.1', 5)).toBeChecked();
    await expect(resumed.likertOption('E1.2', 4)).toBeChecked();
    await expect(resumed.likertOption('E1.3', 'na')).toBeChecked();
    await expect(resumed.likertOption('E1.4', 2)).toBeChecked();
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a draft left while changing an answer from review goes back to review when resumed, also after a reload', async ({ page }) => {
  const home = new HomePage(page);
  await home.openSetUp();
  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
  await interview.confirmEligibleAndStart();
  await interview.answerAllSectionsAndReview();

  // From review to one answer; the interviewer is called away before going back.
  await interview.reviewRow('E1.2').click();
  await interview.rate('E1.2', 2);
  await interview.waitUntilSaved();
  await interview.pause();
  await expect(home.drafts).toHaveCount(1);
  await page.reload();

  const resumed = await home.resumeDraft();
  await expect(resumed.likertOption('E1.2', 2)).toBeChecked();
  // The way on is back to review, not through every section again.
  await expect(page.getByRole('button', { name: t('interview:nav.next'), exact: true })).toHaveCount(0);
  await resumed.backToReview();
  await expect(resumed.reviewRow('E1.2')).toContainText('2 · Không hài lòng');
  await expect(resumed.reviewSummary).toHaveText(t('interview:review.complete'));

  // Back on review, a later pause resumes at review itself.
  await resumed.pause();
  const again = await home.resumeDraft();
  await expect(again.heading).toHaveText(t('interview:review.title'));
});
