import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { httpRequestDuration } from './metrics.js';
import { requestContext } from './request-context.js';
import { pathOf, routeOf, type HttpRequest } from './http-platform.js';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** The request's id: the client's X-Request-Id when well-formed, else a new one. */
export function requestIdFor(offered: string | string[] | undefined): string {
  return typeof offered === 'string' && CLIENT_REQUEST_ID.test(offered) ? offered : randomUUID();
}

/**
 * The one line per request, and its duration metric: method, route, status, duration. Query
 * strings and bodies are never logged.
 */
export function recordRequest(logger: Logger, req: HttpRequest, requestId: string, status: number, seconds: number): void {
  const route = routeOf(req) ?? 'unmatched';
  httpRequestDuration.observe({ method: req.method, route, status: String(status) }, seconds);
  logger.info({ requestId, method: req.method, path: pathOf(req), route, status, ms: Math.round(seconds * 1000) }, 'request');
}

/**
 * Express: gives each request an id (requestIdFor), answers it in the response header, runs the
 * rest of the request in its request context and logs it when it is answered (recordRequest).
 */
export function requestLogging(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = requestIdFor(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => recordRequest(logger, req, requestId, res.statusCode, Number(process.hrtime.bigint() - started) / 1e9));
    requestContext.run({ requestId }, next);
  };
}
