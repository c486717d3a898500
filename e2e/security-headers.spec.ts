// The built PWA under the server's security headers: every screen draws with no CSP violation, and the headers are there.
import { expect, test } from '@playwright/test';
import { watchCspViolations } from './support/csp';

test('home, settings, kiosk and supervisor sign-in draw with no Content-Security-Policy violation', async ({ page }) => {
  const violations = await watchCspViolations(page);
  for (const path of ['/', '/settings', '/kiosk', '/supervisor']) {
    const res = await page.goto(path);
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res?.headers()['x-content-type-options']).toBe('nosniff');
    // The app has drawn over the HTML's splash: its scripts ran.
    await expect(page.locator('#root p.boot')).toHaveCount(0);
    await expect(page.locator('#root')).not.toBeEmpty();
    expect(await violations(), path).toEqual([]);
  }
});
