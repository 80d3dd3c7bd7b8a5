import { ErrorCode } from '#app/core';
import type { GuardProblems } from '#app/web';
import { ReviewerAuthGuard } from './auth/reviewer-auth.guard.js';
import { RolesGuard } from './auth/roles.guard.js';

/** What each guard of the admin app refuses with; the OpenAPI document adds it to every route the guard protects. */
export const ADMIN_GUARD_PROBLEMS: ReadonlyMap<Function, GuardProblems> = new Map<Function, GuardProblems>([
  // FORBIDDEN: a cookie-authenticated unsafe request without its CSRF token.
  [ReviewerAuthGuard, { codes: [ErrorCode.UNAUTHENTICATED, ErrorCode.FORBIDDEN], authentication: 'required' }],
  [RolesGuard, { codes: [ErrorCode.FORBIDDEN] }],
]);
