// A tablet that loaded the app once works with no network at all: every asset and both languages are precached.
import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { HomePage } from './pages/home-page';
import { readStore, type StoredOutboxEntry } from './support/idb';
import { E2E_PORT } from './support/env';
import { waitForServiceWorker } from './support/service-worker';
import { t } from './support/strings';

const DIST = `.tmp/dist-${E2E_PORT}`;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [relative(DIST, p).split('\\').join('/')];
  });
}

test('every file of the build is in the precache after the first visit, fetched compressed, equal to the built file', async ({ page, context }) => {
  // What the service worker fetched to fill its precache, and how it came over the wire.
  const encodings = new Map<string, string>();
  context.on('response', (r) => {
    if (r.request().serviceWorker()) encodings.set(new URL(r.url()).pathname.slice(1), r.headers()['content-encoding'] ?? 'identity');
  });
  await new HomePage(page).open();
  await waitForServiceWorker(page);
  const cached = await page.evaluate(async () => {
    const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
    const out: Record<string, string> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const req of await cache.keys()) out[new URL(req.url).pathname.slice(1)] = hex(await crypto.subtle.digest('SHA-256', await (await cache.match(req))!.arrayBuffer()));
    }
    return out;
  });
  // The worker itself, the build's manifest for tooling and the .br/.gz copies (other encodings of the same URLs)
  // are the only files not served to the app.
  const all = files(DIST);
  const needed = all.filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f) && !f.startsWith('.vite/') && !/\.(br|gz)$/.test(f));
  expect(needed).toContain('index.html');
  expect(needed.some((f) => f.startsWith('assets/InterviewScreen'))).toBe(true);
  expect(Object.keys(cached).sort()).toEqual(expect.arrayContaining(needed.sort()));
  // Each cached file is the built file byte for byte (the browser decoded the brotli copy it was sent).
  for (const f of needed) expect(cached[f], f).toBe(createHash('sha256').update(readFileSync(join(DIST, f))).digest('hex'));
  // Every script the worker fetched came as the build's brotli copy.
  const scripts = needed.filter((f) => f.endsWith('.js') && all.includes(`${f}.br`));
  expect(scripts.length).toBeGreaterThan(10);
  for (const f of scripts) expect(encodings.get(f), f).toBe('br');
});

test('load once online, go offline, reload: a whole sipas-2017 interview done offline lands in the outbox', async ({ page, context }) => {
  const home = new HomePage(page);
  await home.openSetUp();
  await waitForServiceWorker(page);

  // No network for the page or its service worker: anything not precached would fail.
  await context.setOffline(true);
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  await page.reload();
  await expect(home.heading).toBeVisible();
  await expect(home.status.online).toContainText(t('tablet:status.offline'));

  const interview = await home.startInterview('sipas-2017');
  await interview.enterProcedure('1.001234', 'Cấp giấy phép xây dựng');
  await interview.confirmEligibleAndStart();
  await interview.rate('E1.1', 5);
  // A reload offline, in the middle of the interview, once the answer shows as saved, comes back to the same place.
  await interview.waitUntilSaved();
  await page.reload();
  await expect(interview.progress).toHaveText('Phần 1/8');
  await expect(interview.likertOption('E1.1', 5)).toBeChecked();

  await interview.answerAllSectionsAndReview();
  await interview.submitAndExpectDone();

  const outbox = await readStore<StoredOutboxEntry>(page, 'outbox');
  expect(outbox).toHaveLength(1);
  expect(outbox[0].state).toBe('queued');
  expect(outbox[0].response.formId).toBe('sipas-2017');
  expect(Object.keys(outbox[0].response.answers).filter((k) => /^E\d\.\d$/.test(k))).toHaveLength(22);
  expect(await readStore(page, 'drafts')).toHaveLength(0);
  await expect(home.status.waiting).toHaveText(t('tablet:status.waiting', 'vi', { count: 1 }));

  // English is bundled too: switching language offline works and survives an offline reload.
  await interview.goHomeFromDone();
  await home.status.switchLanguage('en');
  home.lang = 'en';
  await page.reload();
  await expect(home.heading).toBeVisible();
  await expect(home.status.waiting).toHaveText('1 response waiting');
});
