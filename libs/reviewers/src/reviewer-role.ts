import { DomainError, ErrorCode } from '#app/core';

/** What a reviewer account may do: `REVIEWER` decides on applications; `ADMIN` also manages reviewer accounts. */
export const REVIEWER_ROLES = ['REVIEWER', 'ADMIN'] as const;

export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

// Higher ranks include every permission of the lower ones: an ADMIN may do what a REVIEWER may.
const RANK: Readonly<Record<ReviewerRole, number>> = { REVIEWER: 1, ADMIN: 2 };

export function isReviewerRole(value: unknown): value is ReviewerRole {
  return typeof value === 'string' && (REVIEWER_ROLES as readonly string[]).includes(value);
}

/** Whether a reviewer with role `actual` may do what `required` may (ADMIN includes REVIEWER). */
export function hasRole(actual: ReviewerRole, required: ReviewerRole): boolean {
  return isReviewerRole(actual) && RANK[actual] >= RANK[required];
}

/**
 * Throws `FORBIDDEN` unless the reviewer holds at least one of `allowed` (or a role above it).
 * With no `allowed` role, any reviewer passes.
 */
export function requireRole(reviewer: { readonly role: ReviewerRole }, ...allowed: ReviewerRole[]): void {
  if (allowed.length === 0 || allowed.some((required) => hasRole(reviewer.role, required))) return;
  throw new DomainError(ErrorCode.FORBIDDEN, `This needs the ${allowed.join(' or ')} role`, { requiredRoles: allowed });
}
