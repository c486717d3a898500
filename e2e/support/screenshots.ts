// Every screenshot a spec takes goes through here: the README's are written into docs/screenshots only with
// UPDATE_SCREENSHOTS=1, so `npm test` renders and checks the screens but leaves tracked files alone.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test, type Page } from '@playwright/test';

const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

const README_DIR = 'docs/screenshots';

/** The two tablet sizes every screen is looked at in: landscape on the counter, portrait in a hand. */
export const SCREEN_SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;

/**
 * Renders what the page shows now into `<name>.png`: a README screenshot (the default) into docs/screenshots with
 * UPDATE_SCREENSHOTS=1; otherwise, and for shots only meant for a look (`readme: false`), into this test's folder
 * under test-results/ (untracked, emptied at the start of every run). Returns the file written.
 */
export async function screenshot(page: Page, name: string, { readme = true, fullPage = false }: { readme?: boolean; fullPage?: boolean } = {}): Promise<string> {
  const file = readme && UPDATE_SCREENSHOTS ? path.join(README_DIR, `${name}.png`) : test.info().outputPath(`${name}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage });
  return file;
}
