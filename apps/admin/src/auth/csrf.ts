import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '#app/core';
import { cookieOptions, readCookie } from './cookies.js';

/**
 * Double-submit CSRF protection for everything a browser sends with the session cookie: the
 * token lives in an HttpOnly, SameSite=Strict cookie and must come back with every unsafe
 * request, as the `_csrf` form field (HTML forms) or the `X-CSRF-Token` header (scripts in the
 * page read it from `<meta name="csrf-token">`). Another site can neither read the cookie nor
 * guess the token.
 */
export const CSRF_COOKIE = 'admin_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type CookieRequest = Pick<Request, 'headers' | 'secure'>;
type CookieResponse = Pick<Response, 'cookie' | 'locals'>;

/** The request's CSRF token, issuing one (and its cookie) when it has none. Call before rendering a form. */
export function ensureCsrfToken(req: CookieRequest, res: CookieResponse): string {
  // A token issued earlier in this same request (e.g. rotated at sign-in) wins over the old cookie.
  const issued = res.locals.csrfToken as string | undefined;
  if (issued) return issued;
  const current = readCookie(req, CSRF_COOKIE);
  if (current && TOKEN_SHAPE.test(current)) return current;
  return rotateCsrfToken(req, res);
}

/** A new token for the request's browser (after sign-in, so a token planted before it is worthless). */
export function rotateCsrfToken(req: CookieRequest, res: CookieResponse): string {
  const token = randomBytes(32).toString('base64url');
  res.cookie(CSRF_COOKIE, token, cookieOptions(req));
  res.locals.csrfToken = token;
  return token;
}

/** The token the request submits: the header, else the form field. */
export function submittedCsrfToken(req: Pick<Request, 'headers' | 'body'>): string | undefined {
  const header = req.headers[CSRF_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD];
  return typeof field === 'string' ? field : undefined;
}

/** Whether the submitted token equals the cookie's (compared in constant time). */
export function csrfTokenMatches(req: Pick<Request, 'headers' | 'body'>): boolean {
  const expected = readCookie(req, CSRF_COOKIE);
  const submitted = submittedCsrfToken(req);
  if (!expected || !submitted || !TOKEN_SHAPE.test(expected)) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(submitted, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Throws FORBIDDEN (`reason: CSRF`) unless the request carries the browser's CSRF token. */
export function assertCsrf(req: Pick<Request, 'headers' | 'body'>): void {
  if (!csrfTokenMatches(req)) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'The form expired or did not come from this site; reload the page and try again', { reason: 'CSRF' });
  }
}
