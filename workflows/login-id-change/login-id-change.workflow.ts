import {
  allHandlersFinished,
  condition,
  defineQuery,
  defineUpdate,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { LoginIdChangeActivities } from '../activities.js';
import { refuse } from '../refuse.js';
import { FLOW_STATUS } from '../search-attributes.js';
import {
  TERMINAL_STATUSES,
  type CodeCheck,
  type CodeStep,
  type LoginIdChangeClosing,
  type LoginIdChangeInput,
  type LoginIdChangeStatus,
  type LoginIdChangeView,
} from './login-id-change.types.js';

export const identityCodeSent = defineUpdate<LoginIdChangeView>('identityCodeSent');
export const submitIdentityCode = defineUpdate<LoginIdChangeView, [code: string]>('submitIdentityCode');
export const submitNewLoginId = defineUpdate<LoginIdChangeView, [newLoginId: string]>('submitNewLoginId');
export const submitEmailCode = defineUpdate<LoginIdChangeView, [code: string]>('submitEmailCode');
export const confirmChange = defineUpdate<LoginIdChangeView>('confirmChange');
export const resendCode = defineUpdate<LoginIdChangeView>('resendCode');
export const cancelChange = defineUpdate<LoginIdChangeView>('cancelChange');
export const changeStatus = defineQuery<LoginIdChangeView>('changeStatus');

// Each activity is a short database or outbox operation: a lost one (worker crash) is retried soon.
const activities = proxyActivities<LoginIdChangeActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '10 seconds' },
});

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
 */
export async function loginIdChangeWorkflow(input: LoginIdChangeInput): Promise<LoginIdChangeView> {
  const { changeId, memberId, limits } = input;
  const startedAt = new Date(workflowInfo().startTime);
  const expiresAt = new Date(startedAt.getTime() + limits.wholeChangeSeconds * 1_000);
  let status = 'AWAITING_IDENTITY_CODE' as LoginIdChangeStatus;
  let newLoginId: string | null = null;
  let failureCode: string | null = null;
  let firstCodeSent = false;
  let busy = false;

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
  const expectStep = (...steps: LoginIdChangeStatus[]) => (..._args: unknown[]) => {
    if (busy) throw refuse('INVALID_STATE', 'Another action on this change is in progress');
    if (!steps.includes(status)) throw refuse('INVALID_STATE', `The change is ${status}`, { currentStatus: status });
  };
  // Runs one member action at a time; a refusal fails the Update, not the workflow.
  const act = async (action: () => Promise<void>): Promise<LoginIdChangeView> => {
    busy = true;
    try {
      await action();
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
  const codeStep = (): CodeStep => (status === 'AWAITING_IDENTITY_CODE' ? 'IDENTITY' : 'EMAIL');

  setHandler(changeStatus, view);
  setHandler(identityCodeSent, async () => {
    await condition(() => firstCodeSent || isOver());
    return view();
  });
  setHandler(
    submitIdentityCode,
    (code) =>
      act(async () => {
        applyCodeCheck(await activities.checkCode({ changeId, step: 'IDENTITY', code }));
        if (!isOver()) moveTo('AWAITING_NEW_LOGIN_ID');
      }),
    { validator: expectStep('AWAITING_IDENTITY_CODE') },
  );
  setHandler(
    submitNewLoginId,
    (requested) =>
      act(async () => {
        const check = await activities.checkNewLoginId({ memberId, newLoginId: requested });
        if (!check.ok) throw refuse(check.code, check.message);
        if (isOver()) return;
        await activities.sendEmailCode({ changeId, memberId, newLoginId: check.loginId, limits });
        newLoginId = check.loginId;
        if (!isOver()) moveTo('AWAITING_EMAIL_CODE');
      }),
    { validator: expectStep('AWAITING_NEW_LOGIN_ID') },
  );
  setHandler(
    submitEmailCode,
    (code) =>
      act(async () => {
        applyCodeCheck(await activities.checkCode({ changeId, step: 'EMAIL', code }));
        if (!isOver()) moveTo('AWAITING_CONFIRMATION');
      }),
    { validator: expectStep('AWAITING_EMAIL_CODE') },
  );
  setHandler(
    confirmChange,
    () =>
      act(async () => {
        const outcome = await activities.commitLoginIdChange({ changeId, memberId, sessionId: input.sessionId, newLoginId: newLoginId! });
        if (outcome.ok) {
          moveTo('COMPLETED');
          return;
        }
        failureCode = outcome.code;
        moveTo('FAILED');
        throw refuse(outcome.code, 'Another member took this address in the meantime; your login ID is unchanged');
      }),
    { validator: expectStep('AWAITING_CONFIRMATION') },
  );
  setHandler(
    resendCode,
    () =>
      act(async () => {
        const outcome = await activities.resendCode({ changeId, memberId, step: codeStep(), limits });
        if (outcome.ok) return;
        throw outcome.code === 'TOO_MANY_REQUESTS'
          ? refuse(outcome.code, 'A new code can be sent a little later', { retryAfterSeconds: outcome.retryAfterSeconds })
          : refuse(outcome.code, 'No more codes can be sent for this change');
      }),
    { validator: expectStep('AWAITING_IDENTITY_CODE', 'AWAITING_EMAIL_CODE') },
  );
  setHandler(
    cancelChange,
    async () => {
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
  await activities.sendIdentityCode({ changeId, memberId, limits });
  firstCodeSent = true;

  // 2–5 happen in the Update handlers above; here the change waits for its end or its deadline.
  const ended = await condition(isOver, Math.max(0, expiresAt.getTime() - Date.now()));
  if (!ended) moveTo('EXPIRED');
  // Let a handler that is mid-activity finish before the workflow closes.
  await condition(allHandlersFinished);

  if (status === 'COMPLETED') {
    await activities.notifyLoginIdChanged({ changeId, memberId });
  } else {
    await activities.closeLoginIdChange({ changeId, memberId, outcome: status as LoginIdChangeClosing, reason: failureCode });
  }
  return view();
}
