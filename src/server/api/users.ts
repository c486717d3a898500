// People: GET/POST /api/v1/users and PATCH /api/v1/users/:id. An admin manages everyone; a supervisor sees themself and
// manages the enumerators of their own sites only (never supervisors, admins, or another site's enumerators).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { problem } from '../../core/protocol/problems';
import { ROLES } from '../../core/protocol/sessions';
import { addPerson, changePerson } from '../admin/people';
import { personFields } from '../admin/rules';
import { inScope, requireUser, type Caller } from '../auth/guards';
import type { ServerContext } from '../context';
import { getUser, listPeople, sitesOfUsers, userSiteIds } from '../db/queries/users';
import { inputSchema, problemSchema } from '../openapi';
import { bodySchema, parseBody } from './body';
import { parseQuery, querySchema } from './query';
import { route } from './route';
import { personJson, personSchema } from './shapes';

const MAX_SITES_PER_PERSON = 500;

const Query = querySchema<'GET /api/v1/users'>()(z.object({ role: z.enum(ROLES).optional(), siteId: personFields.siteId.optional() }));

const siteIds = z.array(personFields.siteId).max(MAX_SITES_PER_PERSON);

const NewPerson = bodySchema<'POST /api/v1/users'>()(
  z.discriminatedUnion('role', [
    z.strictObject({ role: z.literal('admin'), username: personFields.username, displayName: personFields.displayName, password: personFields.password }),
    z.strictObject({ role: z.literal('supervisor'), username: personFields.username, displayName: personFields.displayName, password: personFields.password, siteIds }),
    z.strictObject({
      role: z.literal('enumerator'),
      displayName: personFields.displayName,
      siteId: personFields.siteId,
      pin: personFields.pin.nullable().optional(),
      username: personFields.username.optional(),
    }),
  ]),
);

const Patch = bodySchema<'PATCH /api/v1/users/:id'>()(
  z.strictObject({
    displayName: personFields.displayName.optional(),
    password: personFields.password.optional(),
    pin: personFields.pin.nullable().optional(),
    siteIds: siteIds.optional(),
    disabled: z.boolean().optional(),
  }),
);

const peopleSchema = { type: 'object', properties: { people: { type: 'array', items: personSchema } } } as const;
const idParams = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } as const;

/** A supervisor may only name sites of their own. */
function requireSitesInScope(caller: Caller, ids: readonly string[]): void {
  const outside = ids.filter((id) => !inScope(caller, id));
  if (outside.length) throw problem.sitesNotYours({ siteIds: outside });
}

export function registerUsers(app: FastifyInstance, ctx: ServerContext): void {
  route(
    app,
    'GET /api/v1/users',
    {
      auth: 'session',
      schema: {
        tags: ['people'],
        summary: 'People in scope: everyone for an admin; a supervisor sees themself and the enumerators of their sites',
        security: [{ session: [] }],
        querystring: {
          type: 'object',
          properties: { role: { type: 'string', enum: [...ROLES] }, siteId: { type: 'string', description: 'only people working at this site' } },
        },
        response: { 200: peopleSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const q = parseQuery(Query, request.query);
      if (q.siteId !== undefined) requireSitesInScope(caller, [q.siteId]);
      const scope = caller.sites === 'all' ? undefined : { selfId: caller.user.id, siteIds: caller.sites };
      const people = await listPeople(ctx.db, { role: q.role, siteId: q.siteId, scope });
      const sites = await sitesOfUsers(ctx.db, people.map((p) => p.id));
      return { people: people.map((p) => personJson(p, sites.get(p.id) ?? [])) };
    },
  );

  route(
    app,
    'POST /api/v1/users',
    {
      auth: 'session',
      schema: {
        tags: ['people'],
        summary: 'Create a person: an admin creates anyone; a supervisor creates enumerators of their own sites',
        description: 'An enumerator without a username gets one made from the site code (shown in the answer). A deactivated site takes no new people (403.3).',
        security: [{ session: [] }],
        body: inputSchema(NewPerson),
        response: { 201: personSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const caller = await requireUser(ctx, request);
      // The role is judged before the rest of the body: a supervisor asking for a supervisor hears 403, whatever else is wrong.
      const asked = (request.body as { role?: unknown } | null)?.role;
      if (caller.user.role !== 'admin' && typeof asked === 'string' && asked !== 'enumerator') throw problem.enumeratorsOnly();
      const body = parseBody(NewPerson, request.body);
      if (body.role === 'enumerator') requireSitesInScope(caller, [body.siteId]);
      else if (caller.user.role !== 'admin') throw problem.enumeratorsOnly();
      const { user, siteIds: ids } = await addPerson(ctx.db, body, caller.user.username, ctx.now());
      // The ingest's list of enumerators follows at once (a new one may interview today).
      ctx.enumerators.invalidate();
      reply.code(201);
      return personJson(user, ids);
    },
  );

  /** The person the path names, if the caller may change them: anyone for an admin, an enumerator of their sites for a supervisor. */
  async function changeable(caller: Caller, id: string) {
    const target = await getUser(ctx.db, id);
    if (!target) throw problem.noSuchPerson({ id });
    if (caller.user.role !== 'admin') {
      if (target.role !== 'enumerator') throw problem.enumeratorsOnly();
      const theirs = await userSiteIds(ctx.db, target.id);
      // An enumerator of no site (only an old row can be one) is an admin's to fix.
      requireSitesInScope(caller, theirs.length ? theirs : ['(none)']);
    }
    return target;
  }

  route(
    app,
    'PATCH /api/v1/users/:id',
    {
      auth: 'session',
      pathScope: (_, caller, params) => changeable(caller, params.id ?? ''),
      schema: {
        tags: ['people'],
        summary: "Change a person's name, password, PIN, sites or disabled state",
        description:
          'A supervisor changes only enumerators of their own sites, and moves them only to sites of their own. Disabling a person or resetting their password ends their web sessions; an admin cannot disable themself or the last active admin.',
        security: [{ session: [] }],
        params: idParams,
        body: inputSchema(Patch),
        response: { 200: personSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const caller = await requireUser(ctx, request);
      const target = await changeable(caller, request.params.id);
      const patch = parseBody(Patch, request.body);
      if (Object.values(patch).every((v) => v === undefined)) throw problem.nothingToChange();
      if (patch.siteIds) requireSitesInScope(caller, patch.siteIds);
      const { user, siteIds: ids } = await changePerson(ctx.db, target, patch, { actor: caller.user.username, actorId: caller.user.id, keepSession: caller.sessionHash }, ctx.now());
      // A disabled or moved enumerator is refused at ingest from now on, not after the cache's 10 s.
      ctx.enumerators.invalidate();
      return personJson(user, ids);
    },
  );
}
