// Past one machine (issue 12, finding 9): two endpoint processes started at the same moment on one database, both
// migrating, then eight clients replaying overlapping batches with conflicting copies through both. Every response
// is stored exactly once, the rollup equals a rebuild, a revocation through one process holds on the other, and
// wrong passwords on one process count on the other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseInput } from '../core/response/schema';
import type { Verdict } from '../core/protocol/verdicts';
import type { Db } from './db/index';
import { migrations } from './db/migrations';
import { rebuildRollups } from './scores/rebuild';
import { emptyDatabase, testDatabases } from './test/databases';
import { makeResponse, PASSWORD, seedWorld, type World } from './test/fixtures';
import { startServerProcesses, type ServerProcess } from './test/server-process';

const CLIENTS = 8;
const BATCHES_PER_CLIENT = 6;
const BATCH = 40;
const POOL = 240;

/** A small deterministic generator, so a failure replays the same way. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

describe.each(testDatabases())('two endpoint processes on one $kind database', ({ kind }) => {
  let database: Awaited<ReturnType<typeof emptyDatabase>>;
  let servers: ServerProcess[] = [];
  let db: Db;
  let w: World;

  beforeAll(async () => {
    database = await emptyDatabase(kind);
    // Both start at once on a database with no schema: each runs the migrations as it starts.
    servers = await startServerProcesses(2, database.env);
    db = database.open();
    w = await seedWorld(db);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await db?.close();
    await database?.destroy();
  });

  const dump = async () => {
    const norm = (x: object) => JSON.stringify(Object.entries(x).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]));
    const rows = await db.k.selectFrom('score_rollup').selectAll().execute();
    const marks = await db.k.selectFrom('response_marks').selectAll().execute();
    return { rows: rows.map(norm).sort(), marks: marks.map(norm).sort() };
  };

  it('migrated once although both processes started migrating at the same moment', async () => {
    const applied = await db.k.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(applied.length).toBe(Object.keys(migrations).length);
    const forms = await db.k.selectFrom('forms').select(['id', 'version']).execute();
    expect(new Set(forms.map((f) => `${f.id}@${f.version}`)).size).toBe(forms.length);
  });

  it('stores every response exactly once under concurrent, overlapping replays with conflicting copies through both', async () => {
    const owner = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const originals = Array.from({ length: POOL }, (_, i) => makeResponse(owner, {}, 'sipas-2017', i));
    // The same id with other answers: whichever copy arrives first is kept, the other is a conflict.
    const altered = originals.map((r) => ({ ...r, answers: { ...r.answers, ['E1.1']: r.answers['E1.1'] === 1 ? 2 : 1 } }));
    const verdicts: Verdict[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const random = generator(c + 1);
        for (let b = 0; b < BATCHES_PER_CLIENT; b++) {
          const picked = new Map<string, ResponseInput>();
          while (picked.size < BATCH) {
            const i = Math.floor(random() * POOL);
            picked.set(originals[i].id, random() < 0.2 ? altered[i] : originals[i]);
          }
          const server = servers[(c + b) % servers.length];
          const res = await post(server.base, '/api/v1/submissions', { responses: [...picked.values()] }, { authorization: `Bearer ${w.deviceA.token}` });
          expect(res.status).toBe(200);
          verdicts.push(...((await res.json()) as { results: Verdict[] }).results);
        }
      }),
    );
    const sent = new Set(verdicts.map((v) => v.id));
    const accepted = new Map<string, number>();
    for (const v of verdicts) {
      expect(['accepted', 'duplicate', 'conflict']).toContain(v.status);
      if (v.status === 'accepted') accepted.set(v.id!, (accepted.get(v.id!) ?? 0) + 1);
    }
    expect([...sent].filter((id) => accepted.get(id!) !== 1)).toEqual([]);
    expect(verdicts.some((v) => v.status === 'conflict')).toBe(true);
    const stored = await db.k.selectFrom('responses').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(sent.size);

    const live = await dump();
    await rebuildRollups(db);
    expect(await dump()).toEqual(live);
  });

  it('a tablet revoked through one process is refused by the other at its next batch', async () => {
    const [a, b] = servers;
    const batch = () => ({ responses: [makeResponse({ siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id })] });
    // B has the token in its cache now.
    expect((await post(b.base, '/api/v1/submissions', batch(), { authorization: `Bearer ${w.deviceB.token}` })).status).toBe(200);
    const signIn = await post(a.base, '/api/v1/sessions', { username: 'admin', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${a.base}/api/v1/devices/${w.deviceB.id}`, { method: 'DELETE', headers: { cookie } })).status).toBe(204);
    const refused = await post(b.base, '/api/v1/submissions', batch(), { authorization: `Bearer ${w.deviceB.token}` });
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { code: number }).code).toBe(401.2);
  });

  it('five wrong passwords on one process slow the sixth on the other', async () => {
    const [a, b] = servers;
    for (let i = 0; i < 5; i++) expect((await post(a.base, '/api/v1/sessions', { username: 'lan', password: `guess ${i}` })).status).toBe(401);
    const sixth = await post(b.base, '/api/v1/sessions', { username: 'lan', password: PASSWORD });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
