// Activity *types* only: workflows import this file, the worker implements it.
import type {
  CodeCheck,
  CodeStep,
  CommitOutcome,
  LoginIdChangeClosing,
  LoginIdChangeLimits,
  NewLoginIdCheck,
  ResendOutcome,
} from './login-id-change/login-id-change.types.js';
import type {
  ApplicationNotice,
  ApplicationStatus,
  ApplicationSubmission,
  ApplicationTransition,
  MemberNotice,
} from './required-info-application/application.types.js';

export interface PingActivities {
  /** Answers with the worker's identity. */
  recordPing(nonce: string): Promise<string>;
}

/**
 * The I/O of the login-ID change. Every one takes a `key` made by the workflow (login-id-change.contract
 * `activityKey`) and, run again with it, returns what its first run did: the same code sent once, the
 * same recorded check outcome, one audit row.
 */
export interface LoginIdChangeActivities {
  /** Step 1: a 6-digit code by SMS to the member's registered mobile phone. */
  sendIdentityCode(input: { key: string; changeId: string; memberId: string; limits: LoginIdChangeLimits }): Promise<void>;
  /** Step 3: is the new address valid, different and free? (Reads only.) */
  checkNewLoginId(input: { key?: string; memberId: string; newLoginId: string }): Promise<NewLoginIdCheck>;
  /** Step 3: a 6-digit code by email to the new address. */
  sendEmailCode(input: { key: string; changeId: string; memberId: string; newLoginId: string; limits: LoginIdChangeLimits }): Promise<void>;
  /**
   * Step 3 in one activity (v3): checkNewLoginId, then — only when the address is accepted — the code
   * to it as sendEmailCode sends it, under the send's key; answers the check.
   */
  checkNewLoginIdAndSendCode(input: {
    key: string;
    changeId: string;
    memberId: string;
    newLoginId: string;
    limits: LoginIdChangeLimits;
  }): Promise<NewLoginIdCheck>;
  /** Steps 2 and 4: checks (and on success consumes) a code; the outcome is recorded under the key. */
  checkCode(input: { key: string; changeId: string; step: CodeStep; code: string }): Promise<CodeCheck>;
  resendCode(input: { key: string; changeId: string; memberId: string; step: CodeStep; limits: LoginIdChangeLimits }): Promise<ResendOutcome>;
  /** Step 5: the login ID changes in one transaction; other sessions revoked; audit event. */
  commitLoginIdChange(input: { key: string; changeId: string; memberId: string; sessionId: string; newLoginId: string }): Promise<CommitOutcome>;
  /** After the commit: the old address (with the "this wasn't me" token) and the new one are told. */
  notifyLoginIdChanged(input: { key: string; changeId: string; memberId: string }): Promise<void>;
  /** A change that ends without a commit: pending codes forgotten, audit event. */
  closeLoginIdChange(input: { key: string; changeId: string; memberId: string; outcome: LoginIdChangeClosing; reason: string | null }): Promise<void>;
}

/** The I/O of the review workflow; every one idempotent for its application and transition. */
export interface RequiredInfoApplicationActivities {
  /**
   * The workflow's first step: inserts the application's row keyed by its ID and links the documents
   * the API stored; 'ALREADY_OPEN' (and the documents discarded) when the member has another open one.
   */
  createApplication(input: {
    applicationId: string;
    memberId: string;
    fourEyes: boolean;
    submission: ApplicationSubmission;
  }): Promise<'CREATED' | 'ALREADY_OPEN'>;
  /** Flags the application overdue in the queue, only while it is still in `status` (no message: that is a notice). */
  markApplicationOverdue(input: { applicationId: string; status: ApplicationStatus; since: string }): Promise<void>;
  /** Sends one queued notice (to the member, or to reviewers) once per key; logs and counts attempts that keep failing. */
  sendApplicationNotice(notice: ApplicationNotice): Promise<void>;
  /** Writes a transition to the read model (row, history, audit) unless already written. */
  recordApplicationTransition(transition: ApplicationTransition): Promise<void>;
  /** Approval: the requested values applied to the member, in the same transaction as the transition. */
  approveApplication(transition: ApplicationTransition): Promise<void>;
  /** Legacy (histories before the durable-review patch): flags overdue and reminds the reviewers inline. */
  flagApplicationOverdue(input: { applicationId: string; status: ApplicationStatus; since: string }): Promise<void>;
  /** Legacy (histories before the durable-review patch): tells the member, in their language, once per event. */
  notifyApplicant(input: { applicationId: string; notice: MemberNotice; key: string }): Promise<void>;
}
