// The citizen self-rating kiosk, as a person and a supervisor use it: faces, follow-up, thanks, idle warning, PIN.
import { expect, type Locator, type Page } from '@playwright/test';
import { deskRating } from '../../src/core/forms/builtin/desk-rating';
import { readStore, type StoredOutboxEntry } from '../support/idb';
import { t, type Lang } from '../support/strings';
import { HomePage } from './home-page';

export type KioskScreenName = 'attract' | 'rating' | 'followup' | 'thanks' | 'idle' | 'pin';

export interface KioskOutboxEntry extends StoredOutboxEntry {
  response: StoredOutboxEntry['response'] & { flags: string[]; completedAt: string; startedAt: string };
}

export const TEST_PIN = '2468';

export class KioskPage {
  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {
    // The kiosk guards against leaving (beforeunload); a test that reloads on purpose confirms the browser's question.
    page.on('dialog', (d) => void (d.type() === 'beforeunload' ? d.accept() : d.dismiss()).catch(() => {}));
  }

  private s(key: string, vars?: Record<string, string | number>): string {
    return t(`kiosk:${key}`, this.lang, vars);
  }

  screen(name: KioskScreenName): Locator {
    return this.page.locator(`[data-screen="${name}"]`);
  }

  async expectScreen(name: KioskScreenName): Promise<void> {
    await expect(this.screen(name)).toBeVisible();
  }

  // Entering and leaving
  /** A fresh tablet: set up, then Home → kiosk, setting the supervisor PIN (asked twice) on the way. */
  async enterFresh(pin = TEST_PIN): Promise<void> {
    const home = new HomePage(this.page, this.lang);
    await home.openSetUp();
    await this.enterFromHome(pin, { firstTime: true });
  }

  async enterFromHome(pin = TEST_PIN, { firstTime = false } = {}): Promise<void> {
    await this.page.getByRole('button', { name: t('tablet:home.kiosk', this.lang), exact: true }).click();
    await this.expectScreen('pin');
    if (firstTime) {
      await expect(this.pinHeading).toHaveText(this.s('pin.setTitle'));
      await this.typePin(pin);
      await expect(this.pinHeading).toHaveText(this.s('pin.repeatTitle'));
    } else await expect(this.pinHeading).toHaveText(this.s('pin.enterTitle'));
    await this.typePin(pin);
    await this.expectScreen('attract');
  }

  get pinHeading(): Locator {
    return this.screen('pin').getByRole('heading', { level: 1 });
  }

  get pinMessage(): Locator {
    return this.page.getByTestId('pin-message');
  }

  /** Taps the digits on the on-screen keypad, then Confirm. */
  async typePin(pin: string): Promise<void> {
    const keypad = this.page.getByRole('group', { name: this.s('pin.keypad') });
    for (const d of pin) await keypad.getByRole('button', { name: d, exact: true }).click();
    await expect(this.page.getByTestId('pin-input')).toHaveValue(pin);
    await keypad.getByRole('button', { name: this.s('pin.ok') }).click();
  }

  async openExit(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('attract.staff') }).click();
    await this.expectScreen('pin');
    await expect(this.pinHeading).toHaveText(this.s('pin.exitTitle'));
  }

  // One person's rating
  get startButton(): Locator {
    return this.page.getByRole('button', { name: this.s('attract.start') });
  }

  async start(): Promise<void> {
    await this.startButton.click();
    await this.expectScreen('rating');
  }

  /** The face of a level, found by the word under it (the form's label). */
  face(level: number): Locator {
    const item = deskRating.sections[0].items[0] as { labels: Record<Lang, string>[] };
    return this.screen('rating').getByRole('button', { name: item.labels[level - 1][this.lang], exact: true });
  }

  faces(): Locator {
    return this.screen('rating').locator('button[data-level]');
  }

  /** The moods of the faces a screen shows, in the order a person reads them (0 very unhappy … 4 very happy). */
  async moodsOn(name: 'attract' | 'rating'): Promise<number[]> {
    const classes = await this.screen(name).locator('svg.face').evaluateAll((faces) => faces.map((f) => f.getAttribute('class') ?? ''));
    return classes.map((c) => Number(/face-mood-(\d)/.exec(c)?.[1]));
  }

  get changeRatingButton(): Locator {
    return this.screen('followup').getByRole('button', { name: this.s('followUp.changeRating') });
  }

  /** From the follow-up back to the faces, to choose another. */
  async changeRating(): Promise<void> {
    await this.changeRatingButton.click();
    await this.expectScreen('rating');
  }

  get skipButton(): Locator {
    return this.screen('followup').getByRole('button', { name: this.s('followUp.skip'), exact: true });
  }

  get sendButton(): Locator {
    return this.screen('followup').getByRole('button', { name: this.s('followUp.send'), exact: true });
  }

  async skip(): Promise<void> {
    await this.skipButton.click();
    await this.expectScreen('thanks');
  }

  async rate(level: number): Promise<void> {
    await this.face(level).click();
  }

  reason(value: string): Locator {
    return this.screen('followup').locator(`button[data-value="${value}"]`);
  }

  /** How a reason looks: its computed background and text colours, and whether its tick is drawn. */
  reasonLook(value: string): Promise<{ background: string; color: string; ticked: boolean }> {
    return this.reason(value).evaluate((b) => {
      const style = getComputedStyle(b);
      return { background: style.backgroundColor, color: style.color, ticked: b.querySelector('svg.toggle-check path') !== null };
    });
  }

  get comment(): Locator {
    return this.screen('followup').locator('textarea');
  }

  async send(): Promise<void> {
    await this.sendButton.click();
    await this.expectScreen('thanks');
  }

  async done(): Promise<void> {
    await this.page.getByRole('button', { name: this.s('thanks.done'), exact: true }).click();
    await this.expectScreen('attract');
  }

  async chooseLanguage(lang: Lang): Promise<void> {
    await this.page.getByRole('button', { name: lang === 'vi' ? 'Tiếng Việt' : 'English', exact: true }).click();
    this.lang = lang;
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  get stillHereButton(): Locator {
    return this.page.getByRole('button', { name: this.s('idle.stay') });
  }

  // What the tablet stored
  kioskOutbox(): Promise<KioskOutboxEntry[]> {
    return readStore<KioskOutboxEntry>(this.page, 'outbox').then((all) =>
      all.filter((e) => e.response.mode === 'kiosk').sort((a, b) => a.response.completedAt.localeCompare(b.response.completedAt)),
    );
  }

  kioskDrafts(): Promise<{ id: string; mode: string; answers: Record<string, unknown> }[]> {
    return readStore<{ id: string; mode: string; answers: Record<string, unknown> }>(this.page, 'drafts').then((all) => all.filter((d) => d.mode === 'kiosk'));
  }

  /** Waits until the outbox holds n kiosk responses, and returns them oldest first. */
  async waitForOutbox(n: number): Promise<KioskOutboxEntry[]> {
    await expect.poll(async () => (await this.kioskOutbox()).length).toBe(n);
    return this.kioskOutbox();
  }

  /** Nothing of the previous person anywhere in the page: no filled input, no pressed choice, none of their words. */
  async expectNoTrace(words: string[]): Promise<void> {
    const state = await this.page.evaluate(() => ({
      filled: [...document.querySelectorAll('input, textarea, select')]
        .map((el) => (el as HTMLInputElement).value)
        .filter((v) => v !== ''),
      pressed: [...document.querySelectorAll('[aria-pressed="true"]')].map((el) => el.getAttribute('lang') ?? el.textContent),
      html: document.documentElement.outerHTML,
      focused: document.activeElement === document.body || document.activeElement === null,
      scrollY: window.scrollY,
    }));
    expect(state.filled).toEqual([]);
    // Only the language button of the current language may be pressed.
    expect(state.pressed).toEqual([this.lang]);
    for (const w of words) expect(state.html).not.toContain(w);
    expect(state.focused).toBe(true);
    expect(state.scrollY).toBe(0);
  }

  historyLength(): Promise<number> {
    return this.page.evaluate(() => history.length);
  }
}
