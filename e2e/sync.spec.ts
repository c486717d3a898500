// Sync against the real endpoint: offline then online, two tabs, a revoked device, hand-carry export, needs attention.
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { readStore, type StoredOutboxEntry } from './support/idb';
import { t } from './support/strings';
import { AttentionModel, ExportModel, SyncStatusModel } from './pages/sync-page';
import { StatusBar } from './pages/status-bar';
import { expectNoAxeViolations, expectNoAxeViolationsInBothLanguages } from './support/axe';
import { AdminPage } from './pages/admin-page';
import { screenshot, SCREEN_SIZES } from './support/screenshots';
import { SyncHook } from './support/sync-hook';
import { SyncServer } from './support/sync-server';
import { deviceIdOf, enrolTablet } from './support/sync-tablet';

const server = SyncServer.shared();

/**
 * Ids in every POST /api/v1/submissions the pages made that reached the server (it answered), one list per
 * request. A request the browser could not even send (still offline) carries nothing to the server.
 */
function recordSubmissions(pages: Page[]): string[][] {
  const requests: string[][] = [];
  for (const p of pages)
    p.on('requestfinished', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/submissions') {
        requests.push((r.postDataJSON() as { responses: { id: string }[] }).responses.map((x) => x.id));
      }
    });
  return requests;
}

test('(a) 200 responses recorded offline arrive exactly once when the tablet is back online, and the outbox empties', async ({ page, context }) => {
  const tablet = await enrolTablet(page, server);
  const hook = tablet.hook;

  await context.setOffline(true);
  await expect(tablet.status.online).toHaveText(/Không có mạng/);
  const ids = [...(await hook.record(180, { formId: 'desk-rating' })), ...(await hook.record(20, { formId: 'sipas-2017' }))];
  await tablet.status.expectWaiting(200);
  expect(server.storedIds(tablet.site.id)).toEqual([]);

  await context.setOffline(false);
  await tablet.status.expectWaiting(0);
  await expect(tablet.status.lastSync).toContainText('Gửi thành công lần cuối');
  await expect(tablet.status.error).toHaveText('');

  const rows = server.storedRows(tablet.site.id);
  expect(rows.map((r) => r.id)).toEqual([...ids].sort());
  expect(new Set(rows.map((r) => r.device_id))).toEqual(new Set([tablet.deviceId]));
  // Interviews carry the enumerator the tablet's user picked from the server's list.
  const interview = rows.map((r) => JSON.parse(r.payload) as { mode: string; enumeratorId: string | null }).find((r) => r.mode === 'interview');
  expect(interview?.enumeratorId).toBeTruthy();
  expect(await hook.states()).toEqual({ sent: 200 });
});

test('(c) two tabs open at once: no response is sent twice', async ({ page, context }) => {
  const tablet = await enrolTablet(page, server);
  const second = await context.newPage();
  await second.goto('/');
  const hook = tablet.hook;
  await hook.tune({ batchSize: 25 });
  const requests = recordSubmissions([page, second]);

  await context.setOffline(true);
  await expect(new SyncStatusModel(second).online).toHaveText(/Không có mạng/);
  const ids = await hook.record(200);
  await tablet.status.expectWaiting(200);
  await new SyncStatusModel(second).expectWaiting(200);

  // Both tabs hear "online" at the same moment and both try to send.
  await context.setOffline(false);
  await tablet.status.expectWaiting(0);
  await new SyncStatusModel(second).expectWaiting(0);

  const sent = requests.flat();
  expect(sent.length).toBe(200);
  expect(new Set(sent).size).toBe(200);
  expect(requests.length).toBe(8);
  expect(server.storedIds(tablet.site.id)).toEqual([...ids].sort());
});

test('(d) a revoked tablet says so plainly, keeps its queue, and sends it once enrolled again', async ({ page }) => {
  const tablet = await enrolTablet(page, server);
  const hook = tablet.hook;
  const first = await hook.record(3);
  await tablet.status.expectWaiting(0);
  expect(server.storedIds(tablet.site.id)).toEqual([...first].sort());

  const admin = await server.createAdmin(tablet.tag);
  expect((await admin.delete(`/api/v1/devices/${tablet.deviceId}`)).status()).toBe(204);

  const kept = await hook.record(4);
  await expect(tablet.status.error).toContainText(t('problems:401.2', 'vi'));
  await tablet.status.expectWaiting(4);
  // Asking again changes nothing: the token stays refused and nothing leaves the tablet.
  // (The heartbeat goes first in each sync, so it is the request refused.)
  const refused = page.waitForResponse((r) => ['/api/v1/submissions', '/api/v1/device/heartbeat'].includes(new URL(r.url()).pathname) && r.status() === 401);
  await tablet.status.sendNow();
  await refused;
  await expect(tablet.status.error).toContainText(t('problems:401.2', 'vi'));
  await tablet.status.expectWaiting(4);
  expect(await hook.states()).toEqual({ sent: 3, queued: 4 });
  expect(server.storedIds(tablet.site.id)).toHaveLength(3);

  // The settings screen offers to enrol again; the kept responses then go out under the new device.
  await tablet.enrolment.open();
  await expect(tablet.enrolment.reenrolHeading).toBeVisible();
  await expectNoAxeViolationsInBothLanguages(page, 'settings of a revoked tablet, with the error in the status bar');
  await page.locator('header.status-bar').getByRole('button', { name: 'Tiếng Việt' }).click();
  await tablet.enrolment.enrol(await server.enrolmentCode(tablet.site.code), 'Máy quầy số 1 (mới)');
  await tablet.status.expectWaiting(0);
  await expect(tablet.status.error).toHaveText('');
  const newDevice = await deviceIdOf(page);
  expect(newDevice).not.toBe(tablet.deviceId);
  const rows = server.storedRows(tablet.site.id);
  expect(rows.map((r) => r.id)).toEqual([...first, ...kept].sort());
  expect(rows.filter((r) => kept.includes(r.id)).every((r) => r.device_id === newDevice)).toBe(true);
});

test('hand-carry: the supervisor exports the unsent responses and refusals behind the PIN, imports the file in the console; import and later upload count each once', async ({ page, context, browser }) => {
  const tablet = await enrolTablet(page, server);
  await page.goto('/settings');
  const hook = await SyncHook.install(page);
  await context.setOffline(true);
  await expect(tablet.status.online).toHaveText(/Không có mạng/);
  const ids = await hook.record(6);
  const refused = await hook.recordRefusals(2);
  await expect(tablet.status.refusalsWaiting).toHaveText(t('tablet:status.refusalsWaiting', 'vi', { count: 2 }));
  await screenshot(page, 'status-refusals-waiting-1280x800-vi', { readme: false });

  const exporter = new ExportModel(page);
  await expect(exporter.exportButton).toHaveCount(0);
  await expect(exporter.unsentCount).toHaveText(t('sync:export.count', 'vi', { what: '6 phiếu và 2 lượt từ chối' }));
  await exporter.setPinAndUnlock('2468');
  const download = await exporter.download();
  const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as {
    format: string;
    version: number;
    exportedAt: string;
    deviceId: string;
    responses: { id: string; deviceId: string }[];
    refusals: { id: string; reason: string }[];
  };
  expect(file.format).toBe('hailong-responses');
  expect(file.version).toBe(2);
  expect(file.deviceId).toBe(tablet.deviceId);
  expect(file.responses.map((r) => r.id).sort()).toEqual([...ids].sort());
  expect(file.refusals.map((r) => r.id).sort()).toEqual([...refused].sort());
  await expect(exporter.done).toHaveText(t('sync:export.done', 'vi', { file: download.suggestedFilename(), what: '6 phiếu và 2 lượt từ chối' }));

  // Locked again, a wrong PIN does not open it.
  await exporter.lock();
  await exporter.unlock('1357');
  await expect(page.getByTestId('pin-gate-message')).toHaveText(t('sync:export.wrongPin', 'vi'));
  await expect(exporter.exportButton).toHaveCount(0);

  // At the office, on the supervisor's own computer: the console's "hand-carried files" section.
  const office = await browser.newContext();
  try {
    const sv = new AdminPage(await office.newPage(), 'vi');
    await sv.open('/admin/handcarry');
    await sv.signIn(`gsv-${tablet.tag}`, 'supervisor-pass');
    await expect(sv.section('handcarry')).toBeVisible();

    // Not a tablet's file: said in words, nothing sent.
    const wrong = test.info().outputPath('not-a-tablet-file.json');
    await writeFile(wrong, JSON.stringify({ rows: [] }));
    await sv.importHandCarry(wrong);
    await expect(sv.section('handcarry')).toContainText(sv.s('invalid.handCarryFile'));
    await expect(sv.handCarryResult).toHaveCount(0);

    // Copied to the office computer under the name the tablet gave it.
    const exported = test.info().outputPath(download.suggestedFilename());
    await download.saveAs(exported);
    await sv.importHandCarry(exported);
    await expect(sv.handCarryCount('responses', 'accepted')).toHaveText('6');
    await expect(sv.handCarryCount('refusals', 'accepted')).toHaveText('2');
    await expect(sv.handCarryResult.getByRole('status')).toHaveText(sv.s('handCarry.allTaken', { count: 8 }));
    expect(server.storedIds(tablet.site.id)).toEqual([...ids].sort());

    // The same file again (a second supervisor, a double click): nothing new.
    await sv.importHandCarry(exported);
    await expect(sv.handCarryCount('responses', 'duplicate')).toHaveText('6');
    await expect(sv.handCarryCount('refusals', 'duplicate')).toHaveText('2');
    await expect(sv.handCarryCount('responses', 'accepted')).toHaveText('0');
    await expect(sv.handCarryResult.getByRole('status')).toHaveText(sv.s('handCarry.nothingNew'));

    // A copy edited by hand: the changed response is not taken, and said why, row by row; nothing else changes.
    const edited = test.info().outputPath('edited.json');
    const [first, ...rest] = file.responses as ({ id: string } & Record<string, unknown>)[];
    await writeFile(edited, JSON.stringify({ ...file, responses: [{ ...first, appVersion: 'edited' }, ...rest] }));
    await sv.importHandCarry(edited);
    await expect(sv.handCarryCount('responses', 'conflict')).toHaveText('1');
    await expect(sv.handCarryNotTaken).toHaveCount(1);
    await expect(sv.handCarryNotTaken.first()).toHaveAttribute('data-id', first.id);
    // In the staff's words ("nothing was overwritten"), not the tablet's.
    await expect(sv.handCarryNotTaken.first().getByTestId('handcarry-why')).toHaveText(t('problems:409.1_staff', 'vi'));
    await expect(sv.handCarryResult.getByRole('status')).toHaveText(sv.s('handCarry.someNotTaken', { count: 1 }));
    await expectNoAxeViolations(sv.page, 'a hand-carried file with one item not taken');
    for (const lang of ['vi', 'en'] as const) {
      if (lang === 'en') await sv.switchLanguage('en');
      for (const size of SCREEN_SIZES) {
        await sv.page.setViewportSize(size);
        await screenshot(sv.page, `console-handcarry-${size.width}x${size.height}-${lang}`, { fullPage: true });
      }
    }
  } finally {
    await office.close();
  }

  await context.setOffline(false);
  await new SyncStatusModel(page).expectWaiting(0);
  expect(await hook.states()).toEqual({ sent: 6 });
  expect(await hook.states('refusals')).toEqual({ sent: 2 });
  await expect(tablet.status.refusalsWaiting).toHaveCount(0);
  const outbox = await readStore<StoredOutboxEntry & { verdict?: { status: string } }>(page, 'outbox');
  expect(outbox.map((e) => e.verdict?.status)).toEqual(Array(6).fill('duplicate'));
  expect(server.storedIds(tablet.site.id)).toEqual([...ids].sort());
});

test('conflicts and rejections stay on the tablet in "Needs attention", each with its reason, refusals too', async ({ page, context }) => {
  const tablet = await enrolTablet(page, server);
  const hook = tablet.hook;
  await context.setOffline(true);
  await expect(tablet.status.online).toHaveText(/Không có mạng/);
  const [unknownVersion] = await hook.record(1, { formVersion: 99 });
  const [clash] = await hook.record(1, { seed: 1 });
  const [fine] = await hook.record(1, { seed: 2 });
  const [refusedUnknownVersion] = await hook.recordRefusals(1, { formVersion: 99 });

  // Someone already stored a different response under the same id (a hand-carried file, say).
  const entry = (await readStore<StoredOutboxEntry>(page, 'outbox')).find((e) => e.id === clash)!;
  const other = { ...entry.response, answers: { ...entry.response.answers, overall: entry.response.answers.overall === 3 ? 2 : 3 } };
  const supervisor = await server.signIn(`gsv-${tablet.tag}`, 'supervisor-pass');
  expect((await supervisor.post('/api/v1/imports', { data: { format: 'hailong-responses', version: 1, responses: [other] } })).status()).toBe(200);

  await context.setOffline(false);
  const status = new SyncStatusModel(page);
  await status.expectWaiting(0);
  await expect(status.attention).toHaveText(t('sync:status.attention', 'vi', { count: 3 }));
  expect(server.storedIds(tablet.site.id)).toEqual([clash, fine].sort());
  expect(JSON.parse(server.storedRows(tablet.site.id).find((r) => r.id === clash)!.payload).answers).toEqual(other.answers);

  await status.attention.click();
  const attention = new AttentionModel(page);
  await expect(attention.items).toHaveCount(2);
  await expect(attention.item(unknownVersion).getByTestId('attention-reason')).toHaveText(t('problems:404.2', 'vi'));
  await expect(attention.item(unknownVersion).getByTestId('attention-field')).toHaveText('formVersion');
  await expect(attention.item(clash).getByTestId('attention-reason')).toHaveText(t('problems:409.1', 'vi'));
  await expect(attention.refusals).toHaveCount(1);
  await expect(attention.refusal(refusedUnknownVersion).getByTestId('attention-reason')).toHaveText(t('problems:404.2', 'vi'));
  await expect(attention.refusal(refusedUnknownVersion)).toContainText(t('sync:attention.reason_declined', 'vi'));
  expect(await hook.states()).toEqual({ sent: 1, conflict: 1, rejected: 1 });
  expect(await hook.states('refusals')).toEqual({ rejected: 1 });
  await expectNoAxeViolationsInBothLanguages(page, '"Needs attention" with a conflict, a rejection and a refused refusal');
  const bar = new StatusBar(page);
  for (const lang of ['vi', 'en'] as const) {
    await bar.switchLanguage(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `attention-${size.width}x${size.height}-${lang}`, { fullPage: true });
    }
  }
  await expect(attention.item(clash).getByTestId('attention-reason')).toHaveText(t('problems:409.1', 'en'));
});
