// Where the browser tests find Chromium and the server they run against.
import { e2eFolders } from '../../scripts/app-build.mjs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);
/**
 * The shared server's build and data folders (the data folder emptied by the webServer command every run) and the
 * release the update specs deploy; named as scripts/test.mjs names them when it builds them ahead.
 */
export const E2E_FOLDERS = e2eFolders(E2E_PORT);
export const E2E_DIST_DIR = E2E_FOLDERS.dist;
export const E2E_DATA_DIR = E2E_FOLDERS.data;

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The flags playwright.config.ts launches Chromium with (no sandbox as root; no calls to Google's hosts). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
