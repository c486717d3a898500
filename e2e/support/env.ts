// Where the browser tests find Chromium and the server they run against.
import { existsSync } from 'node:fs';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumMissingMessage(): string | null {
  const p = chromiumPath();
  if (existsSync(p)) return null;
  return `Chromium was not found at ${p}.\nInstall Debian's Chromium:  apt-get update && apt-get install -y chromium\nor point CHROMIUM_PATH at a Chromium binary. (Do not run "npx playwright install": it downloads a browser.)`;
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
