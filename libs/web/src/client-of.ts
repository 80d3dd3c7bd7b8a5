import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { AuditActor } from '#app/audit';
import { headerOf, type HttpRequest } from './http-platform.js';

/**
 * The request property holding the digest of PORTAL_API_SECRET: configureApp puts it on the
 * platform's request prototype (Express's `app.request`, Fastify's request decorator).
 */
export const PORTAL_SECRET_DIGEST = 'portalSecretDigest';
export const PORTAL_SECRET_HEADER = 'x-portal-secret';

/**
 * Where a request comes from, for rate limits, failed-password counters, sessions and the audit
 * trail — the one place that decides it:
 * - a request carrying the portal's credential (`X-Portal-Secret` = PORTAL_API_SECRET, compared in
 *   constant time) is the portal speaking for a browser: the first `X-Forwarded-For` entry, which the
 *   portal sets (never appends to), is the client;
 * - anything else: the platform's `req.ip`, which follows `X-Forwarded-For` only through the peers
 *   TRUST_PROXY names (none by default: the socket's own address).
 */
export function clientOf(req: HttpRequest): Pick<AuditActor, 'clientIp' | 'userAgent'> {
  return { clientIp: normalise(portalForwarded(req) ?? req.ip ?? req.socket?.remoteAddress ?? null), userAgent: headerOf(req, 'user-agent') ?? null };
}

/** A fixed-length digest, so comparing it takes the same time whatever was sent. */
export function portalSecretDigest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

function portalForwarded(req: HttpRequest): string | null {
  const expected = (req as { [PORTAL_SECRET_DIGEST]?: Buffer })[PORTAL_SECRET_DIGEST];
  const presented = headerOf(req, PORTAL_SECRET_HEADER);
  if (!expected || presented === undefined) return null;
  if (!timingSafeEqual(portalSecretDigest(presented), expected)) return null;
  const first = headerOf(req, 'x-forwarded-for')?.split(',')[0]?.trim();
  return first && isIP(first) ? first : null;
}

function normalise(address: string | null): string | null {
  // One client, one key: IPv4 seen through a dual-stack socket looks like ::ffff:a.b.c.d.
  return address?.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
