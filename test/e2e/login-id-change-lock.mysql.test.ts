// quality.md R3 on the login-ID change's lock, where the race is real: a cancel that reaches the
// workflow *while* the confirm's commit (a local activity) runs passes its validator, waits behind the
// lock, and is then refused because the change COMPLETED — the commit is never overtaken. The test
// holds the member's row (a MySQL row lock, so the worker is not blocked, only its commit), and the
// change runs with a 2 s workflow task timeout: the worker reports a task whose local activity runs
// on after ~1.6 s, and the server delivers the cancel to the running workflow then (with the default
// 10 s, a commit longer than ~8 s). MySQL only (*.mysql.test.ts): on SQLite the commit's wait for the
// database lock blocks the worker's thread, and with it the delivery this test is about.
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import {
  cancelChange,
  confirmChange,
  submitEmailCode,
  submitIdentityCode,
  submitNewLoginId,
} from '../../workflows/login-id-change/login-id-change.contract.js';
import { uniqueEmail } from '../support/factories.js';
import { changeTestParts, refusal, startedChange } from '../support/login-id-change-workflow.js';
import { latestCode } from '../support/outbox.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('change login ID: a cancel delivered during the commit (MySQL)', () => {
  const parts = changeTestParts();

  it('waits behind the lock and is refused: the change COMPLETED, the new login ID committed once', async () => {
    const { member, handle } = await startedChange(parts.app, parts.client, {}, '2 seconds');
    const newLoginId = uniqueEmail('lock');
    await handle.executeUpdate(submitIdentityCode, { args: [latestCode(member.body.mobilePhone, 'sms')] });
    await handle.executeUpdate(submitNewLoginId, { args: [newLoginId] });
    await handle.executeUpdate(submitEmailCode, { args: [latestCode(newLoginId, 'email')] });

    // The commit writes the member's row: held here, the commit waits for it.
    const holder = parts.dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    let confirm: Promise<unknown> | undefined;
    let cancel: ReturnType<typeof refusal> | undefined;
    try {
      await holder.query('UPDATE members SET login_id = login_id WHERE id = ?', [member.id]);
      confirm = handle.executeUpdate(confirmChange);
      confirm.catch(() => undefined);
      // Past the point (~1.6 s) where the worker reports the task that runs the commit.
      await sleep(3_000);
      cancel = refusal(handle.executeUpdate(cancelChange));
      // Accepted — its validator ran while the change was still AWAITING_CONFIRMATION — while the commit still waits.
      await waitFor(
        async () =>
          ((await handle.fetchHistory()).events ?? []).some(
            (event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === cancelChange.name,
          ),
        { timeoutMs: 10_000, what: 'the cancel accepted during the commit' },
      );
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    expect(await confirm).toMatchObject({ status: 'COMPLETED' });
    expect(await cancel).toEqual({ code: 'INVALID_STATE', details: { currentStatus: 'COMPLETED' } });
    const [row] = await parts.dataSource.query('SELECT login_id FROM members WHERE id = ?', [member.id]);
    expect(row.login_id).toBe(newLoginId);
    await handle.result();
    const audit = await parts.dataSource.query(`SELECT action FROM audit_events WHERE member_id = ? AND action LIKE 'LOGIN_ID_%'`, [member.id]);
    expect(audit).toEqual([{ action: 'LOGIN_ID_CHANGED' }]);
  });
});
