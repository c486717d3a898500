// What the staff screens (/supervisor, /admin) share: their words, the sign-in form, opening them at an address and
// the bar's language switch; the dashboard's and the console's page models add their own screen.
import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Lang } from '../support/strings';
import { StatusBar } from './status-bar';

export abstract class StaffPage {
  readonly status: StatusBar;

  constructor(
    readonly page: Page,
    public lang: Lang,
    /** The locale namespace of the screen's own words. */
    private readonly ns: 'supervisor' | 'admin',
    /** Where the screen lives. */
    private readonly home: string,
  ) {
    this.status = new StatusBar(page);
  }

  /** The screen once signed in. */
  abstract get screen(): Locator;

  s(key: string, vars?: Record<string, string | number>): string {
    return t(`${this.ns}:${key}`, this.lang, vars);
  }

  get loginHeading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: this.s('login.title') });
  }

  get loginNotice(): Locator {
    return this.page.getByTestId('login-notice');
  }

  get loginError(): Locator {
    return this.page.getByTestId('login-error');
  }

  get offlineBanner(): Locator {
    return this.page.getByTestId('sv-offline');
  }

  /** Opens the screen (or a path within it) and waits until it shows the sign-in form or the signed-in screen. */
  async open(path = this.home): Promise<void> {
    await this.page.goto(path);
    await expect(this.loginHeading.or(this.screen)).toBeVisible();
  }

  /** Fills and sends the sign-in form (its words are the dashboard's on both screens). */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.getByLabel(t('supervisor:login.username', this.lang)).fill(username);
    await this.page.getByLabel(t('supervisor:login.password', this.lang)).fill(password);
    await this.page.getByRole('button', { name: t('supervisor:login.submit', this.lang) }).click();
  }

  async switchLanguage(lang: Lang): Promise<void> {
    await this.status.switchLanguage(lang);
    this.lang = lang;
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }
}
