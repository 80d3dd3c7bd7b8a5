import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ApiProblem, ApiUnavailable } from './api/api-problem.js';
import { html } from './pages/html.js';
import { NotSignedIn, PageContext, StaleForm, type PortalDeps } from './page-context.js';

export type PageHandler = (ctx: PageContext) => Promise<void> | void;

export interface RouteOptions {
  /** Needs a signed-in member (else: the sign-in page, coming back here afterwards). */
  readonly auth?: boolean;
  /** For a form post: the page to come back to after sign-in or the password gate. */
  readonly back?: string | ((ctx: PageContext) => string);
}

// What is kept of a form when the privileged window ran out: everything but secrets.
const NEVER_KEPT = new Set(['_csrf', 'password', 'currentPassword', 'newPassword', 'newPasswordConfirmation', 'code', 'token']);

function backOf(ctx: PageContext, options: RouteOptions): string {
  if (ctx.req.method === 'GET') return ctx.here;
  return typeof options.back === 'function' ? options.back(ctx) : (options.back ?? '/my');
}

function keepDraft(ctx: PageContext, path: string): void {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((ctx.req.body as Record<string, unknown> | undefined) ?? {})) {
    if (!NEVER_KEPT.has(name) && typeof value === 'string' && value.length <= 2000) values[name] = value;
  }
  ctx.session.draft = { path: path.split('?')[0], values };
  ctx.changed();
}

/** The problem page: what happened and what to do, in the member's language; never a stack trace. */
export function problemPage(ctx: PageContext, status: number, message: string): void {
  const t = ctx.t;
  ctx.render(
    t('problem.title'),
    html`<section class="problem"><h1>${t('problem.title')}</h1><p role="alert">${message}</p>
      <p><a href="${ctx.auth ? '/my' : '/'}">${t('problem.home')}</a></p></section>`,
    status,
  );
}

/**
 * Wraps a page: builds its context, checks the form's CSRF token, and turns what can go wrong
 * into the page that says so — sign-in again (session ended), the password gate (privileged
 * window over, coming back to the task with the form kept), a stale form, an API that is down.
 */
export function page(deps: PortalDeps, logger: Logger, handler: PageHandler, options: RouteOptions = {}): RequestHandler {
  return async (req: Request, res: Response, _next: NextFunction) => {
    const ctx = new PageContext(req, res, deps);
    try {
      if (req.method === 'POST') ctx.assertCsrf();
      if (options.auth) ctx.requireAuth();
      await handler(ctx);
    } catch (error) {
      if (res.headersSent) {
        logger.warn({ err: { name: (error as Error)?.name }, path: req.path }, 'page failed after it started answering');
        res.end();
        return;
      }
      if (error instanceof NotSignedIn || (error instanceof ApiProblem && error.code === 'UNAUTHENTICATED')) {
        const wasSignedIn = Boolean(ctx.auth);
        delete ctx.session.auth;
        delete ctx.session.draft;
        if (wasSignedIn) ctx.flash('alert', 'login.expired');
        else ctx.changed();
        ctx.redirect(`/login?next=${encodeURIComponent(backOf(ctx, options))}`);
        return;
      }
      if (error instanceof ApiProblem && error.code === 'REAUTHENTICATION_REQUIRED' && ctx.auth) {
        const back = backOf(ctx, options);
        delete ctx.auth.privilegedUntil;
        if (req.method === 'POST') keepDraft(ctx, back);
        ctx.flash('alert', 'gate.again');
        ctx.redirect(`/my/account?next=${encodeURIComponent(back)}`);
        return;
      }
      if (error instanceof StaleForm) {
        // A new token, so that the page the member goes back to works.
        problemPage(ctx, 403, ctx.t('problem.csrf'));
        return;
      }
      if (error instanceof ApiUnavailable || (error instanceof ApiProblem && error.code === 'SERVICE_UNAVAILABLE')) {
        logger.warn({ path: req.path, reason: error.message }, 'member API unavailable');
        res.setHeader('Retry-After', '30');
        problemPage(ctx, 503, ctx.t('problem.unavailable'));
        return;
      }
      if (error instanceof ApiProblem && error.code === 'NOT_FOUND') {
        problemPage(ctx, 404, ctx.t('problem.notFound'));
        return;
      }
      if (error instanceof ApiProblem) {
        // A refusal the page did not place next to a field: shown in words, nothing lost on the API's side.
        problemPage(ctx, error.status, ctx.t('error.UNKNOWN', { code: error.code }));
        return;
      }
      const errorId = randomUUID();
      logger.error(
        { errorId, path: req.path, err: { name: (error as Error)?.name, message: (error as Error)?.message, stack: (error as Error)?.stack } },
        'page failed',
      );
      problemPage(ctx, 500, ctx.t('problem.internal', { errorId }));
    }
  };
}
