import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth } from '@nestjs/swagger';
import { DomainError, ErrorCode } from '#app/core';
import { requireRole, type ReviewerRole } from '#app/reviewers';
import { ReviewerAuthGuard } from './reviewer-auth.guard.js';
import type { ReviewerRequest } from './reviewer-request.js';

export const ROLES_KEY = 'reviewerRoles';

/** The roles a handler (or every handler of a controller) needs; ADMIN includes REVIEWER. Use with RolesGuard. */
export const Roles = (...roles: ReviewerRole[]) => SetMetadata(ROLES_KEY, roles);

/** FORBIDDEN unless the signed-in reviewer holds a role named by @Roles (any reviewer when none is named). Runs after ReviewerAuthGuard. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<ReviewerRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    const principal = context.switchToHttp().getRequest<ReviewerRequest>().reviewerPrincipal;
    if (!principal) throw new DomainError(ErrorCode.UNAUTHENTICATED, 'A live reviewer session is required');
    requireRole(principal.reviewer, ...roles);
    return true;
  }
}

/**
 * The usual guard stack of a reviewer endpoint: signed in (bearer or cookie + CSRF), then the role.
 * `@ReviewerAuth()` admits any reviewer; `@ReviewerAuth('ADMIN')` admins only.
 */
export function ReviewerAuth(...roles: ReviewerRole[]) {
  return applyDecorators(UseGuards(ReviewerAuthGuard, RolesGuard), Roles(...roles), ApiBearerAuth());
}
