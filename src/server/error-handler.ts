// The one place errors become answers: Problem, Fastify's own errors and anything unexpected, all as problem+json.
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, Problem, problemBody, type Lang } from '../core/protocol/problems';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Picks the title language from Accept-Language: Vietnamese when it comes before English, else English. */
function langOf(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'en';
  for (const part of acceptLanguage.toLowerCase().split(',')) {
    const tag = part.trim().split(';')[0];
    if (tag.startsWith('vi')) return 'vi';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

function sendProblem(request: FastifyRequest, reply: FastifyReply, p: Problem): FastifyReply {
  if (p.headers) reply.headers(p.headers);
  const body = problemBody(p, langOf(request.headers['accept-language']));
  return reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

type Refusal = (m: { message: string }) => Problem;

/** Fastify's own error codes → the catalogue, so a client never sees a shape it was not promised. */
const FASTIFY_CODES: Record<string, Refusal> = {
  FST_ERR_CTP_INVALID_JSON_BODY: problem.badRequest,
  FST_ERR_CTP_EMPTY_JSON_BODY: problem.badRequest,
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: problem.badRequest,
  FST_ERR_VALIDATION: problem.badRequest,
  FST_ERR_CTP_BODY_TOO_LARGE: problem.bodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: problem.unsupportedMediaType,
  FST_ERR_CTP_INVALID_TYPE: problem.unsupportedMediaType,
  FST_ERR_CTP_EMPTY_TYPE: problem.unsupportedMediaType,
  FST_ERR_BAD_URL: problem.notFound,
};

const BY_STATUS: Record<number, Refusal> = {
  400: problem.badRequest,
  401: problem.unauthorized,
  403: problem.forbidden,
  404: problem.notFound,
  405: problem.methodNotAllowed,
  413: problem.bodyTooLarge,
  415: problem.unsupportedMediaType,
  429: problem.tooManyRequests,
};

/** Errors Fastify meets before routing (a URL that does not decode): the same catalogue, not Fastify's own JSON. */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = (error.code && FASTIFY_CODES[error.code]) || problem.badRequest;
  void sendProblem(request, reply, refusal({ message: error.message }));
}

/**
 * Framing errors (a request line or header Node cannot parse) never reach Fastify's request cycle, so the answer
 * is written on the socket: still problem+json, in English since no header could be read.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return void socket.destroy();
  const p = error.code === 'HPE_HEADER_OVERFLOW' ? problem.bodyTooLarge({ message: 'the request headers are too large' }) : problem.badRequest({ message: 'the request could not be read as HTTP' });
  const body = JSON.stringify(problemBody(p, 'en'));
  socket.end(`HTTP/1.1 ${p.status} ${p.status === 413 ? 'Content Too Large' : 'Bad Request'}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** A handler for requests no route took; `fallback` may answer non-API GETs (the PWA's index.html). */
export type NotFoundFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply> | undefined;

export function installErrorHandling(app: FastifyInstance, fallback?: NotFoundFallback): void {
  app.setErrorHandler((error: FastifyError | Problem | Error, request, reply) => {
    if (reply.sent || reply.raw.headersSent) return;
    if (error instanceof Problem) {
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return sendProblem(request, reply, error);
    }
    const fe = error as FastifyError;
    const refusal = (fe.code && FASTIFY_CODES[fe.code]) || (fe.statusCode && fe.statusCode < 500 ? (BY_STATUS[fe.statusCode] ?? problem.badRequest) : undefined);
    if (refusal) {
      // Bad input is the client's to fix: say what Fastify or the parser found, never a 5xx.
      return sendProblem(request, reply, refusal({ message: fe.message }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, problem.internal());
  });

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0];
    if (fallback && !path.startsWith('/api/') && path !== '/api') {
      const answered = await fallback(request, reply);
      if (answered) return answered;
    }
    return sendProblem(request, reply, problem.noRoute({ method: request.method, path }));
  });
}
