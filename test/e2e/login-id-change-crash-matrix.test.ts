// quality.md R1 inside every activity of the login-ID change: for each activity × {before, after}
// (and notifyLoginIdChanged × sent: its message left, its delivery row not yet written) the worker kills itself at that point of a real change (WORKER_FAULT_POINT) and is restarted; for
// the SIGSTOP cases it freezes there longer than the activity's startToCloseTimeout and is resumed,
// so the first attempt finishes after it timed out and its retry runs the same key again (the
// steps' local activities are retried by the resumed worker itself). Each case is judged from outside — HTTP
// answers, outbox files, database rows: the change completes once, one notice per address, one
// code per send, the code the member holds is still accepted, a wrong code counts once, one audit
// row per event, the revert link in the notice the member got still reverts the change.
// CRASH_MATRIX=full|representative (default: full on SQLite, representative on MySQL).
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import request, { type Response } from 'supertest';
import { freePort, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import { loginIdChangeWorkflowId } from '../../workflows/login-id-change/login-id-change.contract.js';
import { uniqueEmail } from '../support/factories.js';
import { LoginIdChangeDriver, revertLinkIn, uniqueMobile, waitForEmails } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { runDir, startApi, temporalClient } from '../support/stack.js';
import { WorkerProcess } from '../support/worker-process.mjs';

const TASK_QUEUE = 'account-changes-crash-matrix';
const ACTIVITY_TIMEOUT_SECONDS = 2;
const ACTIVITIES = [
  'sendIdentityCode',
  'checkCode',
  'resendCode',
  'checkNewLoginIdAndSendCode',
  'commitLoginIdChange',
  'notifyLoginIdChanged',
  'closeLoginIdChange',
] as const;
type Activity = (typeof ACTIVITIES)[number];
type Phase = 'before' | 'sent' | 'after';
type Action = 'kill' | 'stop';
interface Case {
  readonly activity: Activity;
  readonly phase: Phase;
  readonly action: Action;
}

const FULL: Case[] = [
  ...ACTIVITIES.flatMap((activity) => (['before', 'after'] as const).map((phase) => ({ activity, phase, action: 'kill' as const }))),
  ...(['checkCode', 'sendIdentityCode'] as const).flatMap((activity) =>
    (['before', 'after'] as const).map((phase) => ({ activity, phase, action: 'stop' as const })),
  ),
  // Inside the notice send: the old-address message left, its delivery row is not written yet.
  { activity: 'notifyLoginIdChanged', phase: 'sent', action: 'kill' },
  { activity: 'notifyLoginIdChanged', phase: 'sent', action: 'stop' },
];
const REPRESENTATIVE: Case[] = [
  { activity: 'sendIdentityCode', phase: 'after', action: 'kill' },
  { activity: 'checkCode', phase: 'after', action: 'kill' },
  { activity: 'resendCode', phase: 'before', action: 'kill' },
  { activity: 'commitLoginIdChange', phase: 'after', action: 'kill' },
  { activity: 'closeLoginIdChange', phase: 'after', action: 'kill' },
  { activity: 'checkCode', phase: 'after', action: 'stop' },
  { activity: 'sendIdentityCode', phase: 'before', action: 'stop' },
  { activity: 'notifyLoginIdChanged', phase: 'sent', action: 'kill' },
];
const scope = process.env.CRASH_MATRIX ?? (process.env.TEST_DB === 'mysql' ? 'representative' : 'full');
if (scope !== 'full' && scope !== 'representative') throw new Error('CRASH_MATRIX must be full or representative');
const CASES = scope === 'full' ? FULL : REPRESENTATIVE;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`change login ID: worker killed or paused inside every activity (${scope} matrix)`, () => {
  let app: INestApplication;
  let worker: WorkerProcess;
  let dataSource: DataSource;
  let client: Client;
  let closeClient: () => Promise<void>;

  beforeAll(async () => {
    worker = new WorkerProcess(
      {
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        WORKER_PORT: String(await freePort()),
        WORKER_STICKY_QUEUE_TIMEOUT_SECONDS: '1',
      },
      path.join(runDir(), 'worker-crash-matrix.log'),
    );
    app = await startApi({
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      LOGIN_ID_ACTIVITY_TIMEOUT_SECONDS: String(ACTIVITY_TIMEOUT_SECONDS),
      LOGIN_ID_CODE_RESEND_AFTER_SECONDS: '0',
    });
    dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await dataSource.initialize();
    ({ client, close: closeClient } = await temporalClient());
  });
  afterAll(async () => {
    await worker.stop();
    await app.close();
    await dataSource.destroy();
    await closeClient();
  });

  /** Arms the fault point, and in the background waits for it, then restarts (kill) or resumes (stop) the worker. */
  const armed = async ({ activity, phase, action }: Case): Promise<{ recovery: Promise<void> }> => {
    await worker.start({ faultPoint: `${activity}:${phase}`, faultAction: action });
    const recovery = (async () => {
      await worker.waitForFault({ timeoutMs: 90_000 });
      if (action === 'kill') {
        await worker.start();
      } else {
        // Frozen longer than the activity may run: the server has started the retry meanwhile.
        await sleep((ACTIVITY_TIMEOUT_SECONDS + 1.5) * 1_000);
        worker.resume();
      }
    })();
    return { recovery };
  };

  const auditActions = async (memberId: string): Promise<string[]> => {
    const rows: { action: string }[] = await dataSource.query(
      `SELECT action FROM audit_events WHERE member_id = ? AND action LIKE 'LOGIN_ID_%' ORDER BY action`,
      [memberId],
    );
    return rows.map((row) => row.action);
  };

  // While the worker restarts, an HTTP call may pass its deadline: the member is told 503 ("check
  // its status and retry") and, as a client would, looks at the status — the step still happens once.
  const answered = async (change: LoginIdChangeDriver, call: Promise<Response>, status: number, next: string) => {
    const res = await call;
    if (res.status === 503 && res.body.code === 'SERVICE_UNAVAILABLE') {
      await change.waitForStatus(next, 120_000);
      return undefined;
    }
    expect(res.status).toBe(status);
    return res;
  };
  const smsCount = async (phone: string, count: number) => {
    await waitFor(() => messagesTo(phone, 'sms').length >= count, { timeoutMs: 120_000, what: `${count} SMS to ${phone}` });
  };

  /** A whole change with a wrong code and a re-send on the way: every activity but closeLoginIdChange runs. */
  const completedChange = async (change: LoginIdChangeDriver) => {
    const previous = change.member.loginId;
    const newLoginId = uniqueEmail('matrix');
    const phone = change.member.body.mobilePhone;
    await answered(change, change.start(), 201, 'AWAITING_IDENTITY_CODE');
    await smsCount(phone, 1);
    const first = change.smsCode();
    const wrong = first === '000000' ? '111111' : '000000';
    const refused = await answered(change, change.identityCode(wrong), 422, 'AWAITING_IDENTITY_CODE');
    if (refused) expect(refused.body).toMatchObject({ code: 'VERIFICATION_CODE_INVALID', attemptsRemaining: 4 });
    await answered(change, change.resend(), 202, 'AWAITING_IDENTITY_CODE');
    await smsCount(phone, 2);
    await answered(change, change.identityCode(change.smsCode()), 200, 'AWAITING_NEW_LOGIN_ID');
    // The one wrong code counted once, however often its check ran (read while the change runs:
    // its codes are forgotten when it ends).
    const [identity] = await dataSource.query(`SELECT failed_attempts FROM verification_codes WHERE purpose = 'LOGIN_ID_IDENTITY' AND target = ?`, [phone]);
    expect(Number(identity.failed_attempts)).toBe(1);
    await answered(change, change.newLoginId(newLoginId), 200, 'AWAITING_EMAIL_CODE');
    await waitForEmails(newLoginId, 1);
    await answered(change, change.emailCode(change.emailCodeFor(newLoginId)), 200, 'AWAITING_CONFIRMATION');
    const confirmed = await answered(change, change.confirm(), 200, 'COMPLETED');
    if (confirmed) expect(confirmed.body.status).toBe('COMPLETED');
    await client.workflow.getHandle(loginIdChangeWorkflowId(change.member.id)).result();

    const sms = messagesTo(phone, 'sms');
    expect(sms).toHaveLength(2);
    expect(new Set(sms.map((message) => message.text.match(/\b(\d{6})\b/)?.[1])).size).toBe(2);
    expect(messagesTo(newLoginId, 'email')).toHaveLength(2);
    expect(messagesTo(previous, 'email')).toHaveLength(1);
    expect(await auditActions(change.member.id)).toEqual(['LOGIN_ID_CHANGED']);
    const [member] = await dataSource.query('SELECT login_id FROM members WHERE id = ?', [change.member.id]);
    expect(member.login_id).toBe(newLoginId);
    const reverts = await dataSource.query('SELECT change_id FROM login_id_change_reverts WHERE member_id = ?', [change.member.id]);
    expect(reverts).toHaveLength(1);
    // Nothing of the codes outlives the change, whichever attempt of the notice activity finished it.
    const changeId: string = reverts[0].change_id;
    expect(await dataSource.query('SELECT id FROM verification_codes WHERE subject_id = ?', [changeId])).toHaveLength(0);
    expect(await dataSource.query('SELECT check_key FROM verification_checks WHERE subject_id = ?', [changeId])).toHaveLength(0);
    // The link the member received is the one that works, whatever a retry minted after it.
    const [notice] = messagesTo(previous, 'email');
    const reverted = await request(app.getHttpServer())
      .post('/api/v1/login-id-change-reverts')
      .send({ token: revertLinkIn(notice).searchParams.get('token') });
    expect(reverted.status).toBe(200);
    expect(reverted.body).toEqual({ loginId: previous });
  };

  /** A change cancelled after its first code: closeLoginIdChange runs. */
  const cancelledChange = async (change: LoginIdChangeDriver) => {
    await answered(change, change.start(), 201, 'AWAITING_IDENTITY_CODE');
    const { changeId } = (await change.status().expect(200)).body;
    await answered(change, change.cancel(), 204, 'CANCELLED');
    await client.workflow.getHandle(loginIdChangeWorkflowId(change.member.id)).result();
    expect(messagesTo(change.member.body.mobilePhone, 'sms')).toHaveLength(1);
    expect(await auditActions(change.member.id)).toEqual(['LOGIN_ID_CHANGE_CANCELLED']);
    const codes = await dataSource.query('SELECT id FROM verification_codes WHERE subject_id = ?', [changeId]);
    expect(codes).toHaveLength(0);
    expect(await dataSource.query('SELECT check_key FROM verification_checks WHERE subject_id = ?', [changeId])).toHaveLength(0);
  };

  it.each(CASES)(
    '$action at $activity:$phase — the change ends once, as the member was told',
    async (point) => {
      const change = new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));
      const { recovery } = await armed(point);
      try {
        await (point.activity === 'closeLoginIdChange' ? cancelledChange(change) : completedChange(change));
        // The point was reached in this case: a plan that never fires would prove nothing.
        await recovery;
      } finally {
        await recovery.catch(() => undefined);
        await worker.kill();
      }
    },
    300_000,
  );
});
