// The HTML shell as the server sends it, before any script has run, and how the first screen settles after it:
// what a tablet on a slow link sees first.
import type { Locator, Page } from '@playwright/test';

export interface LayoutShift {
  value: number;
  /** What moved, as "tag.class y→y". */
  moved: string[];
}

export class ShellPage {
  constructor(readonly page: Page) {}

  /** Opens a path with every script refused, so only the HTML (and its inlined styles) can paint. */
  async openWithoutScripts(path: string): Promise<void> {
    await this.page.route('**/*.js', (route) => route.abort());
    await this.page.goto(path);
  }

  /** From the next page load on, notes every layout shift not caused by the person (the browser's own measure). */
  async recordLayoutShifts(): Promise<void> {
    await this.page.addInitScript(() => {
      const shifts: { value: number; moved: string[] }[] = [];
      (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Element; previousRect: DOMRect; currentRect: DOMRect }[] }[]) {
          if (e.hadRecentInput) continue;
          shifts.push({ value: e.value, moved: (e.sources ?? []).map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} ${s.previousRect.y}→${s.currentRect.y}`) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
  }

  layoutShifts(): Promise<LayoutShift[]> {
    return this.page.evaluate(() => (window as unknown as { __shifts: LayoutShift[] }).__shifts);
  }

  /** A slow tablet: Chromium runs the page's main thread at a quarter of this machine's speed. */
  async slowCpu(): Promise<void> {
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }

  get splash(): Locator {
    return this.page.locator('#root .boot');
  }

  /** home.html's title, until the app has drawn its own. */
  get homeTitle(): Locator {
    return this.page.locator('[data-shell="home-title"]');
  }

  /** kiosk.html's static copy of the attract card, until the app has drawn the real one. */
  get prerenderedCard(): Locator {
    return this.page.locator('#kiosk-prerendered');
  }

  /** Stylesheets the page must fetch before it can paint (the shell inlines its own). */
  get blockingStylesheets(): Locator {
    return this.page.locator('head link[rel="stylesheet"]');
  }
}
