import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/**
 * For public endpoints that do more for a signed-in member: no bearer token → anonymous
 * (`request.user` is null); a token of a live session → that session; a token that is
 * expired, revoked or unknown → UNAUTHENTICATED, so a client never mistakes a dead session for
 * an anonymous answer.
 */
@Injectable()
export class OptionalMemberAuthGuard extends AuthGuard('bearer') {
  override handleRequest<T>(error: unknown, session: T): T | null {
    if (error) throw error;
    return session || null;
  }
}
