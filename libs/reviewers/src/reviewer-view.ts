import type { ReviewerEntity } from './reviewer.entity.js';
import type { ReviewerRole } from './reviewer-role.js';

/** What the admin app shows of a reviewer: never the hash nor the lockout state. */
export interface ReviewerView {
  readonly id: string;
  readonly email: string;
  readonly role: ReviewerRole;
  readonly displayName: string;
}

/** A reviewer account as an ADMIN lists it. */
export interface ReviewerAccountView extends ReviewerView {
  readonly disabled: boolean;
  readonly createdAt: string;
}

export function toReviewerView(reviewer: ReviewerEntity): ReviewerView {
  return { id: reviewer.id, email: reviewer.email, role: reviewer.role, displayName: reviewer.displayName };
}

export function toReviewerAccountView(reviewer: ReviewerEntity): ReviewerAccountView {
  return { ...toReviewerView(reviewer), disabled: reviewer.disabledAt !== null, createdAt: reviewer.createdAt.toISOString() };
}
