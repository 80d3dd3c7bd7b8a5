import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ApiAnswer, ApiCall, ApiClient, CallerContext } from './api/api-client.js';
import { isLang, langFromAcceptLanguage, type Lang } from './i18n/lang.js';
import type { MessageKey } from './i18n/messages.js';
import { translator, type Translate } from './i18n/translate.js';
import type { SafeHtml } from './pages/html.js';
import { CSRF_FIELD, renderLayout } from './pages/layout.js';
import type { CookieSealer } from './session/sealed-cookie.js';
import { readSession, writeSession, type Flash, type PortalAuth, type PortalSessionData } from './session/portal-session.js';

/** Thrown when a page needs a signed-in member and there is none. */
export class NotSignedIn extends Error {}

/** Thrown when a form's CSRF token does not match the session's. */
export class StaleForm extends Error {}

/** The pages' Content-Security-Policy: this origin's stylesheet and script only, nothing inline, never framed. */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export interface PortalDeps {
  readonly api: ApiClient;
  readonly sealer: CookieSealer;
  readonly serviceAreas: readonly string[];
  /** PUBLIC_PORTAL_URL is https: the session cookie is Secure even when TLS ends in front of the portal. */
  readonly publicHttps: boolean;
}

/** A local path to come back to (never another site): `/x?y`, not `//x` or `/\x`. */
export function safeNext(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || value.length > 500) return fallback;
  return value;
}

/** What one page request works with: its session, language, the API on the member's behalf, and how to answer. */
export class PageContext {
  readonly session: PortalSessionData;
  readonly requestId: string;
  private dirty: boolean;

  constructor(
    readonly req: Request,
    readonly res: Response,
    readonly deps: PortalDeps,
  ) {
    const { data, fresh } = readSession(req, deps.sealer);
    this.session = data;
    this.dirty = fresh;
    this.requestId = (res.locals.requestId as string | undefined) ?? randomUUID();
  }

  get lang(): Lang {
    return this.session.lang ?? langFromAcceptLanguage(this.req.headers['accept-language']);
  }

  get t(): Translate {
    return translator(this.lang);
  }

  get auth(): PortalAuth | undefined {
    return this.session.auth;
  }

  /** The path and query of this request (for coming back after sign-in or the password gate). */
  get here(): string {
    return this.req.originalUrl;
  }

  requireAuth(): PortalAuth {
    if (!this.session.auth) throw new NotSignedIn();
    return this.session.auth;
  }

  changed(): void {
    this.dirty = true;
  }

  setLang(lang: unknown): void {
    if (isLang(lang) && lang !== this.session.lang) {
      this.session.lang = lang;
      this.changed();
    }
  }

  flash(kind: Flash['kind'], key: MessageKey, params?: Flash['params']): void {
    this.session.flash = { kind, key, params };
    this.changed();
  }

  private takeFlash(): Flash | undefined {
    const flash = this.session.flash;
    if (flash) {
      delete this.session.flash;
      this.changed();
    }
    return flash;
  }

  /** Form field values (urlencoded or multipart text fields). */
  field(name: string): string {
    const value = (this.req.body as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : '';
  }

  assertCsrf(): void {
    const submitted = Buffer.from(this.field(CSRF_FIELD), 'utf8');
    const expected = Buffer.from(this.session.csrf, 'utf8');
    if (submitted.length !== expected.length || !timingSafeEqual(submitted, expected)) throw new StaleForm();
  }

  caller(): CallerContext {
    return {
      clientAddress: this.req.socket.remoteAddress,
      requestId: this.requestId,
      token: this.session.auth?.token,
      userAgent: this.req.headers['user-agent'],
    };
  }

  call<T = unknown>(call: ApiCall): Promise<ApiAnswer<T>> {
    return this.deps.api.call<T>(this.caller(), call);
  }

  private saveSession(): void {
    if (this.dirty) writeSession(this.req, this.res, this.deps.sealer, this.session, this.deps.publicHttps);
    this.dirty = false;
  }

  render(title: string, body: SafeHtml, status = 200): void {
    const flash = this.takeFlash();
    const page = renderLayout({
      lang: this.lang,
      t: this.t,
      title,
      body,
      csrf: this.session.csrf,
      loginId: this.session.auth?.loginId,
      flash,
      here: this.here,
    });
    this.saveSession();
    this.res.status(status).setHeader('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(page);
  }

  /** 303 See Other: after a form, the browser GETs the next page (reloading it never re-posts). */
  redirect(location: string): void {
    this.saveSession();
    this.res.redirect(303, location);
  }

  /** Streams a file the API answered (e.g. the pre-filled form) to the browser. */
  async sendFile(response: globalThis.Response): Promise<void> {
    this.saveSession();
    for (const header of ['content-type', 'content-disposition', 'content-length']) {
      const value = response.headers.get(header);
      if (value) this.res.setHeader(header, value);
    }
    this.res.setHeader('Cache-Control', 'no-store');
    this.res.setHeader('X-Content-Type-Options', 'nosniff');
    this.res.status(200);
    if (!response.body) {
      this.res.end();
      return;
    }
    const { Readable } = await import('node:stream');
    const { pipeline } = await import('node:stream/promises');
    await pipeline(Readable.fromWeb(response.body as never), this.res);
  }
}
