// Web sign-in for supervisors and admins: POST /api/v1/sessions, DELETE /api/v1/sessions/current, GET /api/v1/me.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import type { SessionJson } from '../../core/protocol/sessions';
import { currentUser, SESSION_COOKIE, userBySession, type Caller } from '../auth/guards';
import { randomToken, sha256, verifySecret } from '../auth/secrets';
import type { ServerContext } from '../context';
import { audit } from '../db/queries/audit';
import { createSession, deleteExpiredSessions, deleteSession } from '../db/queries/sessions';
import { listSites } from '../db/queries/sites';
import { getUserByUsername, userSiteIds } from '../db/queries/users';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { route } from './route';
import { siteJson, userJson, userSchema } from './shapes';

const SESSION_HOURS = 8;

const Login = bodySchema<'POST /api/v1/sessions'>()(z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1000) }));

const sessionSchema = { type: 'object', properties: { user: userSchema, expiresAt: { type: 'string', format: 'date-time' } } } as const;

async function sessionJson(ctx: ServerContext, caller: Pick<Caller, 'user' | 'sites' | 'expiresAt'>): Promise<SessionJson> {
  const sites = await listSites(ctx.db, caller.sites === 'all' ? undefined : caller.sites);
  return { user: userJson(caller.user, sites.map(siteJson)), expiresAt: caller.expiresAt };
}

function setCookie(ctx: ServerContext, request: FastifyRequest, reply: FastifyReply, token: string, expires: Date) {
  const secure = ctx.secureCookies === 'auto' ? request.protocol === 'https' : ctx.secureCookies;
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, expires });
}

export function registerSessions(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'POST /api/v1/sessions',
    {
      auth: 'public',
      schema: {
        tags: ['sessions'],
        summary: 'Sign in; sets the httpOnly session cookie (8 h)',
        body: inputSchema(Login),
        response: { 200: sessionSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const { username, password } = parseBody(Login, request.body);
      const now = ctx.now();
      const gate = await ctx.loginLimiter.check(username, request.ip, now);
      if (gate.refused) throw problem.tooManySignIns({ username, wait: gate.retryAfter });
      if (gate.delaySeconds > 0) await ctx.sleep(gate.delaySeconds * 1000);
      const user = await getUserByUsername(ctx.db, username);
      const mayLogIn = !!user && !user.disabled && (user.role === 'admin' || user.role === 'supervisor');
      // Always run scrypt, so an unknown name costs the same time as a wrong password.
      const ok = (await verifySecret(password, mayLogIn ? user.password_hash : null)) && mayLogIn;
      if (!ok || !user) {
        await ctx.loginLimiter.fail(username, request.ip, now);
        throw problem.wrongPassword();
      }
      await ctx.loginLimiter.succeed(username, request.ip);
      const token = randomToken();
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      // Sign-ins are rare: a good moment to forget sessions that have run out.
      await deleteExpiredSessions(ctx.db, now);
      await createSession(ctx.db, { idHash: sha256(token), userId: user.id, now, expiresAt });
      await audit(ctx.db, { actor: user.username, action: 'session.create', siteId: null, details: { role: user.role } }, now);
      setCookie(ctx, request, reply, token, expiresAt);
      const sites = user.role === 'admin' ? 'all' : await userSiteIds(ctx.db, user.id);
      return sessionJson(ctx, { user, sites, expiresAt: expiresAt.toISOString() });
    },
  );

  route(
    app,
    'DELETE /api/v1/sessions/current',
    { auth: 'public', schema: { tags: ['sessions'], summary: 'Sign out (always succeeds)', response: { 204: { type: 'null' } } } },
    async (request, reply) => {
      const token = request.cookies?.[SESSION_COOKIE];
      if (token && token.length <= 128) {
        // Who signs out is read first, for the log; an expired session's row goes all the same.
        const caller = await userBySession(ctx, request);
        await deleteSession(ctx.db, sha256(token));
        if (caller) await audit(ctx.db, { actor: caller.user.username, action: 'session.end', siteId: null, details: { role: caller.user.role } }, ctx.now());
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict' });
      reply.code(204);
    },
  );

  route(
    app,
    'GET /api/v1/me',
    { auth: 'session', schema: { tags: ['sessions'], summary: 'The signed-in user and their sites', security: [{ session: [] }], response: { 200: sessionSchema, 401: problemSchema } } },
    async (request) => {
      const caller = await currentUser(ctx, request);
      if (!caller) throw problem.notSignedIn();
      return sessionJson(ctx, caller);
    },
  );
}
