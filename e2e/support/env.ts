// Where the browser tests find Chromium and the server they run against.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);
/** The shared server's build and data folders: per port, so two runs on one machine never share a dist/ or a database. */
export const E2E_DIST_DIR = `.tmp/dist-${E2E_PORT}`;
/** Emptied by the webServer command at the start of every run. */
export const E2E_DATA_DIR = `.tmp/e2e-data-${E2E_PORT}`;

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
