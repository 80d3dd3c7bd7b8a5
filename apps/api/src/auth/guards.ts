import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { SessionsService, type SessionEntity } from '#app/auth';
import { DomainError, ErrorCode } from '#app/core';
import type { MemberEntity } from '#app/members';
import { SchemaViolation } from '#app/web';
import { bearerToken } from './bearer-token.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The session (or, after the local strategy, the member) the guards found. */
    user?: unknown;
  }
}

/** Login: the body must carry both fields as strings before Passport looks at them. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override canActivate(context: ExecutionContext) {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body as Record<string, unknown> | undefined;
    const errors = ['loginId', 'password']
      .filter((field) => typeof body?.[field] !== 'string' || (body[field] as string).length === 0 || (body[field] as string).length > 256)
      .map((field) => ({ field, rules: ['isNotEmpty', 'isString', 'maxLength'] }));
    const extra = Object.keys(body ?? {}).filter((key) => key !== 'loginId' && key !== 'password');
    errors.push(...extra.map((field) => ({ field, rules: ['whitelistValidation'] })));
    if (errors.length) throw new SchemaViolation('The request has invalid fields', { errors });
    return super.canActivate(context);
  }
}

/**
 * Any live member session, by its bearer token: one indexed lookup (SessionsService.authenticate)
 * and nothing else on every authenticated request — no Passport strategy round (quality.md P3).
 * Puts the session on `request.user`.
 */
@Injectable()
export class MemberAuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  // Not `async`: one promise per request (on Node 20 each one pays the request context's async hooks).
  canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(req);
    if (!token) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'A bearer token of a live session is required');
    return this.sessions.authenticate(token).then((session) => {
      req.user = session;
      return true;
    });
  }
}

/** A session re-authenticated within the window (REAUTH_WINDOW_SECONDS); use after MemberAuthGuard. */
@Injectable()
export class PrivilegedSessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  canActivate(context: ExecutionContext): boolean {
    const session = context.switchToHttp().getRequest<FastifyRequest>().user as SessionEntity | undefined;
    if (!session || !this.sessions.isPrivileged(session)) {
      throw new DomainError(ErrorCode.REAUTHENTICATION_REQUIRED, 'Enter your password again to manage your account');
    }
    return true;
  }
}

/** The session of the authenticated request. */
export const CurrentSession = createParamDecorator((_data: unknown, context: ExecutionContext): SessionEntity => {
  return context.switchToHttp().getRequest<FastifyRequest>().user as SessionEntity;
});

/** The member that the local strategy verified (login only). */
export const VerifiedMember = createParamDecorator((_data: unknown, context: ExecutionContext): MemberEntity => {
  return context.switchToHttp().getRequest<FastifyRequest>().user as MemberEntity;
});
