// Builds the Fastify server from options (database, logger, fault switch, clock), so tests and main.ts share it.
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAlerts } from './api/alerts';
import { registerAudit } from './api/audit';
import { registerDevice } from './api/device';
import { registerDevices } from './api/devices';
import { registerEnrolmentCodes } from './api/enrolment-codes';
import { registerExports } from './api/exports';
import { registerForms } from './api/forms';
import { registerFormVersions } from './api/form-versions';
import { registerHealth } from './api/health';
import { registerImports } from './api/imports';
import { registerPeopleImport } from './api/people-import';
import { registerQuality } from './api/quality';
import { registerRefusals } from './api/refusals';
import { registerResponseRate } from './api/response-rate';
import { registerResponses } from './api/responses';
import { registerScores } from './api/scores';
import { registerSessions } from './api/sessions';
import { registerSites } from './api/sites';
import { registerSubmissions } from './api/submissions';
import { registerTargets } from './api/targets';
import { registerUsers } from './api/users';
import { installAuthGate } from './auth/gate';
import { registerCompression } from './compression';
import { createContext, type ContextOptions, type ServerContext } from './context';
import { answerClientError, answerFrameworkError, installErrorHandling } from './error-handler';
import { installJsonParser } from './json-body';
import { registerOpenApi } from './openapi';
import { installSecurityHeaders } from './security-headers';
import type { TrustProxy } from './trust-proxy';
import { registerPwa } from './static';

export interface AppOptions extends ContextOptions {
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built PWA (default: none, API only). */
  distDir?: string | null;
  /** See trust-proxy.ts; true (every hop) is for tests only. */
  trustProxy?: boolean | TrustProxy;
}

export type App = FastifyInstance & { ctx: ServerContext };

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Fastify's own option type: its overloads pick none for our narrower union.
    trustProxy: (opts.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    bodyLimit: 1024 * 1024,
    // Tablets on a bad network: give a slow upload time, but do not keep dead sockets forever.
    requestTimeout: 120_000,
    return503OnClosing: true,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  const ctx = createContext(opts);

  // Route schemas document the API; zod in the handlers is the one validator, and replies are plain JSON.
  app.setValidatorCompiler(() => () => true);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installJsonParser(app);
  installSecurityHeaders(app);
  await app.register(cookie);
  // After the cookie parser (the gate reads the session cookie) and before any route, plugins' included, so every one is gated.
  installAuthGate(app, ctx);
  // Before every route: the plugin attaches its hook to the routes registered after it.
  await registerCompression(app);
  await registerOpenApi(app);
  const fallback = await registerPwa(app, opts.distDir ?? null);
  installErrorHandling(app, fallback);

  registerHealth(app, ctx);
  registerSessions(app, ctx);
  registerSites(app, ctx);
  registerUsers(app, ctx);
  registerAudit(app, ctx);
  registerEnrolmentCodes(app, ctx);
  registerDevices(app, ctx);
  registerDevice(app, ctx);
  registerForms(app, ctx);
  registerFormVersions(app, ctx);
  registerSubmissions(app, ctx);
  registerImports(app, ctx);
  registerRefusals(app, ctx);
  registerResponseRate(app, ctx);
  registerPeopleImport(app, ctx);
  registerScores(app, ctx);
  registerQuality(app, ctx);
  registerAlerts(app, ctx);
  registerResponses(app, ctx);
  registerExports(app, ctx);
  registerTargets(app, ctx);

  await app.ready();
  const built = app as unknown as App;
  built.ctx = ctx;
  return built;
}
