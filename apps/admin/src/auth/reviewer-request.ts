import type { Request } from 'express';
import type { AuditActor } from '#app/audit';
import type { ReviewerClient, ReviewerPrincipal } from '#app/reviewers';

/** How the request proved who it is: a bearer header (scripts) or the session cookie (pages). */
export type CredentialSource = 'bearer' | 'cookie';

/** A request that ReviewerAuthGuard let through. */
export interface ReviewerRequest extends Request {
  reviewerPrincipal?: ReviewerPrincipal;
  credentialSource?: CredentialSource;
}

/** Where a request comes from, for the session row and the audit trail. */
export function clientOf(req: Request): ReviewerClient {
  return { clientIp: req.ip ?? null, userAgent: req.header('user-agent') ?? null };
}

/** The signed-in reviewer as the audit trail's actor. */
export function reviewerActor(req: ReviewerRequest): AuditActor {
  return { type: 'REVIEWER', id: req.reviewerPrincipal?.reviewer.id ?? null, ...clientOf(req) };
}
