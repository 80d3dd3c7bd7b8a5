// Types and defaults shared by the review workflow, its activities and the apps. Bundle-safe.

export type ApplicationStatus =
  | 'SUBMITTED'
  | 'IN_REVIEW'
  /** Four eyes: approved once, waiting for a different reviewer's approval. */
  | 'AWAITING_SECOND_APPROVAL'
  | 'INFO_REQUESTED'
  | 'APPROVED'
  | 'REJECTED'
  | 'WITHDRAWN'
  | 'EXPIRED';

export const DECIDED_STATUSES: readonly ApplicationStatus[] = ['APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'];

/** Review deadlines (product.md §5); workflow inputs so tests can shorten them. */
export interface ReviewDeadlines {
  /** Unclaimed this long: overdue, reviewers reminded. */
  readonly unclaimedSeconds: number;
  /** In review (or awaiting the second approval) this long: overdue, reviewers reminded. */
  readonly inReviewSeconds: number;
  /** An information request unanswered this long: EXPIRED. */
  readonly infoRequestSeconds: number;
}

/** What the member asked for, as the workflow's first activity writes it (the row does not exist before). */
export interface ApplicationSubmission {
  readonly requestedMemberType: string | null;
  readonly requestedName: string | null;
  readonly requestedBusinessName: string | null;
  readonly requestedBusinessRegistrationNumber: string | null;
  readonly reason: string;
  /** Documents the API stored (unlinked) before the start; linked to the row in the same transaction. */
  readonly documentIds: readonly string[];
  readonly submittedAt: string;
  /** The audit actor of the submission (client address and session), as the API saw it. */
  readonly actor: { readonly type: 'MEMBER'; readonly id: string; readonly clientIp?: string | null; readonly userAgent?: string | null };
}

export interface ApplicationWorkflowInput {
  readonly applicationId: string;
  readonly memberId: string;
  readonly deadlines: ReviewDeadlines;
  /** Set by the API from REVIEW_FOUR_EYES_FIELDS: the approval needs two different reviewers. Absent in old histories. */
  readonly fourEyes?: boolean;
  /** The submission the first activity writes; absent in histories that predate update-with-start. */
  readonly submission?: ApplicationSubmission;
}

export interface ApplicationFlowView {
  readonly applicationId: string;
  readonly status: ApplicationStatus;
  readonly claimedBy: string | null;
  readonly overdue: boolean;
  readonly statusSince: string;
  /** Four eyes: who gave the first approval (null before it, or when not needed). */
  readonly firstApprovedBy?: string | null;
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
  /** Four eyes: the first approver, written with the AWAITING_SECOND_APPROVAL transition and kept on the final approval. */
  readonly firstApprovedBy?: string | null;
  /** The audit action when it is not `APPLICATION_<to>` (an administrator's reassignment). */
  readonly auditAction?: string;
}

export type MemberNotice = 'SUBMITTED' | 'INFO_REQUESTED' | 'APPROVED' | 'REJECTED' | 'EXPIRED';

/** A message the workflow queues and sends from its main loop, never inside an Update. `key` is its idempotency key. */
export type ApplicationNotice =
  | { readonly kind: 'applicant'; readonly applicationId: string; readonly notice: MemberNotice; readonly key: string }
  | { readonly kind: 'overdue-reminder'; readonly applicationId: string; readonly status: ApplicationStatus; readonly since: string; readonly key: string }
  | {
      readonly kind: 'claim-reassigned';
      readonly applicationId: string;
      readonly reviewerId: string;
      readonly newClaimantId: string | null;
      readonly key: string;
    };
