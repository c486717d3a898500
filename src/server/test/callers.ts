// The five callers of a role × route matrix: an admin, a supervisor of site A, a supervisor of site B, a tablet's token
// and nobody; with a helper that sends one request as each and a reader of the audit log as an admin sees it.
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AuditEntryJson } from '../../core/protocol/audit';
import type { App } from '../app';
import { hashSecret } from '../auth/secrets';
import { createUser, getUserByUsername } from '../db/queries/users';
import { PASSWORD, type World } from './fixtures';
import { asUser, login } from './http';

export const CALLERS = ['admin', 'supervisorA', 'supervisorB', 'device', 'none'] as const;
export type CallerName = (typeof CALLERS)[number];

type Credentials = Pick<InjectOptions, 'cookies' | 'headers'>;

/** The supervisor of site B the world lacks ("binh"), made once. */
async function supervisorOfB(app: App, w: World) {
  const found = await getUserByUsername(app.ctx.db, 'binh');
  return found ?? createUser(app.ctx.db, { username: 'binh', displayName: 'Đỗ Văn Bình', role: 'supervisor', passwordHash: await hashSecret(PASSWORD), siteIds: [w.siteB.id] }, new Date());
}

/** Signs everyone in (on the app's current clock) and answers each caller's credentials. */
export async function signInCallers(app: App, w: World): Promise<Record<CallerName, Credentials>> {
  await supervisorOfB(app, w);
  return {
    admin: asUser(await login(app, 'admin', PASSWORD)),
    supervisorA: asUser(await login(app, 'lan', PASSWORD)),
    supervisorB: asUser(await login(app, 'binh', PASSWORD)),
    device: { headers: { authorization: `Bearer ${w.deviceA.token}` } },
    none: {},
  };
}

/** Sends a request with a caller's credentials (a JSON body when one is given). */
export function send(app: App, who: Credentials, method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse> {
  return app.inject({
    method,
    url,
    ...(who.cookies ? { cookies: who.cookies } : {}),
    headers: { ...who.headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
  });
}

/** The newest audit entries matching the query, as GET /api/v1/audit answers an admin. */
export async function auditEntries(app: App, admin: Credentials, query = ''): Promise<AuditEntryJson[]> {
  const res = await send(app, admin, 'GET', `/api/v1/audit${query ? `?${query}` : ''}`);
  if (res.statusCode !== 200) throw new Error(`GET /api/v1/audit?${query}: ${res.statusCode} ${res.body}`);
  return (res.json() as { entries: AuditEntryJson[] }).entries;
}
