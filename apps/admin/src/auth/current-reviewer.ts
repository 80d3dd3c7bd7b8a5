import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ReviewerPrincipal } from '#app/reviewers';
import type { ReviewerRequest } from './reviewer-request.js';

/** The signed-in reviewer and session (after ReviewerAuthGuard). */
export const CurrentReviewer = createParamDecorator((_data: unknown, context: ExecutionContext): ReviewerPrincipal => {
  const principal = context.switchToHttp().getRequest<ReviewerRequest>().reviewerPrincipal;
  // Reaching a handler without the guard is a programming error, not the client's.
  if (!principal) throw new Error('CurrentReviewer used on a route without ReviewerAuthGuard');
  return principal;
});
