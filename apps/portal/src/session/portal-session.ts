import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Lang } from '../i18n/lang.js';
import type { MessageKey } from '../i18n/messages.js';
import type { CookieSealer } from './sealed-cookie.js';

export const SESSION_COOKIE = 'portal_session';

/** The signed-in member as the portal knows them; the API token never leaves this sealed cookie. */
export interface PortalAuth {
  readonly token: string;
  readonly sessionId: string;
  readonly loginId: string;
  readonly expiresAt: string;
  /** When the API's privileged window ends (from POST /auth/reauthenticate). */
  privilegedUntil?: string;
}

/** One-shot message for the next page (after a redirect). */
export interface Flash {
  readonly kind: 'status' | 'alert';
  readonly key: MessageKey;
  readonly params?: Record<string, string | number>;
}

/** What a form held when the privileged window ran out, so the member finds it again after re-entering the password. */
export interface Draft {
  readonly path: string;
  readonly values: Record<string, string>;
}

export interface PortalSessionData {
  csrf: string;
  lang?: Lang;
  auth?: PortalAuth;
  flash?: Flash;
  /** A password-reset token taken out of the URL. */
  resetToken?: string;
  /** A "this wasn't me" token taken out of the URL. */
  revertToken?: string;
  /** The new mobile number waiting for its SMS code. */
  pendingMobilePhone?: string;
  draft?: Draft;
}

// Browsers keep at most ~4 KiB per cookie; a draft that would not fit is dropped, never truncated.
const MAX_COOKIE_LENGTH = 3800;

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function isSessionData(value: unknown): value is PortalSessionData {
  return typeof value === 'object' && value !== null && typeof (value as { csrf?: unknown }).csrf === 'string';
}

/** The request's session (a fresh anonymous one when the cookie is missing, altered or from another key). */
export function readSession(req: Request, sealer: CookieSealer): { data: PortalSessionData; fresh: boolean } {
  const raw = readCookie(req, SESSION_COOKIE);
  const opened = raw ? sealer.open(raw) : undefined;
  if (isSessionData(opened)) return { data: opened, fresh: false };
  return { data: { csrf: newCsrfToken() }, fresh: true };
}

/**
 * HttpOnly, SameSite=Lax (links from email arrive signed in), Secure when the request came over
 * https or the portal's public URL is https (TLS ends at a proxy in front of it).
 */
export function writeSession(req: Request, res: Response, sealer: CookieSealer, data: PortalSessionData, publicHttps = false): void {
  let sealed = sealer.seal(data);
  if (sealed.length > MAX_COOKIE_LENGTH && data.draft) sealed = sealer.seal({ ...data, draft: undefined });
  res.cookie(SESSION_COOKIE, sealed, { httpOnly: true, sameSite: 'lax', secure: req.secure || publicHttps, path: '/' });
}
