// quality.md R1 for the review workflow: the worker is killed (SIGKILL) between every step and
// restarted; the decision is applied once and each notice is sent once. Its own worker and queue.
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import { reviewerRequest, submitApplication } from '../support/application-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer } from '../support/reviewer-client.js';
import { runDir, startAdmin, startApi } from '../support/stack.js';
import { WorkerProcess } from '../support/worker-process.mjs';

const TASK_QUEUE = 'account-changes-application-crash';

describe('the review workflow survives a worker killed between every step', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let worker: WorkerProcess;
  let dataSource: DataSource;

  beforeAll(async () => {
    worker = new WorkerProcess(
      { TEMPORAL_TASK_QUEUE: TASK_QUEUE, WORKER_PORT: String(await freePort()), WORKER_STICKY_QUEUE_TIMEOUT_SECONDS: '1' },
      path.join(runDir(), 'worker-application-crash.log'),
    );
    await worker.start();
    api = await startApi({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    admin = await startAdmin({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await worker.stop();
    await api.close();
    await admin.close();
    await dataSource.destroy();
  });

  const crashAndRestart = async () => {
    await worker.kill();
    await worker.start();
  };

  it('applies the approval exactly once', async () => {
    const member = await privilegedMember(api, { name: 'Kim Minji' });
    const reviewer = await signedInReviewer(admin);
    const asReviewer = reviewerRequest(admin, reviewer.token);

    const { body } = await submitApplication(api, member, { name: 'Lee Minji' }).expect(201);
    await crashAndRestart();
    await asReviewer.post(`/applications/${body.id}/claim`).expect(200);
    await crashAndRestart();
    await asReviewer.post(`/applications/${body.id}/approve`).expect(200);
    await crashAndRestart();

    await waitFor(() => messagesTo(member.loginId, 'email').length >= 2, { timeoutMs: 60_000, what: 'submitted and approved notices' });
    const account = await request(api.getHttpServer()).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(200);
    expect(account.body).toMatchObject({ name: 'Lee Minji', version: 2 });
    expect(messagesTo(member.loginId, 'email')).toHaveLength(2);
    const changes = await dataSource.query(`SELECT action FROM audit_events WHERE member_id = ? AND action = 'REQUIRED_INFO_CHANGED'`, [member.id]);
    expect(changes).toHaveLength(1);
    const events = await dataSource.query('SELECT to_status FROM application_events WHERE application_id = ? ORDER BY occurred_at', [body.id]);
    expect(events.map((row: { to_status: string }) => row.to_status)).toEqual(['SUBMITTED', 'IN_REVIEW', 'APPROVED']);
  }, 120_000);
});
