// quality.md R1 for the login-ID change: the worker is killed (SIGKILL) at every activity boundary
// and restarted; the change completes once and each notice is sent once. This file runs its own
// worker on its own task queue, so killing it touches no other suite.
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { freePort } from '../../scripts/lib/temporal-cli.mjs';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import { uniqueEmail } from '../support/factories.js';
import { LoginIdChangeDriver, uniqueMobile, waitForEmails } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { runDir, startApi } from '../support/stack.js';
import { WorkerProcess } from '../support/worker-process.mjs';

const TASK_QUEUE = 'account-changes-crash';

describe('change login ID survives a worker killed between every step', () => {
  let app: INestApplication;
  let worker: WorkerProcess;
  let dataSource: DataSource;

  beforeAll(async () => {
    worker = new WorkerProcess(
      { TEMPORAL_TASK_QUEUE: TASK_QUEUE, WORKER_PORT: String(await freePort()), WORKER_STICKY_QUEUE_TIMEOUT_SECONDS: '1' },
      path.join(runDir(), 'worker-crash.log'),
    );
    await worker.start();
    app = await startApi({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await worker.stop();
    await app.close();
    await dataSource.destroy();
  });

  const crashAndRestart = async () => {
    await worker.kill();
    await worker.start();
  };

  it('completes exactly once with every notice sent once', async () => {
    const change = new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));
    const previous = change.member.loginId;
    const newLoginId = uniqueEmail('crash');

    await change.start().expect(201);
    await crashAndRestart();
    await change.identityCode(change.smsCode()).expect(200);
    await crashAndRestart();
    await change.newLoginId(newLoginId).expect(200);
    await crashAndRestart();
    await change.emailCode(change.emailCodeFor(newLoginId)).expect(200);
    await crashAndRestart();
    await change.confirm().expect(200);
    await crashAndRestart();

    await waitForEmails(previous, 1);
    await waitForEmails(newLoginId, 2);
    await change.waitForStatus('COMPLETED');
    expect(messagesTo(change.member.body.mobilePhone, 'sms')).toHaveLength(1);
    expect(messagesTo(previous, 'email')).toHaveLength(1);
    expect(messagesTo(newLoginId, 'email')).toHaveLength(2);
    const events = await dataSource.query(`SELECT action FROM audit_events WHERE member_id = ? AND action LIKE 'LOGIN_ID_%'`, [change.member.id]);
    expect(events.map((row: { action: string }) => row.action)).toEqual(['LOGIN_ID_CHANGED']);
    const [member] = await dataSource.query('SELECT login_id FROM members WHERE id = ?', [change.member.id]);
    expect(member.login_id).toBe(newLoginId);
  }, 300_000);
});
