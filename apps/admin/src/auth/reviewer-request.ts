import type { Request } from 'express';
import type { AuditActor } from '#app/audit';
import type { ReviewerPrincipal } from '#app/reviewers';
import { clientOf } from '#app/web';

/** How the request proved who it is: a bearer header (scripts) or the session cookie (pages). */
export type CredentialSource = 'bearer' | 'cookie';

/** A request that ReviewerAuthGuard let through. */
export interface ReviewerRequest extends Request {
  reviewerPrincipal?: ReviewerPrincipal;
  credentialSource?: CredentialSource;
}

/** The signed-in reviewer as the audit trail's actor. */
export function reviewerActor(req: ReviewerRequest): AuditActor {
  return { type: 'REVIEWER', id: req.reviewerPrincipal?.reviewer.id ?? null, ...clientOf(req) };
}
