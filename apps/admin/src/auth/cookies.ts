import type { CookieOptions, Request, Response } from 'express';

/** The reviewer's session token, for the browser pages (scripts send it as a bearer token). */
export const SESSION_COOKIE = 'admin_session';

/** The value of one cookie of the request, or undefined (no cookie-parser needed for two cookies). */
export function readCookie(req: Pick<Request, 'headers'>, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const raw = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * HttpOnly (scripts in the page cannot read it), SameSite=Strict (other sites cannot send it),
 * Secure when the request came over https (directly or through a trusted proxy), whole site.
 */
export function cookieOptions(req: Pick<Request, 'secure'>, expires?: Date): CookieOptions {
  return { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', ...(expires ? { expires } : {}) };
}

export function setSessionCookie(req: Pick<Request, 'secure'>, res: Pick<Response, 'cookie'>, token: string, expires: Date): void {
  res.cookie(SESSION_COOKIE, token, cookieOptions(req, expires));
}

export function clearSessionCookie(req: Pick<Request, 'secure'>, res: Pick<Response, 'clearCookie'>): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}
