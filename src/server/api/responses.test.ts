// The responses list and a supervisor's exclusions on both databases: every response in scope page by page, filters
// with names, exclusion and restoration changing the criteria by exactly one response's answers (rollup = rebuild),
// the audit log and the export marking it, and a supervisor of site A refused site B's responses and exclusions.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseListItem, ResponsesAnswer } from '../../core/protocol/responses';
import type { ResponseInput } from '../../core/response/schema';
import { SATISFIED_AT_LEAST } from '../../core/scoring/indices';
import type { App } from '../app';
import { rebuildRollups } from '../scores/rebuild';
import { auditEntries, send, signInCallers, type CallerName } from '../test/callers';
import { testDatabases, type FreshDb } from '../test/databases';
import { makeResponse, type World } from '../test/fixtures';
import { isProblem, results, submit } from '../test/http';
import { startSeededApp, stopApp } from '../test/test-app';

const NOW = new Date('2026-11-26T09:00:00Z');
const DAY = '2026-11-26';
const SCOPE = `form=sipas-2017&period=day&from=${DAY}`;

describe.each(testDatabases())('responses list and exclusions on $kind', ({ create }) => {
  let fresh: FreshDb;
  let app: App;
  let w: World;
  let who: Record<CallerName, Awaited<ReturnType<typeof signInCallers>>[CallerName]>;
  const a: ResponseInput[] = [];
  const b: ResponseInput[] = [];

  beforeAll(async () => {
    ({ fresh, app, w } = await startSeededApp(create, { now: () => NOW }, new Date('2026-10-01T00:00:00Z')));
    who = await signInCallers(app, w);
    const ownerA = { siteId: w.siteA.id, deviceId: w.deviceA.id, enumeratorId: w.enumeratorA.id };
    const ownerB = { siteId: w.siteB.id, deviceId: w.deviceB.id, enumeratorId: w.enumeratorB.id };
    for (let i = 0; i < 7; i++) {
      a.push(makeResponse(ownerA, i % 2 ? { procedure: { code: '2.000777', name: 'Đăng ký khai sinh' } } : {}, 'sipas-2017', 10 + i));
    }
    // The one the exclusion test leaves out: straight-lined, so it carries an ingest mark the exclusion must take out too.
    for (const k of Object.keys(a[2]!.answers)) if (/^E\d\.\d$/.test(k)) a[2]!.answers[k] = 5;
    for (let i = 0; i < 3; i++) b.push(makeResponse(ownerB, {}, 'sipas-2017', 40 + i));
    expect(results(await submit(app, w.deviceA.token, { responses: a })).every((v) => v.status === 'accepted')).toBe(true);
    expect(results(await submit(app, w.deviceB.token, { responses: b })).every((v) => v.status === 'accepted')).toBe(true);
  });
  afterAll(() => stopApp({ app, fresh }));

  const get = (caller: CallerName, url: string) => send(app, who[caller], 'GET', url);

  /** Every page of the list, following nextCursor. */
  async function walk(caller: CallerName, query: string): Promise<ResponseListItem[]> {
    const out: ResponseListItem[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const res = await get(caller, `/api/v1/responses?${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as ResponsesAnswer;
      out.push(...page.items);
      cursor = page.nextCursor;
      if (!cursor) return out;
    }
    throw new Error('the list never ended');
  }

  it('lists every response in scope, newest first, three at a time, each once, with names, procedure and duration', async () => {
    const all = await walk('admin', `${SCOPE}&limit=3`);
    expect(all.map((r) => r.id).sort()).toEqual([...a, ...b].map((r) => r.id).sort());
    const keys = all.map((r) => `${r.localDay} ${r.completedAt} ${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const first = all.find((r) => r.id === a[1]!.id)!;
    expect(first).toMatchObject({
      siteId: w.siteA.id,
      enumerator: { id: w.enumeratorA.id, name: 'Trần Văn Minh' },
      procedure: { code: '2.000777', name: 'Đăng ký khai sinh' },
      durationMs: 8 * 60_000,
      excluded: null,
    });
    // A supervisor of site A sees site A's only, without naming it.
    expect((await walk('supervisorA', SCOPE)).map((r) => r.id).sort()).toEqual(a.map((r) => r.id).sort());
  });

  it('filters by enumerator and by procedure', async () => {
    expect((await walk('admin', `${SCOPE}&enumerator=${w.enumeratorB.id}`)).map((r) => r.id).sort()).toEqual(b.map((r) => r.id).sort());
    // The breakdowns the dashboard shows beside the list carry names: the enumerator's, and the procedure's as last given.
    const byProcedure = (await get('admin', `/api/v1/scores?${SCOPE}&breakdown=procedure`)).json().groups as { key: string; label: { vi: string } | null }[];
    expect(byProcedure.find((g) => g.key === '2.000777')?.label?.vi).toBe('Đăng ký khai sinh');
    expect(byProcedure.find((g) => g.key === '1.001234')?.label?.vi).toBe('Cấp giấy chứng nhận quyền sử dụng đất');
    const byEnumerator = (await get('admin', `/api/v1/scores?${SCOPE}&breakdown=enumerator`)).json().groups as { key: string; label: { vi: string } | null }[];
    expect(byEnumerator.find((g) => g.key === w.enumeratorA.id)?.label?.vi).toBe('Trần Văn Minh');
    const births = await walk('admin', `${SCOPE}&procedure=2.000777`);
    expect(births.map((r) => r.id).sort()).toEqual(a.filter((_, i) => i % 2).map((r) => r.id).sort());
    const bad = await get('admin', `/api/v1/responses?${SCOPE}&cursor=not-a-cursor`);
    expect(isProblem(bad, 400.1), bad.body).toBe(true);
    expect(isProblem(await get('admin', `/api/v1/responses?${SCOPE}&flag=purple`), 400.1)).toBe(true);
  });

  it('a supervisor of site A gets 403 on site B: its list, a response, its exclusion and restoration', async () => {
    const target = b[0]!.id;
    for (const [method, url, body] of [
      ['GET', `/api/v1/responses?${SCOPE}&sites=${w.siteB.id}`, undefined],
      ['GET', `/api/v1/responses/${target}`, undefined],
      ['POST', `/api/v1/responses/${target}/exclusion`, { reason: 'nghi ngờ' }],
      ['DELETE', `/api/v1/responses/${target}/exclusion`, undefined],
    ] as const) {
      const res = await send(app, who.supervisorA, method, url, body);
      expect(isProblem(res, 403.1), `${method} ${url}: ${res.statusCode} ${res.body}`).toBe(true);
      const none = await send(app, who.none, method, url, body);
      expect(none.statusCode, `${method} ${url} without a session`).toBe(401);
    }
    // Nothing changed: B's response still counts.
    expect((await walk('admin', `${SCOPE}&flag=excluded`)).length).toBe(0);
  });

  /** Criterion counts of site A's day: item id → { k, n }. */
  async function criteria(): Promise<Map<string, { k: number; n: number }>> {
    const res = await get('admin', `/api/v1/scores?${SCOPE}&sites=${w.siteA.id}&breakdown=criterion`);
    expect(res.statusCode, res.body).toBe(200);
    const groups = res.json().groups as { key: string; k?: number; n: number }[];
    return new Map(groups.map((g) => [g.key, { k: g.k ?? 0, n: g.n }]));
  }

  const dump = async () => {
    const norm = (x: object) => JSON.stringify(Object.entries(x).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]));
    const rows = await fresh.db.k.selectFrom('score_rollup').selectAll().execute();
    const marks = await fresh.db.k.selectFrom('response_marks').selectAll().execute();
    return { rows: rows.map(norm).sort(), marks: marks.map(norm).sort() };
  };

  async function expectRollupIsRebuild() {
    const before = await dump();
    await rebuildRollups(fresh.db);
    expect(await dump()).toEqual(before);
  }

  it('excluding changes the criteria by exactly its answers, restoring puts them back; rollup = rebuild after both; logged and exported', async () => {
    const target = a[2]!;
    expect((await walk('supervisorA', `${SCOPE}&flag=straight-lining`)).map((r) => [r.id, r.flags])).toEqual([[target.id, ['straight-lining']]]);
    const marksBefore = (await dump()).marks;
    expect(marksBefore.length).toBe(1);
    const before = await criteria();
    const responsesBefore = (await get('admin', `/api/v1/scores?${SCOPE}&sites=${w.siteA.id}`)).json().responses as number;

    const excluded = await send(app, who.supervisorA, 'POST', `/api/v1/responses/${target.id}/exclusion`, { reason: '  Phỏng vấn lại cùng một người  ' });
    expect(excluded.statusCode, excluded.body).toBe(200);
    expect(excluded.json()).toMatchObject({ id: target.id, excluded: { reason: 'supervisor', note: 'Phỏng vấn lại cùng một người', by: { name: 'Nguyễn Thị Lan' }, at: NOW.toISOString() } });

    const after = await criteria();
    expect(after.size).toBe(before.size);
    for (const [item, was] of before) {
      const v = target.answers[item];
      const valid = typeof v === 'number' && v >= 1 && v <= 5;
      const sat = valid && v >= SATISFIED_AT_LEAST;
      expect(after.get(item), item).toEqual({ n: was.n - (valid ? 1 : 0), k: was.k - (sat ? 1 : 0) });
    }
    expect([...before.keys()].some((item) => typeof target.answers[item] === 'number')).toBe(true);
    expect((await get('admin', `/api/v1/scores?${SCOPE}&sites=${w.siteA.id}`)).json().responses).toBe(responsesBefore - 1);
    expect((await dump()).marks).toEqual([]);
    await expectRollupIsRebuild();

    // The list and the response say so; twice is a 409.6, and the server's own exclusions are not a supervisor's to undo.
    expect((await walk('supervisorA', `${SCOPE}&flag=excluded`)).map((r) => r.id)).toEqual([target.id]);
    expect((await get('supervisorA', `/api/v1/responses/${target.id}`)).json().excluded).toMatchObject({ reason: 'supervisor', note: 'Phỏng vấn lại cùng một người' });
    expect(isProblem(await send(app, who.supervisorA, 'POST', `/api/v1/responses/${target.id}/exclusion`, { reason: 'lần nữa' }), 409.6)).toBe(true);
    expect(isProblem(await send(app, who.supervisorA, 'POST', `/api/v1/responses/${a[3]!.id}/exclusion`, { reason: '   ' }), 400.1)).toBe(true);
    expect(isProblem(await send(app, who.supervisorA, 'DELETE', `/api/v1/responses/${a[3]!.id}/exclusion`), 409.6)).toBe(true);
    expect(isProblem(await send(app, who.supervisorA, 'POST', `/api/v1/responses/no-such-id/exclusion`, { reason: 'x' }), 404.1)).toBe(true);

    // The export keeps the response and marks it in its last column.
    const csv = parse((await get('supervisorA', `/api/v1/exports/responses.csv?${SCOPE}&sites=${w.siteA.id}&lang=en`)).rawPayload, { bom: true }) as string[][];
    expect(csv[0]!.at(-1)).toBe('Excluded from scores');
    expect(csv.slice(1).filter((r) => r.at(-1) === 'supervisor').map((r) => r[0])).toEqual([target.id]);
    expect(csv.length - 1).toBe(a.length);

    const restored = await send(app, who.supervisorA, 'DELETE', `/api/v1/responses/${target.id}/exclusion`);
    expect(restored.statusCode, restored.body).toBe(200);
    expect(restored.json()).toEqual({ id: target.id, excluded: null });
    expect(await criteria()).toEqual(before);
    expect((await dump()).marks).toEqual(marksBefore);
    await expectRollupIsRebuild();

    const log = await auditEntries(app, who.admin, 'action=response.');
    expect(log.map((e) => [e.action, e.actor, e.siteId, e.details.responseId])).toEqual([
      ['response.restore', 'lan', w.siteA.id, target.id],
      ['response.exclude', 'lan', w.siteA.id, target.id],
    ]);
    expect(log[1]!.details.reason).toBe('Phỏng vấn lại cùng một người');
  });

  it('documents the list and the exclusion routes in OpenAPI: tags, summary, session security, inputs and answers', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const routes: [string, string, { body?: boolean; query?: string[] }][] = [
      ['get', '/api/v1/responses', { query: ['form', 'sites', 'period', 'from', 'flag', 'enumerator', 'procedure', 'cursor', 'limit'] }],
      ['post', '/api/v1/responses/{id}/exclusion', { body: true }],
      ['delete', '/api/v1/responses/{id}/exclusion', {}],
    ];
    for (const [method, path, want] of routes) {
      const op = doc.paths[path]?.[method];
      const name = `${method.toUpperCase()} ${path}`;
      expect(op, name).toBeDefined();
      expect(op.tags?.length, name).toBeGreaterThan(0);
      expect(op.summary, name).toEqual(expect.any(String));
      expect(op.security, name).toEqual([{ session: [] }]);
      expect(Object.keys(op.responses), name).toEqual(expect.arrayContaining(['200', '401', '403']));
      if (want.body) expect(op.requestBody?.content?.['application/json']?.schema, name).toBeDefined();
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      if (path.includes('{id}')) expect(params.some((p) => p.in === 'path' && p.name === 'id'), name).toBe(true);
      for (const q of want.query ?? []) expect(params.some((p) => p.in === 'query' && p.name === q), `${name} ?${q}`).toBe(true);
    }
  });
});
