import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { DomainError, ErrorCode } from '#app/core';
import { ReviewerPasswordLinksService } from '#app/reviewers';
import { clientOf, problemsTotal, RateLimitGuard } from '#app/web';
import { assertCsrf, ensureCsrfToken } from '../auth/csrf.js';
import { textFor } from './desk-text.js';
import { sendPage } from './layout.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { isPageLanguage, pageLanguageOf, rememberPageLanguage, safeReturnPath } from './page-language.js';
import { renderSetPasswordPage } from './set-password.page.js';

// The token stays out of the Referer of anything the page loads, and out of caches.
const NO_REFERRER = 'no-referrer';

/**
 * Pages shown before sign-in: the set-password page of an emailed link, and the language switch
 * (which also works signed in). Both forms carry the CSRF token.
 */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class SetPasswordPagesController {
  constructor(
    private readonly links: ReviewerPasswordLinksService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('set-password')
  async form(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const usable = typeof token === 'string' && (await this.links.isUsable(token));
    res.setHeader('Referrer-Policy', NO_REFERRER);
    this.send(req, res, usable ? 200 : 422, usable ? { kind: 'form', token, policy: this.config.passwordPolicy } : { kind: 'invalid' });
  }

  @Post('set-password')
  @UseGuards(RateLimitGuard)
  async setPassword(@Body() body: Record<string, unknown> | undefined, @Req() req: Request, @Res() res: Response): Promise<void> {
    assertCsrf(req);
    res.setHeader('Referrer-Policy', NO_REFERRER);
    const { token, password, confirmation } = body ?? {};
    const t = textFor(pageLanguageOf(req));
    if (typeof token !== 'string') return this.send(req, res, 422, { kind: 'invalid' });
    const again = (status: number, error: string) => this.send(req, res, status, { kind: 'form', token, error, policy: this.config.passwordPolicy });
    if (typeof password !== 'string' || password === '' || password !== confirmation) return again(422, t('mismatch'));
    try {
      await this.links.setPassword(token, password, clientOf(req));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problemsTotal.inc({ code: error.code });
      if (error.code === ErrorCode.SET_PASSWORD_LINK_INVALID) return this.send(req, res, 422, { kind: 'invalid' });
      if (error.code === ErrorCode.PASSWORD_POLICY_VIOLATION || error.code === ErrorCode.VALIDATION_FAILED) return again(422, error.message);
      throw error;
    }
    this.send(req, res, 200, { kind: 'done' });
  }

  @Post('language')
  switchLanguage(@Body() body: Record<string, unknown> | undefined, @Req() req: Request, @Res() res: Response): void {
    assertCsrf(req);
    const { lang, next } = body ?? {};
    if (!isPageLanguage(lang)) throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Unknown language', { errors: [{ field: 'lang', rules: ['isIn'] }] });
    rememberPageLanguage(req, res, lang);
    res.redirect(303, safeReturnPath(next));
  }

  private send(req: Request, res: Response, status: number, state: Parameters<typeof renderSetPasswordPage>[0]['state']): void {
    const language = pageLanguageOf(req);
    // The switch comes back to the same link (the token is already in the address bar; no-referrer keeps it there).
    const path = state.kind === 'form' ? `/set-password?token=${encodeURIComponent(state.token)}` : '/set-password';
    sendPage(res, status, renderSetPasswordPage({ csrfToken: ensureCsrfToken(req, res), language, path, state }));
  }
}
