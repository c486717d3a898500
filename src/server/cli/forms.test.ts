// `admin publish-form`, `withdraw-form` and `list-forms` on both databases: the shared sample goes live for one site in
// one step, a broken file prints its errors by row and stores nothing, a withdrawn version is listed as such.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFormVersion } from '../db/queries/forms';
import { getSiteByCode } from '../db/queries/sites';
import { testDatabases, type FreshDb } from '../test/databases';
import { runAdmin } from './admin';

const SAMPLE = new URL('../../core/forms/xlsform/fixtures/hp-mot-cua-2026.xlsx', import.meta.url).pathname;

async function admin(env: NodeJS.ProcessEnv, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdmin(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe.each(testDatabases())('admin publish-form, withdraw-form, list-forms on $kind', ({ create }) => {
  let fresh: FreshDb;
  let dir: string;

  beforeAll(async () => {
    fresh = await create();
    dir = mkdtempSync(path.join(tmpdir(), 'hailong-forms-'));
  });
  afterAll(async () => {
    await fresh.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the sample for one site in one step, again without change, and withdraws it', async () => {
    expect((await admin(fresh.env, 'create-site', '--code', 'HP-LC', '--name', 'UBND quận Lê Chân', '--kind', 'quan-huyen')).code).toBe(0);
    const site = await getSiteByCode(fresh.db, 'HP-LC');
    const done = await admin(fresh.env, 'publish-form', '--file', SAMPLE, '--sites', 'HP-LC');
    expect(done).toMatchObject({ code: 0, out: 'hp-mot-cua-2026\t1\tpublished\tHP-LC' });
    expect(done.err).toContain('warning:');
    expect(await getFormVersion(fresh.db, 'hp-mot-cua-2026', 1)).toMatchObject({ row: { status: 'published', created_by: 'cli', published_by: 'cli' }, sites: [site!.id] });
    expect(await admin(fresh.env, 'publish-form', '--file', SAMPLE)).toMatchObject({ code: 0, out: 'hp-mot-cua-2026\t1\tpublished\tHP-LC' });

    const list = await admin(fresh.env, 'list-forms');
    expect(list.out.split('\n').map((l) => l.split('\t').slice(0, 5).join(' '))).toEqual([
      'desk-rating 1 published kiosk (all sites)',
      'hp-mot-cua-2026 1 published interview HP-LC',
      'sipas-2017 1 published interview (all sites)',
      'sipas-2023 1 published interview (all sites)',
    ]);
    expect(await admin(fresh.env, 'withdraw-form', '--id', 'hp-mot-cua-2026', '--version', '1')).toMatchObject({ code: 0, out: 'hp-mot-cua-2026\t1\twithdrawn' });
    expect((await admin(fresh.env, 'list-forms')).out).toContain('hp-mot-cua-2026\t1\twithdrawn');
    expect(await admin(fresh.env, 'withdraw-form', '--id', 'hp-mot-cua-2026', '--version', '7')).toMatchObject({ code: 2, err: expect.stringContaining('no form hp-mot-cua-2026 version 7') });
  });

  it('a JSON file with other content under a published version is refused; a broken one prints each error and stores nothing', async () => {
    const sipas = path.join(dir, 'sipas.json');
    writeFileSync(sipas, JSON.stringify({ id: 'sipas-2017', version: 1, kind: 'interview', title: { vi: 'Khác', en: 'Other' }, sections: [{ id: 's', title: { vi: 'A', en: 'A' }, items: [{ id: 'q', type: 'text', label: { vi: 'Q', en: 'Q' } }] }] }));
    expect(await admin(fresh.env, 'publish-form', '--file', sipas)).toMatchObject({ code: 2, err: expect.stringContaining('version 1 of form sipas-2017 is published with other content') });
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ id: 'hong', version: 0, kind: 'interview', title: { vi: 'Hỏng' }, sections: [] }));
    const r = await admin(fresh.env, 'publish-form', '--file', broken);
    expect(r.code).toBe(1);
    expect(r.err).toContain('version: must be at least 1');
    expect(r.err).toContain('title.en');
    expect(await getFormVersion(fresh.db, 'hong', 0)).toBeUndefined();
    expect(await admin(fresh.env, 'publish-form', '--file', SAMPLE, '--sites', 'NO-SUCH')).toMatchObject({ code: 2, err: expect.stringContaining('no site with code "NO-SUCH"') });
  });
});
