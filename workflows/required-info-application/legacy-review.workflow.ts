import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { RequiredInfoApplicationActivities } from '../activities.js';
import { refuse } from '../refuse.js';
import { FLOW_STATUS } from '../search-attributes.js';
import {
  DECIDED_STATUSES,
  type ApplicationActor,
  type ApplicationFlowView,
  type ApplicationStatus,
  type ApplicationWorkflowInput,
  type MemberNotice,
} from './application.types.js';
import {
  applicationStatus,
  approveApplication,
  claimApplication,
  documentsAdded,
  rejectApplication,
  releaseApplication,
  requestInformation,
  withdrawApplication,
} from './application.contract.js';

const activities = proxyActivities<RequiredInfoApplicationActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

const NOTICE_FOR: Partial<Record<ApplicationStatus, MemberNotice>> = {
  INFO_REQUESTED: 'INFO_REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  EXPIRED: 'EXPIRED',
};

/**
 * The review workflow as it ran before the `durable-review` patch (commit 29ef112), kept verbatim so
 * that histories started by it replay: the Updates awaited the write and the notice inline.
 * Only `requiredInfoApplicationWorkflow` calls it, when `patched()` says the history predates the patch.
 * Remove once no workflow started before the patch is open (then `deprecatePatch`).
 *
 * Change of required information, reviewed by a person (product.md §5):
 *   SUBMITTED → IN_REVIEW (a reviewer claimed it) → APPROVED | REJECTED | INFO_REQUESTED;
 *   INFO_REQUESTED → SUBMITTED when the member adds documents, or EXPIRED when unanswered;
 *   WITHDRAWN by the member at any time before a decision.
 * Unclaimed or in-review too long: flagged overdue and reviewers reminded. Every action is an
 * Update validated against the state (only the claimant decides; a rejection needs a reason);
 * the workflow is the only writer of the application's transitions.
 */
export async function legacyReviewWorkflow(input: ApplicationWorkflowInput): Promise<ApplicationFlowView> {
  const { applicationId, memberId, deadlines } = input;
  let status = 'SUBMITTED' as ApplicationStatus;
  let statusSince = new Date(workflowInfo().startTime);
  let claimedBy: string | null = null;
  let overdue = false;
  let transitions = 0;
  let busy = false;

  const view = (): ApplicationFlowView => ({ applicationId, status, claimedBy, overdue, statusSince: statusSince.toISOString() });
  const isDecided = () => DECIDED_STATUSES.includes(status);

  /** Moves to `to` at once (so a concurrent action sees it), then persists it and tells the member. */
  const transition = async (to: ApplicationStatus, actor: ApplicationActor, extra: { claimedBy?: string | null; note?: string | null } = {}) => {
    const from = status;
    transitions += 1;
    const key = `${applicationId}:${transitions}`;
    status = to;
    statusSince = new Date();
    overdue = false;
    if (extra.claimedBy !== undefined) claimedBy = extra.claimedBy;
    upsertSearchAttributes([{ key: FLOW_STATUS, value: to }]);
    busy = true;
    try {
      const write = { applicationId, key, from, to, actor, at: statusSince.toISOString(), claimedBy, note: extra.note ?? null };
      await (to === 'APPROVED' ? activities.approveApplication(write) : activities.recordApplicationTransition(write));
      const notice = NOTICE_FOR[to];
      if (notice) await activities.notifyApplicant({ applicationId, notice, key });
    } finally {
      busy = false;
    }
    return view();
  };

  const expect = (...statuses: ApplicationStatus[]) => {
    if (busy) throw refuse('INVALID_STATE', 'Another action on this application is in progress');
    if (!statuses.includes(status)) throw refuse('INVALID_STATE', `The application is ${status}`, { currentStatus: status });
  };
  const expectClaimant = (reviewerId: string) => {
    expect('IN_REVIEW');
    if (claimedBy !== reviewerId) throw refuse('FORBIDDEN', 'Only the reviewer who claimed the application can do this');
  };
  const expectApplicant = (id: string) => {
    if (id !== memberId) throw refuse('NOT_FOUND', 'No such application');
  };
  const reviewer = (id: string): ApplicationActor => ({ type: 'REVIEWER', id });
  const member: ApplicationActor = { type: 'MEMBER', id: memberId };

  setHandler(applicationStatus, view);
  setHandler(claimApplication, (reviewerId) => transition('IN_REVIEW', reviewer(reviewerId), { claimedBy: reviewerId }), {
    validator: (_reviewerId: string) => expect('SUBMITTED'),
  });
  setHandler(releaseApplication, (reviewerId) => transition('SUBMITTED', reviewer(reviewerId), { claimedBy: null }), {
    validator: expectClaimant,
  });
  setHandler(approveApplication, (reviewerId) => transition('APPROVED', reviewer(reviewerId)), { validator: expectClaimant });
  setHandler(rejectApplication, (reviewerId, reason) => transition('REJECTED', reviewer(reviewerId), { note: reason.trim() }), {
    validator: (reviewerId, reason) => {
      expectClaimant(reviewerId);
      if (typeof reason !== 'string' || reason.trim() === '')
        throw refuse('VALIDATION_FAILED', 'A rejection needs a reason', { errors: [{ field: 'reason', rules: ['isNotEmpty'] }] });
    },
  });
  setHandler(requestInformation, (reviewerId, message) => transition('INFO_REQUESTED', reviewer(reviewerId), { claimedBy: null, note: message.trim() }), {
    validator: (reviewerId, message) => {
      expectClaimant(reviewerId);
      if (typeof message !== 'string' || message.trim() === '')
        throw refuse('VALIDATION_FAILED', 'Say what information is needed', { errors: [{ field: 'message', rules: ['isNotEmpty'] }] });
    },
  });
  setHandler(documentsAdded, () => transition('SUBMITTED', member), {
    validator: (id) => {
      expectApplicant(id);
      expect('INFO_REQUESTED');
    },
  });
  setHandler(withdrawApplication, () => transition('WITHDRAWN', member, { claimedBy: null }), {
    validator: (id) => {
      expectApplicant(id);
      expect('SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED');
    },
  });

  await activities.notifyApplicant({ applicationId, notice: 'SUBMITTED', key: `${applicationId}:0` });

  // Each status has its deadline, counted from when the application entered it.
  while (!isDecided()) {
    const period = transitions;
    const current = status;
    const limitSeconds =
      current === 'SUBMITTED' ? deadlines.unclaimedSeconds : current === 'IN_REVIEW' ? deadlines.inReviewSeconds : deadlines.infoRequestSeconds;
    const remainingMs = statusSince.getTime() + limitSeconds * 1_000 - Date.now();
    const moved = await condition(() => transitions !== period && !busy, Math.max(0, remainingMs));
    if (moved) continue;
    await condition(() => !busy);
    if (transitions !== period) continue;
    if (current === 'INFO_REQUESTED') {
      await transition('EXPIRED', { type: 'SYSTEM', id: null }, { note: 'No answer to the information request in time' });
    } else if (!overdue) {
      overdue = true;
      await activities.flagApplicationOverdue({ applicationId, status: current, since: statusSince.toISOString() });
      await condition(() => transitions !== period && !busy);
    }
  }
  await condition(allHandlersFinished);
  return view();
}
