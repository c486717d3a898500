// The HTML shell as the server sends it, before any script has run: what a tablet on a slow link sees first.
import type { Locator, Page } from '@playwright/test';

export class ShellPage {
  constructor(readonly page: Page) {}

  /** Opens a path with every script refused, so only the HTML (and its inlined styles) can paint. */
  async openWithoutScripts(path: string): Promise<void> {
    await this.page.route('**/*.js', (route) => route.abort());
    await this.page.goto(path);
  }

  get splash(): Locator {
    return this.page.locator('#root .boot');
  }

  /** Stylesheets the page must fetch before it can paint (the shell inlines its own). */
  get blockingStylesheets(): Locator {
    return this.page.locator('head link[rel="stylesheet"]');
  }
}
