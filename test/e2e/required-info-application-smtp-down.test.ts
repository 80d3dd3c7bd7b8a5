// R2 for the review workflow: with the SMTP server down for two minutes, reviewers still claim, approve
// and reject at once (notices wait in the workflow, never in the click); a notice that keeps failing is
// logged and counted (notices_failing_total), and is still being tried at the end of the outage (the
// retry policy has no attempt limit and a bounded backoff); when the server is back each notice arrives once.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { freePort, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { reviewerRequest, submitApplication } from '../support/application-client.js';
import { privilegedMember } from '../support/member-client.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { applicationWorkflowId } from '../../workflows/required-info-application/application.contract.js';
import { runDir, startAdmin, startApi, temporalClient } from '../support/stack.js';
import { WorkerProcess } from '../support/worker-process.mjs';

const TASK_QUEUE = 'account-changes-application-smtp-down';
/**
 * The outage R2 names (docs/reliability.md): two minutes, long enough to outlast any backoff that grows
 * unbounded or gives up — with CRASH_MATRIX=full (verify's SQLite tier); the other database's tier, which
 * runs the representative crash cases, holds it 20 s (the same mechanism, a shorter wait).
 */
const OUTAGE_MS = process.env.CRASH_MATRIX === 'full' ? 120_000 : 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real SMTP peer on a fixed port, so it can be stopped and started again at the same address. */
class SmtpPeer {
  readonly recipients: string[] = [];
  private server?: SMTPServer;

  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          this.recipients.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    expect((server.server.address() as AddressInfo).port).toBe(this.port);
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  count(to: string): number {
    return this.recipients.filter((address) => address === to).length;
  }
}

describe('review actions with the SMTP server down', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let worker: WorkerProcess;
  let smtp: SmtpPeer;
  let reviewer: SignedInReviewer;
  let workerPort: number;
  const logFile = () => path.join(runDir(), 'worker-application-smtp-down.log');

  beforeAll(async () => {
    smtp = new SmtpPeer(await freePort());
    workerPort = await freePort();
    worker = new WorkerProcess(
      { TEMPORAL_TASK_QUEUE: TASK_QUEUE, WORKER_PORT: String(workerPort), SMTP_URL: `smtp://127.0.0.1:${smtp.port}?from=no-reply%40accounts.example.com` },
      logFile(),
    );
    await worker.start();
    api = await startApi({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    admin = await startAdmin({ TEMPORAL_TASK_QUEUE: TASK_QUEUE });
    reviewer = await signedInReviewer(admin);
  });
  afterAll(async () => {
    await worker.stop();
    await api.close();
    await admin.close();
    await smtp.stop();
  });

  const failingAttempts = async (): Promise<number> => {
    const metrics = await fetch(`http://127.0.0.1:${workerPort}/metrics`).then((res) => res.text());
    return Number(/notices_failing_total\{channel="email"\} (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  it('decides without waiting for mail through a two-minute outage, and each notice arrives once the server is back', async () => {
    const asReviewer = reviewerRequest(admin, reviewer.token);
    const approved = await privilegedMember(api, { name: 'Kim Minji' });
    const rejected = await privilegedMember(api, { name: 'Kim Jisoo' });

    // SMTP down (not started yet): every action answers from the workflow's own state.
    const outageStarted = Date.now();
    const first = await submitApplication(api, approved, { name: 'Lee Minji' }).expect(201);
    const second = await submitApplication(api, rejected, { name: 'Lee Jisoo' }).expect(201);
    await asReviewer.post(`/applications/${first.body.id}/claim`).expect(200);
    expect((await asReviewer.post(`/applications/${first.body.id}/approve`).expect(200)).body).toMatchObject({ status: 'APPROVED' });
    await asReviewer.post(`/applications/${second.body.id}/claim`).expect(200);
    await asReviewer.post(`/applications/${second.body.id}/release`).expect(200);
    await asReviewer.post(`/applications/${second.body.id}/claim`).expect(200);
    const account = await request(api.getHttpServer()).get('/api/v1/me/account').auth(approved.token, { type: 'bearer' }).expect(200);
    expect(account.body).toMatchObject({ name: 'Lee Minji', version: 2 });

    // The failing notices are logged and counted on the worker's /metrics.
    await waitFor(async () => (await failingAttempts()) > 0, { timeoutMs: 60_000, what: 'notices_failing_total to count' });
    expect(fs.readFileSync(logFile(), 'utf8')).toMatch(/notice still failing: kind=applicant/);

    // Halfway through the outage, with notices long queued, a rejection still answers at once.
    await sleep(outageStarted + OUTAGE_MS / 2 - Date.now());
    const midway = await failingAttempts();
    expect((await asReviewer.post(`/applications/${second.body.id}/reject`, { reason: 'Not legible' }).expect(200)).body).toMatchObject({ status: 'REJECTED' });

    // At the end of the outage the notices are still being tried: nothing gave up or stalled.
    await sleep(outageStarted + OUTAGE_MS - Date.now());
    expect(await failingAttempts()).toBeGreaterThan(midway);
    // Every failed attempt is counted by the notification sender itself, nothing sent yet.
    const workerMetrics = () => fetch(`http://127.0.0.1:${workerPort}/metrics`).then((res) => res.text());
    const outage = await workerMetrics();
    expect(outage).toMatch(/notices_failed_total\{channel="email"\} [1-9]/);
    expect(outage).not.toMatch(/notices_sent_total\{channel="email"\} [1-9]/);
    expect(smtp.recipients).toEqual([]);

    await smtp.start();
    // Bounded backoff: the next attempts reach the server within one maximum retry interval or two.
    await waitFor(() => smtp.count(approved.loginId) >= 2 && smtp.count(rejected.loginId) >= 2, { timeoutMs: 60_000, what: 'the notices after the outage' });
    // Settled: the workflows have sent everything and closed; nothing arrived twice.
    const { client, close } = await temporalClient();
    try {
      for (const id of [first.body.id, second.body.id]) await client.workflow.getHandle(applicationWorkflowId(id)).result();
    } finally {
      await close();
    }
    expect(smtp.count(approved.loginId)).toBe(2);
    expect(smtp.count(rejected.loginId)).toBe(2);
    expect(await workerMetrics()).toMatch(/notices_sent_total\{channel="email"\} ([4-9]|\d\d)/);
  }, 300_000);
});
