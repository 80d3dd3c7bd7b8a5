import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares run as one Express router layer, in order; an error (or `next('route')`)
 * leaves the chain for the outer `next`. Each layer the router walks costs a match object, a params
 * closure and a prefix trim on every request, so the per-request middlewares that every route runs
 * share one (quality.md P3). A middleware that never calls `next` ends the chain, as in Express.
 */
export function oneLayer(...handlers: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined || index === handlers.length) return next(error);
      const handler = handlers[index++];
      try {
        void handler(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
