import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from '#app/auth';
import { bearerToken } from '../auth/bearer-token.js';

/**
 * For public endpoints that do more for a signed-in member: no bearer token → anonymous
 * (`request.user` is null); a token of a live session → that session; a token that is
 * expired, revoked or unknown → UNAUTHENTICATED, so a client never mistakes a dead session for
 * an anonymous answer.
 */
@Injectable()
export class OptionalMemberAuthGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(req);
    // CurrentSession reads `request.user`; null (not undefined) is the anonymous answer.
    (req as { user?: unknown }).user = token ? await this.sessions.authenticate(token) : null;
    return true;
  }
}
