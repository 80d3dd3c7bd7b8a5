import { allHandlersFinished, condition, log, patched, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { RequiredInfoApplicationActivities } from '../activities.js';
import { refuse } from '../refuse.js';
import { FLOW_STATUS } from '../search-attributes.js';
import {
  DECIDED_STATUSES,
  REVIEW_REFUSAL,
  applicationStatus,
  applicationSubmitted,
  approveApplication,
  claimApplication,
  documentsAdded,
  reassignApplication,
  rejectApplication,
  releaseApplication,
  requestInformation,
  withdrawApplication,
  type ApplicationActor,
  type ApplicationFlowView,
  type ApplicationNotice,
  type ApplicationStatus,
  type ApplicationWorkflowInput,
  type MemberNotice,
} from './application.contract.js';
import { legacyReviewWorkflow } from './legacy-review.workflow.js';
import { SerialLock } from './serial-lock.js';

/**
 * The versioning marker of this workflow's durable shape (row written by the workflow, notices
 * queued, mutex, four eyes). Histories without it were started by the earlier code and replay
 * through `legacyReviewWorkflow`. README "Workflow versioning" states the rule.
 */
export const DURABLE_REVIEW_PATCH = 'durable-review-v1';

/** The row and its transitions: short attempts, retried until the database answers; refusals are final. */
const writes = proxyActivities<RequiredInfoApplicationActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 seconds' },
});

/**
 * Notices have their own policy: a missing SMTP server is retried (never in a reviewer's click), the
 * activity logs and counts attempts that keep failing; a refusal (bad recipient) is dropped and logged.
 */
const notices = proxyActivities<RequiredInfoApplicationActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

const NOTICE_FOR: Partial<Record<ApplicationStatus, MemberNotice>> = {
  INFO_REQUESTED: 'INFO_REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
};

/**
 * Change of required information, reviewed by a person (product.md §5):
 *   (row written by the first activity) SUBMITTED → IN_REVIEW (claimed) → APPROVED | REJECTED | INFO_REQUESTED;
 *   four eyes (configured fields): IN_REVIEW → AWAITING_SECOND_APPROVAL on the first approval, then a
 *   different reviewer claims it and approves (APPLIED) or rejects;
 *   INFO_REQUESTED → SUBMITTED when the member adds documents, or EXPIRED when unanswered;
 *   WITHDRAWN by the member at any time before the final decision.
 * Each action is an Update: validated against the state, then run under one lock (actions queue, they
 * are never refused as busy), it persists its transition and returns. Notices are queued and sent by
 * a separate loop, so a failing mail server never delays an action or a deadline.
 */
export async function requiredInfoApplicationWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationFlowView> {
  if (!patched(DURABLE_REVIEW_PATCH)) return legacyReviewWorkflow(input);
  return durableReview(input);
}

async function durableReview(input: ApplicationWorkflowInput): Promise<ApplicationFlowView> {
  const { applicationId, memberId, deadlines } = input;
  const fourEyes = input.fourEyes === true;
  let status = 'SUBMITTED' as ApplicationStatus;
  let statusSince = new Date(workflowInfo().startTime);
  let claimedBy: string | null = null;
  let firstApprovedBy: string | null = null;
  let overdue = false;
  let transitions = 0;
  // Set once by the first activity; the handlers read it before (they refuse until the row exists).
  let created = undefined as 'CREATED' | 'ALREADY_OPEN' | undefined;
  let finished = false;
  const outbox: ApplicationNotice[] = [];
  const lock = new SerialLock();

  const view = (): ApplicationFlowView => ({ applicationId, status, claimedBy, overdue, statusSince: statusSince.toISOString(), firstApprovedBy });
  const isDecided = () => DECIDED_STATUSES.includes(status);

  /** Persists one transition (the activity is keyed by it), then moves the state and queues the member's notice. */
  const transition = async (
    to: ApplicationStatus,
    actor: ApplicationActor,
    extra: { claimedBy?: string | null; note?: string | null; firstApprovedBy?: string | null; auditAction?: string } = {},
  ): Promise<ApplicationFlowView> => {
    const key = `${applicationId}:${transitions + 1}`;
    const at = new Date();
    const nextClaim = extra.claimedBy !== undefined ? extra.claimedBy : claimedBy;
    const nextFirst = extra.firstApprovedBy !== undefined ? extra.firstApprovedBy : firstApprovedBy;
    const write = {
      applicationId,
      key,
      from: status,
      to,
      actor,
      at: at.toISOString(),
      claimedBy: nextClaim,
      note: extra.note ?? null,
      firstApprovedBy: nextFirst,
      ...(extra.auditAction ? { auditAction: extra.auditAction } : {}),
    };
    await (to === 'APPROVED' ? writes.approveApplication(write) : writes.recordApplicationTransition(write));
    transitions += 1;
    status = to;
    statusSince = at;
    overdue = false;
    claimedBy = nextClaim;
    firstApprovedBy = nextFirst;
    upsertSearchAttributes([{ key: FLOW_STATUS, value: to }]);
    const notice = NOTICE_FOR[to];
    if (notice) outbox.push({ kind: 'applicant', applicationId, notice, key });
    return view();
  };

  const expectCreated = () => {
    if (created !== 'CREATED') throw refuse(REVIEW_REFUSAL.NOT_FOUND, 'No such application');
  };
  const expect = (...statuses: ApplicationStatus[]) => {
    expectCreated();
    if (!statuses.includes(status)) throw refuse(REVIEW_REFUSAL.INVALID_STATE, `The application is ${status}`, { currentStatus: status });
  };
  const expectClaimant = (reviewerId: string, ...statuses: ApplicationStatus[]) => {
    expect(...statuses);
    if (claimedBy !== reviewerId) throw refuse(REVIEW_REFUSAL.FORBIDDEN, 'Only the reviewer who claimed the application can do this');
  };
  const expectNotFirstApprover = (reviewerId: string | null) => {
    if (status === 'AWAITING_SECOND_APPROVAL' && reviewerId !== null && reviewerId === firstApprovedBy) {
      throw refuse(REVIEW_REFUSAL.FOUR_EYES_REQUIRED, 'The second approval must come from a different reviewer than the first');
    }
  };
  const expectApplicant = (id: string) => {
    if (id !== memberId) throw refuse(REVIEW_REFUSAL.NOT_FOUND, 'No such application');
  };
  const expectNote = (field: 'reason' | 'message', value: unknown, message: string) => {
    if (typeof value !== 'string' || value.trim() === '')
      throw refuse(REVIEW_REFUSAL.VALIDATION_FAILED, message, { errors: [{ field, rules: ['isNotEmpty'] }] });
  };
  const reviewer = (id: string): ApplicationActor => ({ type: 'REVIEWER', id });
  const member: ApplicationActor = { type: 'MEMBER', id: memberId };

  /**
   * An action: its check runs as the Update's validator (a refusal never enters history) and again
   * under the lock, because an action queued before it may have moved the state meanwhile.
   */
  const action = <Args extends unknown[]>(check: (...args: Args) => void, run: (...args: Args) => Promise<ApplicationFlowView>) => ({
    handler: (...args: Args) =>
      lock.run(async () => {
        check(...args);
        return run(...args);
      }),
    validator: check,
  });

  const claim = action(
    (reviewerId: string) => {
      expect('SUBMITTED', 'AWAITING_SECOND_APPROVAL');
      if (claimedBy !== null) throw refuse(REVIEW_REFUSAL.INVALID_STATE, 'Another reviewer has claimed the application', { currentStatus: status });
      expectNotFirstApprover(reviewerId);
    },
    (reviewerId) => transition(status === 'SUBMITTED' ? 'IN_REVIEW' : 'AWAITING_SECOND_APPROVAL', reviewer(reviewerId), { claimedBy: reviewerId }),
  );
  setHandler(claimApplication, claim.handler, { validator: claim.validator });

  const release = action(
    (reviewerId: string) => expectClaimant(reviewerId, 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL'),
    (reviewerId) => transition(status === 'IN_REVIEW' ? 'SUBMITTED' : 'AWAITING_SECOND_APPROVAL', reviewer(reviewerId), { claimedBy: null }),
  );
  setHandler(releaseApplication, release.handler, { validator: release.validator });

  const approve = action(
    (reviewerId: string) => {
      expect('IN_REVIEW', 'AWAITING_SECOND_APPROVAL');
      // Checked before the claim: the first approver is told why, even without a claim.
      expectNotFirstApprover(reviewerId);
      expectClaimant(reviewerId, 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL');
    },
    (reviewerId) =>
      status === 'IN_REVIEW' && fourEyes
        ? transition('AWAITING_SECOND_APPROVAL', reviewer(reviewerId), {
            claimedBy: null,
            firstApprovedBy: reviewerId,
            note: 'First approval; a second reviewer must approve',
          })
        : transition('APPROVED', reviewer(reviewerId)),
  );
  setHandler(approveApplication, approve.handler, { validator: approve.validator });

  const reject = action(
    (reviewerId: string, reason: string) => {
      expectClaimant(reviewerId, 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL');
      expectNote('reason', reason, 'A rejection needs a reason');
    },
    (reviewerId, reason) => transition('REJECTED', reviewer(reviewerId), { note: reason.trim() }),
  );
  setHandler(rejectApplication, reject.handler, { validator: reject.validator });

  const askInformation = action(
    (reviewerId: string, message: string) => {
      expectClaimant(reviewerId, 'IN_REVIEW');
      expectNote('message', message, 'Say what information is needed');
    },
    (reviewerId, message) => transition('INFO_REQUESTED', reviewer(reviewerId), { claimedBy: null, note: message.trim() }),
  );
  setHandler(requestInformation, askInformation.handler, { validator: askInformation.validator });

  const reassign = action(
    (_adminId: string, reviewerId: string | null) => {
      expect('IN_REVIEW', 'AWAITING_SECOND_APPROVAL');
      if (claimedBy === null) throw refuse(REVIEW_REFUSAL.INVALID_STATE, 'Nobody holds a claim on the application', { currentStatus: status });
      if (reviewerId === claimedBy) throw refuse(REVIEW_REFUSAL.INVALID_STATE, 'That reviewer already holds the claim', { currentStatus: status });
      expectNotFirstApprover(reviewerId);
    },
    async (adminId, reviewerId) => {
      const previous = claimedBy!;
      const to = reviewerId === null && status === 'IN_REVIEW' ? 'SUBMITTED' : status;
      const result = await transition(to, reviewer(adminId), {
        claimedBy: reviewerId,
        note: reviewerId === null ? 'Claim freed by an administrator' : 'Claim reassigned by an administrator',
        auditAction: reviewerId === null ? 'APPLICATION_CLAIM_FREED' : 'APPLICATION_CLAIM_REASSIGNED',
      });
      outbox.push({
        kind: 'claim-reassigned',
        applicationId,
        reviewerId: previous,
        newClaimantId: reviewerId,
        key: `claim-reassigned:${applicationId}:${transitions}`,
      });
      return result;
    },
  );
  setHandler(reassignApplication, reassign.handler, { validator: reassign.validator });

  const addDocuments = action(
    (id: string) => {
      expectApplicant(id);
      expect('INFO_REQUESTED');
    },
    () => transition('SUBMITTED', member),
  );
  setHandler(documentsAdded, addDocuments.handler, { validator: addDocuments.validator });

  const withdraw = action(
    (id: string) => {
      expectApplicant(id);
      expect('SUBMITTED', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'INFO_REQUESTED');
    },
    () => transition('WITHDRAWN', member, { claimedBy: null }),
  );
  setHandler(withdrawApplication, withdraw.handler, { validator: withdraw.validator });

  setHandler(applicationStatus, view);
  // The submission's own Update (update-with-start): answers when the row exists.
  setHandler(applicationSubmitted, async () => {
    await condition(() => created !== undefined);
    if (created === 'ALREADY_OPEN')
      throw refuse(REVIEW_REFUSAL.APPLICATION_ALREADY_OPEN, 'You already have an open application; wait for its decision or withdraw it');
    return view();
  });

  // Notices go out one by one beside the main loop; the workflow ends only when they are all out.
  const sending = (async () => {
    for (;;) {
      await condition(() => outbox.length > 0 || finished);
      const notice = outbox[0];
      if (!notice) return;
      try {
        await notices.sendApplicationNotice(notice);
      } catch (error) {
        // Only a refusal ends the retries (the activity's retry policy has no limit): logged, dropped.
        log.warn('application notice dropped', { applicationId, kind: notice.kind, key: notice.key, error: (error as Error).message });
      }
      outbox.shift();
    }
  })();

  if (!input.submission) throw refuse(REVIEW_REFUSAL.INVALID_STATE, 'The workflow was started without its submission');
  created = await writes.createApplication({ applicationId, memberId, fourEyes, submission: input.submission });
  if (created === 'ALREADY_OPEN') {
    upsertSearchAttributes([{ key: FLOW_STATUS, value: 'NOT_CREATED' }]);
    finished = true;
    await condition(allHandlersFinished);
    return view();
  }
  outbox.push({ kind: 'applicant', applicationId, notice: 'SUBMITTED', key: `${applicationId}:0` });

  // Each status has its deadline, counted from when the application entered it.
  while (!isDecided()) {
    const period = transitions;
    const current = status;
    const limitSeconds =
      current === 'SUBMITTED' ? deadlines.unclaimedSeconds : current === 'INFO_REQUESTED' ? deadlines.infoRequestSeconds : deadlines.inReviewSeconds;
    const remainingMs = statusSince.getTime() + limitSeconds * 1_000 - Date.now();
    if (await condition(() => transitions !== period, Math.max(0, remainingMs))) continue;
    if (overdue) {
      await condition(() => transitions !== period);
      continue;
    }
    // Under the lock: an action queued first wins, and the deadline then belongs to the old period.
    try {
      await lock.run(async () => {
        if (transitions !== period) return;
        if (current === 'INFO_REQUESTED') {
          await transition('EXPIRED', { type: 'SYSTEM', id: null }, { claimedBy: null, note: 'No answer to the information request in time' });
          return;
        }
        const since = statusSince.toISOString();
        await writes.markApplicationOverdue({ applicationId, status: current, since });
        overdue = true;
        outbox.push({ kind: 'overdue-reminder', applicationId, status: current, since, key: `review-overdue:${applicationId}:${current}:${since}` });
      });
    } catch (error) {
      // A refused write (the row disagrees): the workflow stays up for the reviewers; logged, and
      // this period's deadline is not tried again.
      log.error('review deadline not applied', { applicationId, status: current, error: (error as Error).message });
      overdue = true;
    }
  }
  finished = true;
  await sending;
  await condition(allHandlersFinished);
  return view();
}
