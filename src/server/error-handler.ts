// The one place errors become answers: Problem, Fastify's own errors and anything unexpected, all as problem+json.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { langOf, Problem, problemBody, type FieldError, type ProblemCode } from './problems';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(request: FastifyRequest, reply: FastifyReply, code: ProblemCode, detail: string, errors?: FieldError[]): FastifyReply {
  const body = problemBody(code, detail, langOf(request.headers['accept-language']), errors);
  return reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/** Fastify's own error codes → the catalogue, so a client never sees a shape it was not promised. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: '400.1',
  FST_ERR_CTP_EMPTY_JSON_BODY: '400.1',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '400.1',
  FST_ERR_VALIDATION: '400.1',
  FST_ERR_CTP_BODY_TOO_LARGE: '413.1',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '415.1',
  FST_ERR_CTP_INVALID_TYPE: '415.1',
  FST_ERR_CTP_EMPTY_TYPE: '415.1',
  FST_ERR_BAD_URL: '404.1',
};

const BY_STATUS: Record<number, ProblemCode> = { 400: '400.1', 401: '401.1', 403: '403.2', 404: '404.1', 405: '405.1', 413: '413.1', 415: '415.1', 429: '429.1' };

/** A handler for requests no route took; `fallback` may answer non-API GETs (the PWA's index.html). */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply> | undefined;

export function installErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: FastifyError | Problem | Error, request, reply) => {
    if (reply.sent || reply.raw.headersSent) return;
    if (error instanceof Problem) {
      if (error.headers) reply.headers(error.headers);
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return sendProblem(request, reply, error.code, error.detail, error.errors);
    }
    const fe = error as FastifyError;
    const mapped = (fe.code && FASTIFY_CODES[fe.code]) || (fe.statusCode && fe.statusCode < 500 ? BY_STATUS[fe.statusCode] ?? '400.1' : undefined);
    if (mapped) {
      // Bad input is the client's to fix: say what Fastify or the parser found, never a 5xx.
      return sendProblem(request, reply, mapped, fe.message || 'invalid request');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, '500.1', 'the server could not complete the request');
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    if (fallback && !path.startsWith('/api/') && path !== '/api') {
      const answered = await fallback(request, reply);
      if (answered) return answered;
    }
    return sendProblem(request, reply, '404.1', `no route ${request.method} ${path}`);
  });
}
