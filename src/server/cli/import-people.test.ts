// `admin import-people` against both databases: a dry run prints every row, a bad row exits non-zero and writes nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSiteByCode } from '../db/queries/sites';
import { getUserByUsername } from '../db/queries/users';
import { testDatabases, type FreshDb } from '../test/databases';
import { runAdmin } from './admin';

async function admin(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const HEADER = 'sheet,code,name,kind,time_zone,role,username,display_name,site_codes,password,pin';

describe.each(testDatabases())('admin import-people on $kind', ({ create }) => {
  let fresh: FreshDb;
  let dir: string;
  const file = (name: string, text: string) => {
    const f = path.join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  beforeAll(async () => {
    fresh = await create();
    dir = mkdtempSync(path.join(tmpdir(), 'hailong-import-'));
  });
  afterAll(async () => {
    await fresh.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints each row, exits 1 on a bad row and writes nothing; --apply writes a good file once', async () => {
    const good = `${HEADER}\nsites,DN-02,Phường Thạch Thang,xa-phuong,,,,,,,\npeople,,,,,enumerator,vo.nam,Võ Nam,DN-02,,4321\n`;
    const bad = file('bad.csv', `${good}people,,,,,enumerator,le.ha,Lê Hà,DN-99,,\n`);
    const refused = await admin(fresh.env, 'import-people', '--file', bad, '--apply');
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('people row 4\tle.ha\terror\tsite_codes: no site DN-99');
    expect(refused.err).toContain('nothing was written');
    expect(await getSiteByCode(fresh.db, 'DN-02')).toBeUndefined();

    const f = file('good.csv', good);
    const dry = await admin(fresh.env, 'import-people', '--file', f);
    expect(dry).toMatchObject({ code: 0, out: 'sites row 2\tDN-02\tcreate\npeople row 3\tvo.nam\tcreate' });
    expect(dry.err).toContain('dry run');
    expect(await getSiteByCode(fresh.db, 'DN-02')).toBeUndefined();

    expect(await admin(fresh.env, 'import-people', '--file', f, '--apply')).toMatchObject({ code: 0, err: expect.stringContaining('applied: 2 create') });
    expect(await getUserByUsername(fresh.db, 'vo.nam')).toMatchObject({ role: 'enumerator', display_name: 'Võ Nam' });
    expect(await admin(fresh.env, 'import-people', '--file', f, '--apply')).toMatchObject({ code: 0, err: expect.stringContaining('0 create, 0 update, 2 unchanged') });
  });

  it('says why a file cannot be read', async () => {
    const r = await admin(fresh.env, 'import-people', '--file', file('wrong.xlsx', 'not a workbook'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('not an .xlsx workbook');
    expect((await admin(fresh.env, 'import-people')).code).toBe(2);
  });
});
