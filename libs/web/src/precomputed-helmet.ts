import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type HelmetOptions = Parameters<typeof helmet>[0];

/** The headers helmet sets and the ones it removes, for every response alike. */
export interface HelmetHeaders {
  readonly set: readonly (readonly [string, string])[];
  readonly removed: readonly string[];
}

/**
 * helmet's headers, worked out once: with a fixed configuration (no per-request CSP nonce) every
 * response gets the same set, so running helmet's dozen middlewares on each request is work the hot
 * path does not need (quality.md P3). The set is captured by running helmet once against a recorder;
 * headers helmet removes (X-Powered-By) are listed too.
 */
export function helmetHeaders(options?: HelmetOptions): HelmetHeaders {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  let done = false;
  helmet(options)({} as never, recorder as never, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously; its headers cannot be precomputed');
  return { set, removed };
}

/** Express: helmetHeaders as one middleware. */
export function precomputedHelmet(options?: HelmetOptions) {
  const { set, removed } = helmetHeaders(options);
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
