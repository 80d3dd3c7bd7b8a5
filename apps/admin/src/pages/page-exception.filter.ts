import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '#app/core';
import { problemsTotal, toProblem } from '#app/web';
import { ADMIN_LOGGER } from '../admin-logger.js';
import { clearSessionCookie, readCookie, SESSION_COOKIE } from '../auth/cookies.js';
import { ensureCsrfToken } from '../auth/csrf.js';
import { accessTextFor, isAccessTextKey } from './access-text.js';
import { renderErrorPage } from './error.page.js';
import { sendPage } from './layout.js';
import { pageLanguageOf, type PageLanguage } from './page-language.js';

/** What the error page says: its own words for a 5xx (and, in Korean, for the codes it knows), else the problem's detail. */
function errorMessage(problem: { status: number; code: string; detail: string; reason?: unknown }, language: PageLanguage): string {
  const t = accessTextFor(language);
  if (problem.status >= 500) return t('unavailable');
  if (language === 'en') return problem.detail;
  const key = problem.reason === 'CSRF' ? 'error_CSRF' : `error_${problem.code}`;
  return isAccessTextKey(key) ? t(key) : problem.detail;
}

/** Answers any error as an HTML error page with the status its code maps to (unknown errors: 500, logged with an id). */
export function answerWithErrorPage(error: unknown, req: Request, res: Response, logger: Logger): void {
  const problem = toProblem(error, logger);
  problemsTotal.inc({ code: problem.code });
  if (typeof problem.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(problem.retryAfterSeconds));
  const language = pageLanguageOf(req);
  const message = errorMessage(problem, language);
  const errorId = typeof problem.errorId === 'string' ? problem.errorId : undefined;
  sendPage(res, problem.status, renderErrorPage({ status: problem.status, message, errorId, csrfToken: ensureCsrfToken(req, res), language }));
}

/**
 * Errors of the browser pages: a missing or dead session sends the browser to the sign-in page
 * (forgetting the dead cookie); anything else is an HTML error page, never problem+json.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  constructor(@Inject(ADMIN_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    if (error instanceof DomainError && error.code === ErrorCode.UNAUTHENTICATED) {
      if (readCookie(req, SESSION_COOKIE) !== undefined) clearSessionCookie(req, res);
      res.redirect(303, '/login');
      return;
    }
    answerWithErrorPage(error, req, res, this.logger);
  }
}
