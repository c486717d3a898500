// The admin CLI against both databases: set up a site and people, make a code, list and revoke devices.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app';
import { listAudit } from '../db/queries/audit';
import { getSiteByCode } from '../db/queries/sites';
import { getUserByUsername, userSiteIds } from '../db/queries/users';
import { testDatabases, type FreshDb } from '../test/databases';
import { asUser, isProblem, login } from '../test/http';
import { startApp, stopApp } from '../test/test-app';
import { runAdmin } from './admin';

async function admin(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(testDatabases())('admin CLI on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;

  beforeAll(async () => {
    ({ fresh, app } = await startApp(create));
  });
  afterAll(() => stopApp({ app, fresh }));

  it('sets up a site, an admin, a supervisor and an enumerator the server then knows', async () => {
    const env = { ...fresh.env };
    expect(await admin(env, 'create-site', '--code', 'DN-01', '--name', 'Một cửa phường Hải Châu 1', '--kind', 'xa-phuong')).toMatchObject({ code: 0 });
    expect(await admin(env, 'create-admin', '--username', 'root', '--password', 'secret-pass-1')).toMatchObject({ code: 0 });
    expect(await admin(env, 'create-user', '--username', 'thu', '--role', 'supervisor', '--name', 'Phạm Thu', '--sites', 'DN-01', '--password', 'secret-pass-2')).toMatchObject({ code: 0 });
    expect(await admin(env, 'create-user', '--username', 'nam', '--role', 'enumerator', '--name', 'Võ Nam', '--sites', 'DN-01', '--pin', '4321')).toMatchObject({ code: 0 });

    const site = await getSiteByCode(fresh.db, 'DN-01');
    expect(site).toMatchObject({ name: 'Một cửa phường Hải Châu 1', kind: 'xa-phuong', time_zone: 'Asia/Ho_Chi_Minh' });
    const thu = await getUserByUsername(fresh.db, 'thu');
    expect(await userSiteIds(fresh.db, thu!.id)).toEqual([site!.id]);
    await login(app, 'root', 'secret-pass-1');
    await login(app, 'thu', 'secret-pass-2');

    const listed = await admin(env, 'list-users');
    expect(listed.out).toContain('nam\tenumerator');
  });

  it('makes an enrolment code a tablet can use, then lists and revokes the device', async () => {
    const env = { ...fresh.env };
    const made = await admin(env, 'enrolment-code', '--site', 'DN-01');
    expect(made.code).toBe(0);
    const enrolled = await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { code: made.out.trim(), name: 'Quầy 1' } });
    expect(enrolled.statusCode).toBe(201);
    const { deviceId, token } = enrolled.json();

    expect((await admin(env, 'list-devices', '--site', 'DN-01')).out).toMatch(new RegExp(`^${deviceId}\\tDN-01\\tactive\\tQuầy 1\\tenrolled `, 'm'));
    const beat = { appVersion: '0.0.1', waiting: 2, oldestWaitingAt: '2026-11-26T01:30:00Z', storageUsedBytes: 3_145_728, storagePersisted: false, lastSyncError: 'network' };
    expect((await app.inject({ method: 'POST', url: '/api/v1/device/heartbeat', payload: beat, headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    const line = (await admin(env, 'list-devices')).out.split('\n').find((l) => l.startsWith(deviceId))!;
    // Times in the site's zone (Asia/Ho_Chi_Minh here): 01:30 UTC is 08:30 at the desk.
    expect(line).toContain('\tapp 0.0.1\twaiting 2 (oldest 08:30 26/11/2026)\tstorage 3 MB, not persisted\tlast error network\t');
    expect(line).toMatch(/\tlast seen \d\d:\d\d \d\d\/\d\d\/\d{4}\tlast sync —\t/);
    expect(line).toMatch(/\tflags .*not-persisted/);
    expect(await admin(env, 'revoke-device', '--id', deviceId)).toMatchObject({ code: 0 });
    expect((await admin(env, 'list-devices')).out).toMatch(new RegExp(`^${deviceId}\\tDN-01\\trevoked `, 'm'));
    // A fresh server (no token cache) refuses the revoked token.
    const other = await buildApp({ db: fresh.db });
    expect(isProblem(await other.inject({ method: 'GET', url: '/api/v1/device', headers: { authorization: `Bearer ${token}` } }), 401.2)).toBe(true);
    await other.close();
  });

  it('changes people and sites as the console does, each change audited as cli without the password', async () => {
    const env = { ...fresh.env };
    expect(await admin(env, 'create-site', '--code', 'DN-02', '--name', 'Một cửa phường Thạch Thang', '--kind', 'xa-phuong')).toMatchObject({ code: 0 });
    expect(await admin(env, 'set-sites', '--username', 'thu', '--sites', 'DN-02,DN-01')).toMatchObject({ code: 0 });
    expect((await admin(env, 'list-users')).out).toMatch(/^thu\tsupervisor\tactive\tPhạm Thu\tDN-01,DN-02\t/m);
    expect((await admin(env, 'list-users')).out).toMatch(/^root\tadmin\tactive\troot\t\(all sites\)\t/m);

    // A new password ends the sessions of the old one.
    const before = await login(app, 'thu', 'secret-pass-2');
    expect(await admin(env, 'reset-password', '--username', 'thu', '--password', 'another-pass-22')).toMatchObject({ code: 0 });
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(before) }), 401.1)).toBe(true);
    await expect(login(app, 'thu', 'secret-pass-2')).rejects.toThrow(/401/);
    const session = await login(app, 'thu', 'another-pass-22');

    expect(await admin(env, 'disable-user', '--username', 'thu')).toMatchObject({ code: 0, out: 'supervisor "thu" disabled' });
    expect(isProblem(await app.inject({ method: 'GET', url: '/api/v1/me', ...asUser(session) }), 401.1)).toBe(true);
    await expect(login(app, 'thu', 'another-pass-22')).rejects.toThrow(/401/);
    expect((await admin(env, 'list-users')).out).toMatch(/^thu\tsupervisor\tdisabled\t/m);
    expect(await admin(env, 'enable-user', '--username', 'thu')).toMatchObject({ code: 0 });
    await login(app, 'thu', 'another-pass-22');

    expect(await admin(env, 'disable-user', '--username', 'root')).toMatchObject({ code: 2, err: expect.stringContaining('last active admin') });

    expect(await admin(env, 'update-site', '--code', 'DN-02', '--name', 'Phường Thạch Thang', '--kind', 'quan-huyen', '--tz', 'Asia/Bangkok')).toMatchObject({ code: 0 });
    expect(await getSiteByCode(fresh.db, 'DN-02')).toMatchObject({ name: 'Phường Thạch Thang', kind: 'quan-huyen', time_zone: 'Asia/Bangkok', deactivated_at: null });
    expect(await admin(env, 'update-site', '--code', 'DN-02', '--deactivate')).toMatchObject({ code: 0 });
    expect((await admin(env, 'list-sites')).out).toMatch(/^DN-02\tquan-huyen\tAsia\/Bangkok\tPhường Thạch Thang\t\S+\tdeactivated /m);
    expect(await admin(env, 'enrolment-code', '--site', 'DN-02')).toMatchObject({ code: 2, err: expect.stringContaining('deactivated') });
    expect(await admin(env, 'create-user', '--username', 'new-enum', '--role', 'enumerator', '--name', 'Mới', '--sites', 'DN-02')).toMatchObject({ code: 2, err: expect.stringContaining('deactivated') });
    expect(await admin(env, 'update-site', '--code', 'DN-02', '--activate')).toMatchObject({ code: 0 });
    expect((await getSiteByCode(fresh.db, 'DN-02'))?.deactivated_at).toBeNull();

    const log = (await listAudit(fresh.db, 100)).filter((e) => e.actor === 'cli');
    const actions = log.map((e) => e.action);
    for (const a of ['site.create', 'user.sites', 'user.password-reset', 'user.disable', 'user.enable', 'site.update', 'site.deactivate', 'site.activate']) expect(actions).toContain(a);
    const dn02 = await getSiteByCode(fresh.db, 'DN-02');
    expect(log.find((e) => e.action === 'site.deactivate')?.site_id).toBe(dn02!.id);
    expect(JSON.stringify(log)).not.toContain('another-pass-22');
  });

  it('explains mistakes and exits non-zero', async () => {
    const env = { ...fresh.env };
    const unknownSite = await admin(env, 'create-user', '--username', 'x1', '--role', 'supervisor', '--name', 'X', '--sites', 'NOPE', '--password', 'secret-pass-3');
    expect(unknownSite).toMatchObject({ code: 2, err: expect.stringContaining('no site with code "NOPE"') });
    expect(await admin(env, 'create-site', '--code', 'DN-01', '--name', 'again', '--kind', 'xa-phuong')).toMatchObject({ code: 2, err: expect.stringContaining('a site with code DN-01 exists') });
    expect(await admin(env, 'create-site', '--code', 'Q', '--name', 'n', '--kind', 'tinh')).toMatchObject({ code: 2, err: expect.stringContaining('--kind must be one of') });
    expect(await admin(env, 'create-admin', '--username', 'root', '--password', 'secret-pass-9')).toMatchObject({ code: 2, err: expect.stringContaining('taken') });
    expect(await admin(env, 'create-admin', '--username', 'short', '--password', 'abc')).toMatchObject({ code: 2, err: expect.stringContaining('at least 10 characters') });
    expect(await admin(env, 'revoke-device', '--id', 'nope')).toMatchObject({ code: 2, err: expect.stringContaining('no device') });
    expect(await admin(env, 'update-site', '--code', 'DN-01', '--tz', 'Mars/Olympus')).toMatchObject({ code: 2, err: expect.stringContaining('IANA') });
    expect(await admin(env, 'update-site', '--code', 'DN-01')).toMatchObject({ code: 2, err: expect.stringContaining('nothing to change') });
    expect(await admin(env, 'reset-password', '--username', 'nobody', '--password', 'long-enough-1')).toMatchObject({ code: 2, err: expect.stringContaining('no person') });
    expect(await admin(env, 'reset-password', '--username', 'nam', '--password', 'long-enough-1')).toMatchObject({ code: 2, err: expect.stringContaining('PIN') });
    expect(await admin(env, 'set-sites', '--username', 'nam', '--sites', 'DN-01,DN-02')).toMatchObject({ code: 2, err: expect.stringContaining('exactly one site') });
    expect(await admin(env, 'frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('unknown command') });
    expect(await admin(env, 'create-site', '--colour', 'red')).toMatchObject({ code: 2, err: expect.stringContaining('usage') });
  });

  it('runs as `npm run admin` would, from the environment', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/server/cli/admin.ts', 'list-sites'], { env: { ...process.env, ...fresh.env } });
    expect(stdout).toMatch(/^DN-01\txa-phuong\tAsia\/Ho_Chi_Minh\tMột cửa phường Hải Châu 1\t/m);
  });
});
