import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '#app/core';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** METRICS_TOKEN: /metrics answers only `Authorization: Bearer <token>` (compared in constant time); else 401. */
export function metricsAuth(token: string): (req: Request, res: Response, next: NextFunction) => void {
  const expected = digest(token);
  return (req, res, next) => {
    const presented = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      next();
      return;
    }
    res
      .status(401)
      .type('application/problem+json')
      .setHeader('WWW-Authenticate', 'Bearer')
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
  };
}
