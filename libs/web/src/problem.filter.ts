import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { responseStarted, type HttpRequest, type HttpResponse } from './http-platform.js';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '#app/core';
import { problemsTotal } from './metrics.js';
import { problemStatus, problemTitle, refusalStatus } from './problem-status.js';

export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  [extension: string]: unknown;
}

// Connection-level failures of the database or the SMTP server (nodemailer's ESOCKET, ECONNECTION,
// EDNS for a host that does not resolve): the request is answered 503, never 500.
const UNAVAILABLE_ERRNOS = new Set([
  'ESOCKET',
  'ECONNECTION',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
]);

function isUnavailable(error: unknown): boolean {
  for (const candidate of [error, (error as { driverError?: unknown } | null)?.driverError]) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && UNAVAILABLE_ERRNOS.has(code)) return true;
    // An SMTP server that answers "421 service not available" (busy, shutting down) is down for now.
    if ((candidate as { responseCode?: unknown } | null)?.responseCode === 421) return true;
    if (candidate instanceof Error && /connection (is )?(closed|lost)|Pool is closed|connect ETIMEDOUT/i.test(candidate.message)) {
      return true;
    }
  }
  return false;
}

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.VALIDATION_FAILED,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  405: ErrorCode.NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  415: ErrorCode.VALIDATION_FAILED,
  429: ErrorCode.TOO_MANY_REQUESTS,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

/**
 * A refusal of the HTTP layer below the app, with its own 4xx status: the body parser's (malformed
 * JSON, an oversize body: `status`) or Fastify's router's (a malformed URL: `statusCode`, code FST_…).
 */
function transportRefusal(error: unknown): { status: number; detail?: string } | undefined {
  const candidate = error as { status?: unknown; statusCode?: unknown; code?: unknown } | null;
  const fastify = typeof candidate?.code === 'string' && candidate.code.startsWith('FST_');
  const status = fastify ? candidate?.statusCode : candidate?.status;
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  if (candidate?.code === 'FST_ERR_BAD_URL' || candidate?.code === 'FST_ERR_MAX_PARAM_LENGTH') return { status, detail: 'The request URL is not valid' };
  return { status, detail: !fastify && status === 400 ? 'The request body is not valid JSON' : undefined };
}

/** Builds a problem document for any thrown value; unknown errors get a logged error id. */
export function toProblem(error: unknown, logger: Logger): ProblemDocument {
  if (error instanceof DomainError) {
    const status = refusalStatus(error);
    return {
      // Extensions first: they can never overwrite the standard members.
      ...error.details,
      type: `urn:problem:${error.code}`,
      title: problemTitle(error.code),
      status,
      detail: error.message === error.code ? problemTitle(error.code) : error.message,
      code: error.code,
    };
  }
  // (An HttpException has a `status` of its own: it is not one of these.)
  const transport = error instanceof HttpException ? undefined : transportRefusal(error);
  if (error instanceof HttpException || transport) {
    const status = error instanceof HttpException ? error.getStatus() : transport!.status;
    const code = HTTP_STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.VALIDATION_FAILED);
    const detail = code === ErrorCode.NOT_FOUND ? 'No such resource' : (transport?.detail ?? problemTitle(code));
    return { type: `urn:problem:${code}`, title: problemTitle(code), status: problemStatus(code), detail, code };
  }
  if (isUnavailable(error)) {
    logger.warn({ err: { message: (error as Error).message } }, 'dependency unavailable');
    const code = ErrorCode.SERVICE_UNAVAILABLE;
    return { type: `urn:problem:${code}`, title: problemTitle(code), status: 503, detail: 'A dependency is unavailable; retry shortly', code };
  }
  const errorId = randomUUID();
  logger.error({ errorId, err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) }, 'unhandled error');
  const code = ErrorCode.INTERNAL_ERROR;
  return { type: `urn:problem:${code}`, title: problemTitle(code), status: 500, detail: 'Unexpected error', code, errorId };
}

/** The app's one exception filter: everything leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<HttpRequest>(), http.getResponse<HttpResponse>(), error, this.logger);
  }
}

/** Answers a request with the problem document of what was thrown (the filter, and refusals before any route). */
export function sendProblem(request: HttpRequest, response: HttpResponse, error: unknown, logger: Logger): void {
  const problem = toProblem(error, logger);
  problem.instance = request.originalUrl?.split('?')[0];
  problemsTotal.inc({ code: problem.code });
  if (problem.code === ErrorCode.ACCOUNT_TEMPORARILY_LOCKED || problem.code === ErrorCode.TOO_MANY_REQUESTS) {
    const retryAfter = problem.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.header('Retry-After', String(retryAfter));
  }
  if (responseStarted(response)) return;
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}
