// The enumerator's interview, step by step: procedure, eligibility, sections, review, done.
import { expect, type Locator, type Page } from '@playwright/test';
import { satisfactionScale } from '../../src/core/forms/builtin/satisfaction-scale';
import { t, type Lang } from '../support/strings';

export type Level = 1 | 2 | 3 | 4 | 5 | 'na';

export class InterviewPage {
  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {}

  private s(key: string, vars?: Record<string, string | number>): string {
    return t(`interview:${key}`, this.lang, vars);
  }

  get main(): Locator {
    return this.page.locator('main.interview');
  }

  get heading(): Locator {
    return this.page.locator('main h1');
  }

  get progress(): Locator {
    return this.page.getByTestId('section-progress');
  }

  get progressBar(): Locator {
    return this.page.getByRole('progressbar', { name: this.s('section.progressLabel') });
  }

  /** A question by its item id (E1.1, gender, comment…). */
  question(itemId: string): Locator {
    return this.page.locator(`.question[data-item-id="${itemId}"]`);
  }

  /** A question by the number the interviewer reads ("Câu 6"). */
  questionNumber(n: number): Locator {
    return this.page.locator(`.question[data-number="${n}"]`);
  }

  scaleLabel(level: Level): string {
    return level === 'na' ? satisfactionScale.na[this.lang] : satisfactionScale.levels[level - 1][this.lang];
  }

  likertOption(itemId: string, level: Level): Locator {
    return this.question(itemId).getByRole('radio', { name: this.scaleLabel(level), exact: true });
  }

  // Procedure
  async enterProcedure(code: string, name = ''): Promise<void> {
    await this.typeProcedure(code, name);
    await this.continueFromProcedure();
    await expect(this.heading).toHaveText(this.s('consent.title'));
  }

  get procedureCode(): Locator {
    return this.page.getByLabel(this.s('procedure.code'));
  }

  get procedureName(): Locator {
    return this.page.getByLabel(this.s('procedure.name'), { exact: true });
  }

  /** Types into the procedure's fields (either may stay empty) without going on. */
  async typeProcedure(code: string, name = ''): Promise<void> {
    await this.procedureCode.fill(code);
    await this.procedureName.fill(name);
  }

  async continueFromProcedure(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('procedure.continue'), exact: true }).click();
  }

  get procedureError(): Locator {
    return this.page.locator('#procedure-error');
  }

  recentProcedure(code: string): Locator {
    return this.page.getByTestId('recent-procedures').locator('.recent-procedure').filter({ hasText: code });
  }

  /** A procedure the site's interviews name often (from the server), offered as a one-tap choice. */
  knownProcedure(code: string): Locator {
    return this.page.getByTestId('known-procedures').locator(`.recent-procedure[data-code="${code}"]`);
  }

  /** A procedure offered because it matches what is typed in the fields. */
  matchingProcedure(code: string): Locator {
    return this.page.getByTestId('matching-procedures').locator(`.recent-procedure[data-code="${code}"]`);
  }

  // Eligibility and consent
  async answerEligibility(a: { adult: boolean; receivedResult: boolean; agreed: boolean }): Promise<void> {
    for (const k of ['adult', 'receivedResult', 'agreed'] as const) {
      await this.page
        .locator(`[data-consent="${k}"]`)
        .getByRole('radio', { name: this.s(a[k] ? 'consent.yes' : 'consent.no'), exact: true })
        .check();
    }
  }

  /** The card a "no" to a consent question shows: record the refusal, or discard without recording. */
  get ineligibleCard(): Locator {
    return this.page.getByTestId('ineligible');
  }

  /** Records the refusal and ends the interview (the tablet goes home). */
  async recordRefusal(): Promise<void> {
    await this.ineligibleCard.getByRole('button', { name: this.s('ineligible.record'), exact: true }).click();
  }

  async confirmEligibleAndStart(): Promise<void> {
    await this.answerEligibility({ adult: true, receivedResult: true, agreed: true });
    await this.page.getByRole('button', { name: this.s('consent.continue'), exact: true }).click();
    await expect(this.progress).toBeVisible();
  }

  // Questions
  async rate(itemId: string, level: Level): Promise<void> {
    await this.likertOption(itemId, level).check();
  }

  async choose(itemId: string, optionLabel: string): Promise<void> {
    await this.question(itemId).getByRole('radio', { name: optionLabel, exact: true }).check();
  }

  async tick(itemId: string, optionLabel: string): Promise<void> {
    await this.question(itemId).getByRole('checkbox', { name: optionLabel, exact: true }).check();
  }

  async type(itemId: string, text: string): Promise<void> {
    await this.question(itemId).locator('input[type="text"], textarea').fill(text);
  }

  /**
   * Answers every question on the screen: "satisfied" on scales, the first choice elsewhere, a few words in text.
   * An answer can bring up a follow-up question, so it goes over the screen again until a pass finds nothing to answer.
   */
  async answerEverythingOnScreen(comment = this.lang === 'en' ? 'Helpful and kind staff.' : 'Cán bộ nhiệt tình, chu đáo.'): Promise<void> {
    await this.expectSettled();
    for (let answered = -1, pass = 0; answered !== 0; pass++) {
      if (pass === 10) throw new Error('answering the screen keeps bringing up new questions');
      answered = 0;
      for (const q of await this.page.locator('.question[data-item-id]').all()) {
        const radios = q.locator('input[type="radio"]');
        const checkboxes = q.locator('input[type="checkbox"]');
        const text = q.locator('input[type="text"], textarea');
        if ((await radios.count()) > 0) {
          if ((await q.locator('input:checked').count()) > 0) continue;
          const satisfied = q.locator('input[type="radio"][value="4"]');
          await ((await satisfied.count()) > 0 ? satisfied : radios.first()).check();
        } else if ((await checkboxes.count()) > 0) {
          if ((await q.locator('input:checked').count()) > 0) continue;
          await checkboxes.first().check();
        } else if ((await text.count()) > 0 && (await text.inputValue()) === '') {
          await text.fill(comment);
        } else continue;
        answered++;
      }
    }
  }

  /**
   * The screen is not moving to another step: the app marks the interview aria-busy from a tap on Next, Back or
   * Continue until the next step shows (its answers written and its place saved first).
   */
  async expectSettled(): Promise<void> {
    await expect(this.main).not.toHaveAttribute('aria-busy', 'true');
  }

  /** Taps Next and waits until the app has acted on it: the next section shows, or the screen says what is missing. */
  async next(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('nav.next'), exact: true }).click();
    await this.expectSettled();
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('nav.back'), exact: true }).click();
    await this.expectSettled();
  }

  async toReview(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('nav.review'), exact: true }).click();
    await expect(this.heading).toHaveText(this.s('review.title'));
  }

  async backToReview(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('nav.backToReview'), exact: true }).click();
    await expect(this.heading).toHaveText(this.s('review.title'));
  }

  /** Every answer written to IndexedDB (the indicator turns to "saved" once the last write has committed). */
  async waitUntilSaved(): Promise<void> {
    await expect(this.main).toHaveAttribute('data-save-state', 'saved');
  }

  get missingAlert(): Locator {
    return this.page.getByTestId('missing-alert');
  }

  // Review
  reviewRow(itemId: string): Locator {
    return this.page.locator(`.review-row[data-item-id="${itemId}"]`);
  }

  get reviewSummary(): Locator {
    return this.page.getByTestId('review-summary');
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('review.submit'), exact: true }).click();
  }

  async submitAndExpectDone(): Promise<void> {
    await this.submit();
    await expect(this.heading).toHaveText(this.s('done.title'));
  }

  async startNext(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('done.next'), exact: true }).click();
    await expect(this.heading).toHaveText(this.s('procedure.title'));
  }

  async goHomeFromDone(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('done.home'), exact: true }).click();
  }

  /** "Pause": every write is stored first, then home; done once the interview has left the screen. */
  async pause(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('header.pause'), exact: true }).click();
    await expect(this.main).toBeHidden();
  }

  /** From the first section to the review screen, answering everything on the way. */
  async answerAllSectionsAndReview(): Promise<void> {
    for (let guard = 0; guard < 30; guard++) {
      await this.answerEverythingOnScreen();
      const reviewButton = this.page.getByRole('button', { name: this.s('nav.review'), exact: true });
      if (await reviewButton.isVisible()) {
        await this.toReview();
        return;
      }
      const before = await this.progress.textContent();
      await this.next();
      await expect(this.missingAlert, `"Next" on "${before}" was refused`).toBeHidden();
      await expect(this.progress).not.toHaveText(before ?? '');
    }
    throw new Error('never reached the review screen');
  }
}
