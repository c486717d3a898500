// Where the browser tests find Chromium and the server they run against.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);

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
