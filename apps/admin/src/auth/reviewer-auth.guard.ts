import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '#app/core';
import { ReviewerSessionsService } from '#app/reviewers';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { assertCsrf } from './csrf.js';
import type { CredentialSource, ReviewerRequest } from './reviewer-request.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer[ ]+([^ ]+)[ ]*$/i;

/** The token the request presents: `Authorization: Bearer …` first, else the `admin_session` cookie. */
export function presentedCredential(req: ReviewerRequest): { token: string; source: CredentialSource } | undefined {
  const authorization = req.header('authorization');
  if (authorization !== undefined) {
    // A malformed Authorization header is a failed attempt, not an invitation to try the cookie.
    return { token: BEARER.exec(authorization)?.[1] ?? '', source: 'bearer' };
  }
  const cookie = readCookie(req, SESSION_COOKIE);
  return cookie ? { token: cookie, source: 'cookie' } : undefined;
}

/**
 * A live reviewer session, by bearer token (scripts) or session cookie (pages). Member tokens
 * never pass: reviewer sessions live in their own table. Unsafe requests authenticated by the
 * cookie must also carry the CSRF token (form field `_csrf` or header `X-CSRF-Token`).
 * Puts the reviewer and session on the request (see CurrentReviewer).
 */
@Injectable()
export class ReviewerAuthGuard implements CanActivate {
  constructor(private readonly sessions: ReviewerSessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ReviewerRequest>();
    const credential = presentedCredential(req);
    if (!credential) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Sign in as a reviewer: a bearer token or the session cookie is required');
    req.reviewerPrincipal = await this.sessions.authenticate(credential.token);
    req.credentialSource = credential.source;
    if (credential.source === 'cookie' && !SAFE_METHODS.has(req.method)) assertCsrf(req);
    return true;
  }
}
