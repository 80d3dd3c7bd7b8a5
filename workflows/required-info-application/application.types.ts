// Types and defaults shared by the review workflow, its activities and the apps. Bundle-safe.

export type ApplicationStatus = 'SUBMITTED' | 'IN_REVIEW' | 'INFO_REQUESTED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'EXPIRED';

export const DECIDED_STATUSES: readonly ApplicationStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'];

/** Review deadlines (product.md §5); workflow inputs so tests can shorten them. */
export interface ReviewDeadlines {
  /** Unclaimed this long: overdue, reviewers reminded. */
  readonly unclaimedSeconds: number;
  /** In review this long: overdue, reviewers reminded. */
  readonly inReviewSeconds: number;
  /** An information request unanswered this long: EXPIRED. */
  readonly infoRequestSeconds: number;
}

export const DEFAULT_REVIEW_DEADLINES: ReviewDeadlines = {
  unclaimedSeconds: 2 * 86_400,
  inReviewSeconds: 3 * 86_400,
  infoRequestSeconds: 14 * 86_400,
};

export interface ApplicationWorkflowInput {
  readonly applicationId: string;
  readonly memberId: string;
  readonly deadlines: ReviewDeadlines;
}

export interface ApplicationFlowView {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  readonly claimedBy: string | null;
  readonly overdue: boolean;
  readonly statusSince: string;
}

export type ApplicationActor = { readonly type: 'MEMBER' | 'REVIEWER' | 'SYSTEM'; readonly id: string | null };

/** One state change, written by the workflow's activity; `key` makes a retried write a no-op. */
export interface ApplicationTransition {
  readonly applicationId: string;
  readonly key: string;
  readonly from: ApplicationStatus;
  readonly to: ApplicationStatus;
  readonly actor: ApplicationActor;
  readonly at: string;
  readonly claimedBy?: string | null;
  readonly note?: string | null;
}

export type MemberNotice = 'SUBMITTED' | 'INFO_REQUESTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED';
