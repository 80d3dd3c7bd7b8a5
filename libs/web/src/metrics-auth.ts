import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '#app/core';
import type { HttpResponse } from './http-platform.js';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** METRICS_TOKEN: whether an Authorization header is `Bearer <token>` (compared in constant time). */
export function metricsAuthorization(token: string): (authorization: string | undefined) => boolean {
  const expected = digest(token);
  return (authorization) => {
    const presented = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    return presented !== undefined && timingSafeEqual(digest(presented), expected);
  };
}

/** The 401 problem for /metrics without the token. */
export function refuseMetrics(res: HttpResponse): void {
  res.header('WWW-Authenticate', 'Bearer');
  res
    .status(401)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: `urn:problem:${ErrorCode.UNAUTHENTICATED}`,
        title: 'Unauthenticated',
        status: 401,
        detail: 'The metrics need a bearer token',
        code: ErrorCode.UNAUTHENTICATED,
        instance: '/metrics',
      }),
    );
}

/** Express: /metrics answers only the METRICS_TOKEN bearer; else 401. */
export function metricsAuth(token: string): (req: Request, res: Response, next: NextFunction) => void {
  const authorized = metricsAuthorization(token);
  return (req, res, next) => {
    if (authorized(req.headers.authorization)) next();
    else refuseMetrics(res);
  };
}
