import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  CancelledFailure,
  condition,
  currentUpdateInfo,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  TemporalFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LoginIdChangeActivities } from '../activities.js';
import { refuse } from '../refuse.js';
import { FLOW_STATUS } from '../search-attributes.js';
import {
  activityKey,
  cancelChange,
  changeStatus,
  CODE_SEND_MAX_ATTEMPTS,
  confirmChange,
  DEFAULT_ACTIVITY_TIMEOUT_SECONDS,
  identityCodeSent,
  LOGIN_ID_CHANGE_V2_PATCH,
  LOGIN_ID_CHANGE_V3_PATCH,
  resendCode,
  submitEmailCode,
  submitIdentityCode,
  submitNewLoginId,
  TERMINAL_STATUSES,
  type CodeCheck,
  type CodeStep,
  type LoginIdChangeClosing,
  type LoginIdChangeInput,
  type LoginIdChangeStatus,
  type LoginIdChangeView,
} from './login-id-change.contract.js';
import { WorkflowLock } from '../workflow-lock.js';

// Kept here too: the API and older imports name the definitions through this module.
export { cancelChange, changeStatus, confirmChange, identityCodeSent, resendCode, submitEmailCode, submitIdentityCode, submitNewLoginId };

const UNSENDABLE = 'The code cannot be sent right now; try again in a few minutes';

/**
 * Change login ID (email), as the portal's five steps:
 *   1. identity check — the API has checked the current password and the registered mobile number;
 *      a code goes to that phone by SMS;
 *   2. the member enters the SMS code;
 *   3. the member enters the new email address; a code goes to it;
 *   4. the member enters the email code;
 *   5. the member confirms: the login ID changes, other sessions are revoked, both addresses are told.
 * Every member action is an Update (validated against the current step); status is a Query.
 * One change per member (workflow ID `login-id-change:<memberId>`); the whole change expires.
 *
 * Since LOGIN_ID_CHANGE_V2_PATCH: member actions, cancel and expiry run one at a time under a lock
 * (a second action waits instead of being refused as busy, and finds the state the first left), so
 * a cancel or the deadline can never overtake a commit; every activity gets a key of its own; a
 * code that cannot be sent after a few attempts is refused as SERVICE_UNAVAILABLE at once.
 *
 * Since LOGIN_ID_CHANGE_V3_PATCH: a step's own activities (code sends and checks, the new address's
 * check and its code in one, the commit) run as local activities — in the worker, inside the workflow task that carries
 * the member's Update, their results recorded as markers — instead of a round trip through the server
 * each. Their keys make a re-run after a crash (the whole workflow task runs again) return what the
 * first run did, as for a retried scheduled activity. The closing notices stay scheduled activities:
 * they may retry for long (a mail server down) and must not hold a workflow task.
 */
export async function loginIdChangeWorkflow(input: LoginIdChangeInput): Promise<LoginIdChangeView> {
  const { changeId, memberId, limits } = input;
  // v3 includes v2. A new change records the v3 marker alone (each marker costs a history event and
  // a search-attribute upsert); a v2 history replays its v2 marker, a v1 history neither.
  const v3 = patched(LOGIN_ID_CHANGE_V3_PATCH);
  const v2 = v3 || patched(LOGIN_ID_CHANGE_V2_PATCH);
  const timeout = `${limits.activityTimeoutSeconds ?? DEFAULT_ACTIVITY_TIMEOUT_SECONDS} seconds`;
  // Each activity is a short database or outbox operation: a lost one (worker crash) is retried soon.
  const activities = proxyActivities<LoginIdChangeActivities>({
    startToCloseTimeout: timeout,
    retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
  });
  // Code sends are bounded (v2): a member waits seconds for a refusal, never for a late code.
  const sends = v2
    ? proxyActivities<LoginIdChangeActivities>({
        startToCloseTimeout: timeout,
        retry: { initialInterval: '1 second', maximumInterval: '2 seconds', maximumAttempts: CODE_SEND_MAX_ATTEMPTS },
      })
    : activities;
  // v3: the same two retry policies, as local activities for the steps.
  const local = v3
    ? proxyLocalActivities<LoginIdChangeActivities>({ startToCloseTimeout: timeout, retry: { initialInterval: '1 second', maximumInterval: '10 seconds' } })
    : activities;
  const localSends = v3
    ? proxyLocalActivities<LoginIdChangeActivities>({
        startToCloseTimeout: timeout,
        retry: { initialInterval: '1 second', maximumInterval: '2 seconds', maximumAttempts: CODE_SEND_MAX_ATTEMPTS },
      })
    : sends;

  const startedAt = new Date(workflowInfo().startTime);
  const expiresAt = new Date(startedAt.getTime() + limits.wholeChangeSeconds * 1_000);
  let status = 'AWAITING_IDENTITY_CODE' as LoginIdChangeStatus;
  let newLoginId: string | null = null;
  let failureCode: string | null = null;
  let firstCodeSent = false;
  let busy = false;
  const lock = new WorkflowLock();
  // Numbers of the keyed activities: a new send or check is a new key, a retry of one keeps it.
  const sent: Record<CodeStep, number> = { IDENTITY: 0, EMAIL: 0 };
  const checked: Record<CodeStep, number> = { IDENTITY: 0, EMAIL: 0 };
  let newLoginIdAttempts = 0;

  const view = (): LoginIdChangeView => ({
    changeId,
    status,
    newLoginId,
    failureCode,
    startedAt: startedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  const isOver = () => TERMINAL_STATUSES.includes(status);
  const moveTo = (next: LoginIdChangeStatus) => {
    status = next;
    upsertSearchAttributes([{ key: FLOW_STATUS, value: next }]);
  };
  const refuseUnlessAt = (steps: readonly LoginIdChangeStatus[]) => {
    if (!steps.includes(status)) throw refuse('INVALID_STATE', `The change is ${status}`, { currentStatus: status });
  };
  const expectStep =
    (...steps: LoginIdChangeStatus[]) =>
    (..._args: unknown[]) => {
      if (!v2 && busy) throw refuse('INVALID_STATE', 'Another action on this change is in progress');
      refuseUnlessAt(steps);
    };
  // Runs one member action at a time; a refusal fails the Update, not the workflow. In v2 an action
  // that waited for the lock checks the step again: the action before it may have moved the change.
  // The action gets `ofThisUpdate` for the keys of activities on the Update's input (v3; v2 keeps its keys).
  const act = async (steps: readonly LoginIdChangeStatus[], action: (ofThisUpdate: (key: string) => string) => Promise<void>): Promise<LoginIdChangeView> => {
    // Read as the handler starts, not behind the lock: the Update this action answers.
    const updateId = v3 ? currentUpdateInfo()?.id : undefined;
    const ofThisUpdate = (key: string) => (updateId === undefined ? key : activityKey.ofUpdate(key, updateId));
    if (v2) {
      return lock.run(async () => {
        refuseUnlessAt(steps);
        await action(ofThisUpdate);
        return view();
      });
    }
    busy = true;
    try {
      await action(ofThisUpdate);
    } finally {
      busy = false;
    }
    return view();
  };
  const applyCodeCheck = (check: CodeCheck) => {
    if (check.ok) return;
    if (check.code === 'TOO_MANY_ATTEMPTS') {
      failureCode = check.code;
      moveTo('FAILED');
    }
    throw refuse(check.code, check.code === 'TOO_MANY_ATTEMPTS' ? 'Too many wrong codes: the change has failed' : 'The code is not correct', {
      attemptsRemaining: check.code === 'VERIFICATION_CODE_INVALID' ? check.attemptsRemaining : undefined,
    });
  };
  const checkCode = (step: CodeStep, code: string, ofThisUpdate: (key: string) => string) =>
    local.checkCode({ key: ofThisUpdate(activityKey.check(changeId, step, ++checked[step])), changeId, step, code });
  const codeStep = (): CodeStep => (status === 'AWAITING_IDENTITY_CODE' ? 'IDENTITY' : 'EMAIL');
  // A send that failed all its attempts: the member hears it now (503), not from a late message.
  // A failure a local activity threw reaches the workflow as its own ApplicationFailure, not wrapped
  // in an ActivityFailure as a scheduled one's is (its timeout does come as an ActivityFailure).
  const sendFailed = (error: unknown) =>
    v2 && (error instanceof ActivityFailure || (v3 && error instanceof TemporalFailure && !(error instanceof CancelledFailure)));
  const unsendable = (error: unknown) => (sendFailed(error) ? refuse('SERVICE_UNAVAILABLE', UNSENDABLE) : error);

  setHandler(changeStatus, view);
  setHandler(identityCodeSent, async () => {
    await condition(() => firstCodeSent || isOver());
    if (!firstCodeSent && failureCode === 'SERVICE_UNAVAILABLE') throw refuse('SERVICE_UNAVAILABLE', UNSENDABLE);
    return view();
  });
  const identityStep = ['AWAITING_IDENTITY_CODE'] as const;
  setHandler(
    submitIdentityCode,
    (code) =>
      act(identityStep, async (ofThisUpdate) => {
        applyCodeCheck(await checkCode('IDENTITY', code, ofThisUpdate));
        if (!isOver()) moveTo('AWAITING_NEW_LOGIN_ID');
      }),
    { validator: expectStep(...identityStep) },
  );
  const newLoginIdStep = ['AWAITING_NEW_LOGIN_ID'] as const;
  setHandler(
    submitNewLoginId,
    (requested) =>
      act(newLoginIdStep, async (ofThisUpdate) => {
        if (v3) {
          // One local activity: the check, and the code only to an accepted address.
          let accepted;
          try {
            accepted = await localSends.checkNewLoginIdAndSendCode({
              key: ofThisUpdate(activityKey.send(changeId, 'EMAIL', ++sent.EMAIL)),
              changeId,
              memberId,
              newLoginId: requested,
              limits,
            });
          } catch (error) {
            // The check's own refusal (a member who is gone: NOT_FOUND) is answered as v2 answered it.
            throw error instanceof ApplicationFailure && error.nonRetryable ? error : unsendable(error);
          }
          if (!accepted.ok) throw refuse(accepted.code, accepted.message);
          newLoginId = accepted.loginId;
          if (!isOver()) moveTo('AWAITING_EMAIL_CODE');
          return;
        }
        const check = await activities.checkNewLoginId({ key: activityKey.newLoginId(changeId, ++newLoginIdAttempts), memberId, newLoginId: requested });
        if (!check.ok) throw refuse(check.code, check.message);
        if (isOver()) return;
        try {
          await sends.sendEmailCode({ key: activityKey.send(changeId, 'EMAIL', ++sent.EMAIL), changeId, memberId, newLoginId: check.loginId, limits });
        } catch (error) {
          throw unsendable(error);
        }
        newLoginId = check.loginId;
        if (!isOver()) moveTo('AWAITING_EMAIL_CODE');
      }),
    { validator: expectStep(...newLoginIdStep) },
  );
  const emailStep = ['AWAITING_EMAIL_CODE'] as const;
  setHandler(
    submitEmailCode,
    (code) =>
      act(emailStep, async (ofThisUpdate) => {
        applyCodeCheck(await checkCode('EMAIL', code, ofThisUpdate));
        if (!isOver()) moveTo('AWAITING_CONFIRMATION');
      }),
    { validator: expectStep(...emailStep) },
  );
  const confirmStep = ['AWAITING_CONFIRMATION'] as const;
  setHandler(
    confirmChange,
    () =>
      act(confirmStep, async () => {
        const outcome = await local.commitLoginIdChange({
          key: activityKey.commit(changeId),
          changeId,
          memberId,
          sessionId: input.sessionId,
          newLoginId: newLoginId!,
        });
        if (outcome.ok) {
          moveTo('COMPLETED');
          return;
        }
        failureCode = outcome.code;
        moveTo('FAILED');
        throw refuse(outcome.code, 'Another member took this address in the meantime; your login ID is unchanged');
      }),
    { validator: expectStep(...confirmStep) },
  );
  const codeSteps = ['AWAITING_IDENTITY_CODE', 'AWAITING_EMAIL_CODE'] as const;
  setHandler(
    resendCode,
    () =>
      act(codeSteps, async () => {
        const step = codeStep();
        let outcome;
        try {
          outcome = await localSends.resendCode({ key: activityKey.send(changeId, step, ++sent[step]), changeId, memberId, step, limits });
        } catch (error) {
          throw unsendable(error);
        }
        if (outcome.ok) return;
        throw outcome.code === 'TOO_MANY_REQUESTS'
          ? refuse(outcome.code, 'A new code can be sent a little later', { retryAfterSeconds: outcome.retryAfterSeconds })
          : refuse(outcome.code, 'No more codes can be sent for this change');
      }),
    { validator: expectStep(...codeSteps) },
  );
  const openSteps = ['AWAITING_IDENTITY_CODE', 'AWAITING_NEW_LOGIN_ID', 'AWAITING_EMAIL_CODE', 'AWAITING_CONFIRMATION'] as const;
  setHandler(
    cancelChange,
    async () => {
      // v2: behind the lock, so a cancel sent during a confirm waits for it and then finds COMPLETED.
      if (v2) return act(openSteps, async () => moveTo('CANCELLED'));
      moveTo('CANCELLED');
      return view();
    },
    {
      validator: () => {
        if (isOver()) throw refuse('INVALID_STATE', `The change is ${status}`, { currentStatus: status });
      },
    },
  );

  // 1. Identity check: the SMS code to the registered mobile phone.
  try {
    await localSends.sendIdentityCode({ key: activityKey.send(changeId, 'IDENTITY', ++sent.IDENTITY), changeId, memberId, limits });
    firstCodeSent = true;
  } catch (error) {
    if (!sendFailed(error)) throw error;
    failureCode = 'SERVICE_UNAVAILABLE';
    moveTo('FAILED');
  }

  // 2–5 happen in the Update handlers above; here the change waits for its end or its deadline.
  const ended = await condition(isOver, Math.max(0, expiresAt.getTime() - Date.now()));
  if (!ended) {
    // v2: the deadline takes its turn like an action: a commit in flight finishes first and wins.
    if (v2) await lock.run(async () => (isOver() ? undefined : moveTo('EXPIRED')));
    else moveTo('EXPIRED');
  }
  // Let a handler that is mid-activity (or waiting for the lock) finish before the workflow closes.
  await condition(allHandlersFinished);

  if (status === 'COMPLETED') {
    await activities.notifyLoginIdChanged({ key: activityKey.notify(changeId), changeId, memberId });
  } else {
    await activities.closeLoginIdChange({ key: activityKey.close(changeId), changeId, memberId, outcome: status as LoginIdChangeClosing, reason: failureCode });
  }
  return view();
}
