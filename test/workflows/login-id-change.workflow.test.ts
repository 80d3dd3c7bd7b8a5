// The login-ID change workflow driven with the Temporal client against the dev server and the real
// worker process (its real activities, the run's database and outbox), durations injected as
// seconds through the workflow's input: expiry, code lifetimes, validator refusals and the
// cancel/confirm race. The API app here only signs members up (a member row and a session to keep).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import {
  cancelChange,
  changeStatus,
  confirmChange,
  DEFAULT_LOGIN_ID_CHANGE_LIMITS,
  identityCodeSent,
  LOGIN_ID_CHANGE_WORKFLOW_TYPE,
  loginIdChangeWorkflowId,
  resendCode,
  submitEmailCode,
  submitIdentityCode,
  submitNewLoginId,
  type LoginIdChangeLimits,
  type LoginIdChangeView,
} from '../../workflows/login-id-change/login-id-change.contract.js';
import { uniqueEmail } from '../support/factories.js';
import { uniqueMobile } from '../support/login-id-change-client.js';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { changeTestParts, refusal, startedChange } from '../support/login-id-change-workflow.js';
import { latestCode } from '../support/outbox.js';
import { stackConfig } from '../support/stack.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const WORKFLOW_TASK_STARTED = temporal.api.enums.v1.PendingWorkflowTaskState.PENDING_WORKFLOW_TASK_STATE_STARTED;

describe('login-ID change workflow (Temporal client, real worker)', () => {
  const parts = changeTestParts();

  const started = (limits: Partial<LoginIdChangeLimits> = {}) => startedChange(parts.app, parts.client, limits);

  const smsCode = (member: SignedInMember) => latestCode(member.body.mobilePhone, 'sms');

  async function atConfirmation(limits: Partial<LoginIdChangeLimits> = {}) {
    const change = await started(limits);
    const newLoginId = uniqueEmail('wf');
    await change.handle.executeUpdate(submitIdentityCode, { args: [smsCode(change.member)] });
    await change.handle.executeUpdate(submitNewLoginId, { args: [newLoginId] });
    await change.handle.executeUpdate(submitEmailCode, { args: [latestCode(newLoginId, 'email')] });
    return { ...change, newLoginId };
  }

  const loginIdOf = async (memberId: string): Promise<string> =>
    (await parts.dataSource.query('SELECT login_id FROM members WHERE id = ?', [memberId]))[0].login_id;

  it('expires the whole change at its deadline and records it once', async () => {
    const { member, handle } = await started({ wholeChangeSeconds: 2 });
    const result = (await handle.result()) as LoginIdChangeView;
    expect(result.status).toBe('EXPIRED');
    const events = await parts.dataSource.query(`SELECT action FROM audit_events WHERE member_id = ? AND action LIKE 'LOGIN_ID_%'`, [member.id]);
    expect(events).toEqual([{ action: 'LOGIN_ID_CHANGE_EXPIRED' }]);
  });

  it("keys the checks and the new address's code by the Update they answer, so a lost Update's number is never answered for the next one", async () => {
    const { member, handle, view } = await started();
    const [wrong, right, address] = [`check-wrong-${randomUUID()}`, `check-right-${randomUUID()}`, `address-${randomUUID()}`];
    const code = smsCode(member);
    const other = code === '000000' ? '111111' : '000000';
    expect(await refusal(handle.executeUpdate(submitIdentityCode, { args: [other], updateId: wrong }))).toMatchObject({ code: 'VERIFICATION_CODE_INVALID' });
    await handle.executeUpdate(submitIdentityCode, { args: [code], updateId: right });
    await handle.executeUpdate(submitNewLoginId, { args: [uniqueEmail('wf')], updateId: address });
    // Read while the change runs (its codes and checks go when it ends).
    const checks: { check_key: string }[] = await parts.dataSource.query('SELECT check_key FROM verification_checks WHERE subject_id = ? ORDER BY check_key', [
      view.changeId,
    ]);
    expect(checks.map((row) => row.check_key)).toEqual([`${view.changeId}:IDENTITY:check:1:${wrong}`, `${view.changeId}:IDENTITY:check:2:${right}`]);
    const issued: { issue_key: string }[] = await parts.dataSource.query(
      `SELECT issue_key FROM verification_codes WHERE subject_id = ? AND purpose = 'LOGIN_ID_EMAIL'`,
      [view.changeId],
    );
    expect(issued.map((row) => row.issue_key)).toEqual([`${view.changeId}:EMAIL:1:${address}`]);
    await handle.executeUpdate(cancelChange);
  });

  it('refuses an SMS code past its lifetime; a re-sent code works; re-sends are limited', async () => {
    const { member, handle } = await started({ smsCodeTtlSeconds: 1, resendAfterSeconds: 0, maxResends: 1 });
    const first = smsCode(member);
    await sleep(1_500);
    expect(await refusal(handle.executeUpdate(submitIdentityCode, { args: [first] }))).toMatchObject({ code: 'VERIFICATION_CODE_EXPIRED' });
    await handle.executeUpdate(resendCode);
    expect(await refusal(handle.executeUpdate(resendCode))).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const view = await handle.executeUpdate(submitIdentityCode, { args: [smsCode(member)] });
    expect(view.status).toBe('AWAITING_NEW_LOGIN_ID');
    await handle.executeUpdate(cancelChange);
  });

  it('counts wrong codes and fails the change at the limit', async () => {
    const { member, handle } = await started({ maxWrongCodes: 2 });
    const wrong = smsCode(member) === '000000' ? '111111' : '000000';
    expect(await refusal(handle.executeUpdate(submitIdentityCode, { args: [wrong] }))).toEqual({
      code: 'VERIFICATION_CODE_INVALID',
      details: { attemptsRemaining: 1 },
    });
    expect(await refusal(handle.executeUpdate(submitIdentityCode, { args: [wrong] }))).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(((await handle.result()) as LoginIdChangeView).status).toBe('FAILED');
  });

  it('refuses steps out of order in the validator, without touching the change', async () => {
    const { handle } = await started();
    expect(await refusal(handle.executeUpdate(submitEmailCode, { args: ['123456'] }))).toEqual({
      code: 'INVALID_STATE',
      details: { currentStatus: 'AWAITING_IDENTITY_CODE' },
    });
    expect(await refusal(handle.executeUpdate(confirmChange))).toMatchObject({ code: 'INVALID_STATE' });
    expect((await handle.query(changeStatus)).status).toBe('AWAITING_IDENTITY_CODE');
    await handle.executeUpdate(cancelChange);
    // A second cancel is refused: in the validator while the cancelled change is still closing (the
    // usual case) or, on a loaded machine, because it has closed already — never accepted.
    const again = await refusal(handle.executeUpdate(cancelChange));
    if (again?.code === 'NOT_FOUND') expect(((await handle.result()) as LoginIdChangeView).status).toBe('CANCELLED');
    else expect(again).toMatchObject({ code: 'INVALID_STATE', details: { currentStatus: 'CANCELLED' } });
  });

  it('answers SERVICE_UNAVAILABLE at once when the first code cannot be sent, and fails the change', async () => {
    // The outbox made unwritable (a file where its folder should be): every send fails, even as root.
    const outbox = process.env.OUTBOX_DIR!;
    fs.mkdirSync(outbox, { recursive: true });
    fs.renameSync(outbox, `${outbox}.away`);
    fs.writeFileSync(outbox, 'not a folder');
    let refused;
    let handle: WorkflowHandle;
    try {
      const member = await signUpAndLogin(parts.app, { mobilePhone: uniqueMobile() });
      const workflowId = loginIdChangeWorkflowId(member.id);
      handle = parts.client.workflow.getHandle(workflowId);
      refused = await refusal(
        parts.client.workflow.executeUpdateWithStart(identityCodeSent, {
          startWorkflowOperation: new WithStartWorkflowOperation(LOGIN_ID_CHANGE_WORKFLOW_TYPE, {
            workflowId,
            taskQueue: stackConfig().temporal.taskQueue,
            args: [{ changeId: randomUUID(), memberId: member.id, sessionId: member.sessionId, limits: DEFAULT_LOGIN_ID_CHANGE_LIMITS }],
            workflowIdConflictPolicy: 'FAIL',
          }),
        }),
      );
    } finally {
      fs.rmSync(outbox);
      fs.renameSync(`${outbox}.away`, outbox);
    }
    expect(refused).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((await handle.result()) as LoginIdChangeView).toMatchObject({ status: 'FAILED', failureCode: 'SERVICE_UNAVAILABLE' });
  });

  // A short commit is over before the server hands the cancel to the workflow, so this refusal comes
  // from the cancel's validator; a cancel delivered during a (long) commit passes it, waits behind the
  // lock and is refused the same way: test/e2e/login-id-change-lock.mysql.test.ts.
  it("a cancel sent while the confirm's workflow task runs is refused: the change COMPLETED", async () => {
    const { member, handle, newLoginId } = await atConfirmation();
    const confirm = handle.executeUpdate(confirmChange);
    // The cancel goes out once the worker runs the confirm's workflow task — the commit is a local
    // activity inside it (or, on a slow poll, just after).
    let settled = false;
    confirm.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled && (await handle.describe()).raw.pendingWorkflowTask?.state !== WORKFLOW_TASK_STARTED) await sleep(1);
    const cancelled = await refusal(handle.executeUpdate(cancelChange));
    expect((await confirm).status).toBe('COMPLETED');
    // Refused either behind the lock (the usual case) or, on a slow run, because the completed change
    // had already closed: never accepted.
    if (cancelled?.code === 'NOT_FOUND') expect(((await handle.result()) as LoginIdChangeView).status).toBe('COMPLETED');
    else expect(cancelled).toEqual({ code: 'INVALID_STATE', details: { currentStatus: 'COMPLETED' } });
    expect(await loginIdOf(member.id)).toBe(newLoginId);
  });

  it('a confirm and a cancel sent together end in one state that both answers agree with', async () => {
    for (let round = 0; round < 3; round++) {
      const { member, handle, newLoginId } = await atConfirmation();
      const previous = member.loginId;
      const [confirm, cancel] = await Promise.all([refusal(handle.executeUpdate(confirmChange)), refusal(handle.executeUpdate(cancelChange))]);
      const final = (await handle.result()) as LoginIdChangeView;
      if (final.status === 'COMPLETED') {
        expect(confirm).toBeUndefined();
        // Refused behind the lock, or NOT_FOUND when the completed change had already closed.
        expect(['INVALID_STATE', 'NOT_FOUND']).toContain(cancel?.code);
        expect(await loginIdOf(member.id)).toBe(newLoginId);
      } else {
        expect(final.status).toBe('CANCELLED');
        expect(cancel).toBeUndefined();
        expect(['INVALID_STATE', 'NOT_FOUND']).toContain(confirm?.code);
        expect(await loginIdOf(member.id)).toBe(previous);
      }
    }
  });
});
