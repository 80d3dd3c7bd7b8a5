import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

type HelmetOptions = Parameters<typeof helmet>[0];

/**
 * helmet's headers, worked out once: with a fixed configuration (no per-request CSP nonce) every
 * response gets the same set, so running helmet's dozen middlewares on each request is work the hot
 * path does not need (quality.md P3). The set is captured by running helmet once against a recorder;
 * headers helmet removes (X-Powered-By) are removed here too.
 */
export function precomputedHelmet(options?: HelmetOptions) {
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
  return (_req: Request, res: Response, next: NextFunction): void => {
    for (const [name, value] of set) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}
