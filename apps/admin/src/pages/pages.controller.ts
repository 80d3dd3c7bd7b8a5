import { Body, Controller, Get, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '#app/core';
import { ReviewerAuthService, ReviewerSessionsService, type ReviewerPrincipal } from '#app/reviewers';
import { RateLimitGuard, clientOf } from '#app/web';
import { clearSessionCookie, readCookie, SESSION_COOKIE, setSessionCookie } from '../auth/cookies.js';
import { assertCsrf, ensureCsrfToken, rotateCsrfToken } from '../auth/csrf.js';
import { CurrentReviewer } from '../auth/current-reviewer.js';
import { ReviewerAuthGuard } from '../auth/reviewer-auth.guard.js';
import type { ReviewerRequest } from '../auth/reviewer-request.js';
import { sendPage } from './layout.js';
import { PageExceptionFilter } from './page-exception.filter.js';
import { pageLanguageOf } from './page-language.js';
import { SignInPageFilter } from './sign-in-page.filter.js';
import { renderSignInPage } from './sign-in.page.js';

/** The reviewer's browser pages: sign-in and sign-out (outside the JSON API prefix); the queue is ReviewPagesController. */
@ApiExcludeController()
@Controller()
@UseFilters(PageExceptionFilter)
export class PagesController {
  constructor(
    private readonly auth: ReviewerAuthService,
    private readonly sessions: ReviewerSessionsService,
  ) {}

  @Get()
  async home(@Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    res.redirect(303, (await this.signedIn(req, res)) ? '/queue' : '/login');
  }

  @Get('login')
  async signInPage(@Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    if (await this.signedIn(req, res)) return res.redirect(303, '/queue');
    sendPage(res, 200, renderSignInPage({ csrfToken: ensureCsrfToken(req, res), language: pageLanguageOf(req) }));
  }

  @Post('login')
  @UseGuards(RateLimitGuard)
  @UseFilters(SignInPageFilter)
  async signIn(@Body() body: Record<string, unknown> | undefined, @Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    assertCsrf(req);
    const { email, password } = body ?? {};
    if (typeof email !== 'string' || typeof password !== 'string' || email.trim() === '' || password === '' || email.length > 254 || password.length > 256) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'Enter your email and password');
    }
    const signIn = await this.auth.signIn(email, password, clientOf(req));
    setSessionCookie(req, res, signIn.accessToken, new Date(signIn.expiresAt));
    // A CSRF token planted before sign-in is worth nothing after it.
    rotateCsrfToken(req, res);
    res.redirect(303, '/queue');
  }

  @Post('logout')
  @UseGuards(ReviewerAuthGuard)
  async signOut(@CurrentReviewer() principal: ReviewerPrincipal, @Req() req: ReviewerRequest, @Res() res: Response): Promise<void> {
    await this.sessions.revoke(principal, clientOf(req));
    clearSessionCookie(req, res);
    res.redirect(303, '/login');
  }

  /** The reviewer of the session cookie, or null (a dead cookie is forgotten). */
  private async signedIn(req: ReviewerRequest, res: Response): Promise<ReviewerPrincipal | null> {
    const token = readCookie(req, SESSION_COOKIE);
    if (token === undefined) return null;
    try {
      return await this.sessions.authenticate(token);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== ErrorCode.UNAUTHENTICATED) throw error;
      clearSessionCookie(req, res);
      return null;
    }
  }
}
