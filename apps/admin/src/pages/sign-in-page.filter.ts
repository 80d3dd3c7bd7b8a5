import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '#app/core';
import { problemsTotal, problemStatus } from '#app/web';
import { ADMIN_LOGGER } from '../admin-logger.js';
import { ensureCsrfToken } from '../auth/csrf.js';
import { sendPage } from './layout.js';
import { accessTextFor } from './access-text.js';
import { answerWithErrorPage } from './page-exception.filter.js';
import { DEFAULT_PAGE_LANGUAGE, pageLanguageOf, type PageLanguage } from './page-language.js';
import { renderSignInPage } from './sign-in.page.js';

/** What the sign-in page says about a refused attempt, or undefined when it is not a sign-in refusal. */
export function signInRefusalMessage(error: DomainError, language: PageLanguage = DEFAULT_PAGE_LANGUAGE): string | undefined {
  const t = accessTextFor(language);
  switch (error.code) {
    case ErrorCode.INVALID_CREDENTIALS:
      return t('wrongCredentials');
    case ErrorCode.ACCOUNT_TEMPORARILY_LOCKED: {
      const until = typeof error.details.lockedUntil === 'string' ? error.details.lockedUntil.slice(11, 16) : undefined;
      return until ? t('lockedUntil', { until }) : t('lockedAWhile');
    }
    case ErrorCode.TOO_MANY_REQUESTS:
      return t('tooManyAttempts');
    case ErrorCode.FORBIDDEN:
      return error.details.reason === 'CSRF' ? t('formExpired') : undefined;
    case ErrorCode.VALIDATION_FAILED:
      return t('enterCredentials');
    default:
      return undefined;
  }
}

/** A refused sign-in shows the form again with the reason and the status of the refusal (401, 429 …). */
@Catch()
export class SignInPageFilter implements ExceptionFilter {
  constructor(@Inject(ADMIN_LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const language = pageLanguageOf(req);
    const message = error instanceof DomainError ? signInRefusalMessage(error, language) : undefined;
    if (!(error instanceof DomainError) || message === undefined) {
      answerWithErrorPage(error, req, res, this.logger);
      return;
    }
    problemsTotal.inc({ code: error.code });
    if (typeof error.details.retryAfterSeconds === 'number') res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
    const typed = (req.body as Record<string, unknown> | undefined)?.email;
    const email = typeof typed === 'string' ? typed.slice(0, 254) : '';
    sendPage(res, problemStatus(error.code), renderSignInPage({ csrfToken: ensureCsrfToken(req, res), email, error: message, language }));
  }
}
