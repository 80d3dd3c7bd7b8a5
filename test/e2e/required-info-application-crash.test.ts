// quality.md R1 for the review workflow, inside every activity: for each activity × {before, after}
// its side effect, the worker kills itself (WORKER_FAULT_POINT) during a real flow over HTTP and is
// restarted; the SIGSTOP cases freeze it past the activity's timeout while a second worker takes
// the retry, then resume it, so the first attempt finishes after its retry began. Asserted from
// outside: one approval applied, one notice per event, one audit row and one history entry per event.
//   CRASH_MATRIX=representative  one case per activity, and the SIGSTOP case of approve (the default)
//   CRASH_MATRIX=full            every activity × point × flow that reaches it, and a SIGSTOP in
//                                each activity whose late completion could double an effect: the
//                                submission insert, claim, request-info, reject, the notice send
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { freePort, waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import { fixture, reviewerRequest, submitApplication } from '../support/application-client.js';
import { privilegedMember, type SignedInMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { FaultyWorker, type FaultPlan } from '../support/review-worker-faults.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { applicationStatus, applicationWorkflowId } from '../../workflows/required-info-application/application.contract.js';
import { runDir, startAdmin, startApi, temporalClient } from '../support/stack.js';

const TASK_QUEUE = 'account-changes-application-crash';

type Flow = 'approve' | 'info-reject' | 'withdraw' | 'overdue';
/** A step of the flow before which the plan is armed (a point fires at the activity's first call after that). */
type Step = 'request-info' | 'reject';

interface Case {
  readonly plan: FaultPlan;
  readonly flow: Flow;
  readonly representative?: boolean;
  /** Arm the plan just before this step (the worker is restarted with it); by default from the start. */
  readonly armAt?: Step;
}

const point = (activity: string, phase: 'before' | 'after', action: 'kill' | 'stop' = 'kill', pauseMs?: number): FaultPlan => ({
  point: `${activity}:${phase}`,
  action,
  ...(pauseMs ? { pauseMs } : {}),
});
// The notices' start-to-close timeout is 15 s (the row writes': 5 s): a frozen send must outlast it.
const NOTICE_PAUSE_MS = 17_000;

const CASES: Case[] = [
  ...(['before', 'after'] as const).flatMap((phase): Case[] => [
    { plan: point('createApplication', phase), flow: 'approve', representative: phase === 'after' },
    { plan: point('recordApplicationTransition', phase), flow: 'approve', representative: phase === 'before' },
    { plan: point('recordApplicationTransition', phase), flow: 'info-reject' },
    { plan: point('recordApplicationTransition', phase), flow: 'withdraw' },
    { plan: point('approveApplication', phase), flow: 'approve', representative: phase === 'after' },
    { plan: point('markApplicationOverdue', phase), flow: 'overdue', representative: phase === 'after' },
    { plan: point('sendApplicationNotice', phase), flow: 'approve', representative: phase === 'after' },
  ]),
  { plan: point('approveApplication', 'after', 'stop'), flow: 'approve', representative: true },
  // Frozen ahead of the effect: the retry does it, then the first attempt wakes up and tries again.
  { plan: point('createApplication', 'before', 'stop'), flow: 'approve' },
  { plan: point('recordApplicationTransition', 'before', 'stop'), flow: 'approve' }, // the claim
  { plan: point('recordApplicationTransition', 'before', 'stop'), flow: 'info-reject', armAt: 'request-info' },
  { plan: point('recordApplicationTransition', 'before', 'stop'), flow: 'info-reject', armAt: 'reject' },
  { plan: point('sendApplicationNotice', 'before', 'stop', NOTICE_PAUSE_MS), flow: 'approve' },
];

const MATRIX = process.env.CRASH_MATRIX === 'full' ? 'full' : 'representative';
const SELECTED = MATRIX === 'full' ? CASES : CASES.filter((entry) => entry.representative);

/** What the member should have been sent, by flow (the SUBMITTED notice first). */
const MEMBER_NOTICES: Record<Flow, number> = { approve: 2, 'info-reject': 3, withdraw: 1, overdue: 2 };
const HISTORY: Record<Flow, string[]> = {
  approve: ['SUBMITTED', 'IN_REVIEW', 'APPROVED'],
  'info-reject': ['SUBMITTED', 'IN_REVIEW', 'INFO_REQUESTED', 'SUBMITTED', 'IN_REVIEW', 'REJECTED'],
  withdraw: ['SUBMITTED', 'WITHDRAWN'],
  overdue: ['SUBMITTED', 'IN_REVIEW', 'APPROVED'],
};

describe(`the review workflow survives a worker killed inside every activity (CRASH_MATRIX=${MATRIX})`, () => {
  let api: INestApplication;
  let admin: INestApplication;
  let worker: FaultyWorker;
  let dataSource: DataSource;
  let reviewer: SignedInReviewer;
  let temporal: { client: Client; close: () => Promise<void> };

  beforeAll(async () => {
    worker = new FaultyWorker(
      { TEMPORAL_TASK_QUEUE: TASK_QUEUE, WORKER_PORT: String(await freePort()), WORKER_STICKY_QUEUE_TIMEOUT_SECONDS: '1' },
      path.join(runDir(), 'worker-application-crash.log'),
    );
    // Unclaimed applications turn overdue quickly, so the overdue flow reaches markApplicationOverdue.
    const overrides = { TEMPORAL_TASK_QUEUE: TASK_QUEUE, REVIEW_UNCLAIMED_DEADLINE_SECONDS: '3', REVIEW_FOUR_EYES_FIELDS: 'none' };
    api = await startApi(overrides);
    admin = await startAdmin(overrides);
    dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await dataSource.initialize();
    reviewer = await signedInReviewer(admin);
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await worker.stop();
    await temporal.close();
    await api.close();
    await admin.close();
    await dataSource.destroy();
  });

  const asReviewer = () => reviewerRequest(admin, reviewer.token);
  const status = async (id: string) => (await asReviewer().get(`/applications/${id}`).expect(200)).body.status as string;
  /** The workflow's own state: after a 503 the row may show the step a moment before the workflow has moved on. */
  const flowStatus = async (id: string) => (await temporal.client.workflow.getHandle(applicationWorkflowId(id)).query(applicationStatus)).status;
  /** An action over HTTP; a 503 (the worker was down past the call's deadline) means "check and retry": the test waits for the step. */
  const settle = async (send: () => request.Test, id: string, expected: string) => {
    const res = await send();
    expect([200, 503]).toContain(res.status);
    await waitFor(async () => (await status(id)) === expected && (await flowStatus(id)) === expected, { timeoutMs: 60_000, what: expected });
  };

  const runFlow = async (flow: Flow, member: SignedInMember, arm: (step: Step) => Promise<void>): Promise<string> => {
    let id = '';
    const submitted = await submitApplication(api, member, { name: 'Lee Minji' });
    expect([201, 503]).toContain(submitted.status);
    if (submitted.status === 201) id = submitted.body.id;
    // A 503 (worker down past the call's deadline): the workflow carries on; the member finds it in the list.
    await waitFor(
      async () => {
        const mine = await request(api.getHttpServer()).get('/api/v1/me/required-info-applications').auth(member.token, { type: 'bearer' });
        if (mine.body.length === 1) id = mine.body[0].id;
        return mine.body.length === 1 && (await flowStatus(id)) === 'SUBMITTED';
      },
      { timeoutMs: 60_000, what: 'the submission' },
    );
    if (flow === 'overdue')
      await waitFor(async () => (await asReviewer().get(`/applications/${id}`)).body.overdue === true, { timeoutMs: 60_000, what: 'overdue' });
    if (flow === 'withdraw') {
      await settle(
        () => request(api.getHttpServer()).post(`/api/v1/me/required-info-applications/${id}/withdraw`).auth(member.token, { type: 'bearer' }),
        id,
        'WITHDRAWN',
      );
      return id;
    }
    await settle(() => asReviewer().post(`/applications/${id}/claim`), id, 'IN_REVIEW');
    if (flow === 'info-reject') {
      await arm('request-info');
      await settle(() => asReviewer().post(`/applications/${id}/request-info`, { message: 'Add the certificate' }), id, 'INFO_REQUESTED');
      await settle(
        () =>
          request(api.getHttpServer())
            .post(`/api/v1/me/required-info-applications/${id}/documents`)
            .auth(member.token, { type: 'bearer' })
            .attach('proofDocuments', fixture('valid/proof.png')),
        id,
        'SUBMITTED',
      );
      await settle(() => asReviewer().post(`/applications/${id}/claim`), id, 'IN_REVIEW');
      await arm('reject');
      await settle(() => asReviewer().post(`/applications/${id}/reject`, { reason: 'Not legible' }), id, 'REJECTED');
      return id;
    }
    await settle(() => asReviewer().post(`/applications/${id}/approve`), id, 'APPROVED');
    return id;
  };

  it.each(SELECTED.map((entry) => [`${entry.plan.point} ${entry.plan.action} during ${entry.flow}${entry.armAt ? ` at ${entry.armAt}` : ''}`, entry] as const))(
    '%s: one effect per event',
    async (_name, { plan, flow, armAt }) => {
      await worker.start(armAt ? undefined : plan);
      const member = await privilegedMember(api, { name: 'Kim Minji' });
      const id = await runFlow(flow, member, async (step) => {
        if (step === armAt) await worker.start(plan);
      });
      await worker.recovered();

      await waitFor(() => messagesTo(member.loginId, 'email').length >= MEMBER_NOTICES[flow], { timeoutMs: 60_000, what: 'the member notices' });
      const events = await dataSource.query('SELECT to_status FROM application_events WHERE application_id = ? ORDER BY occurred_at', [id]);
      expect(events.map((row: { to_status: string }) => row.to_status)).toEqual(HISTORY[flow]);
      const audit: { action: string; n: number }[] = await dataSource.query(
        `SELECT action, COUNT(*) AS n FROM audit_events WHERE member_id = ? AND action LIKE 'APPLICATION_%' OR (member_id = ? AND action = 'REQUIRED_INFO_CHANGED') GROUP BY action`,
        [member.id, member.id],
      );
      // One audit row per history entry, by action.
      const expected = new Map<string, number>();
      for (const to of HISTORY[flow]) expected.set(`APPLICATION_${to}`, (expected.get(`APPLICATION_${to}`) ?? 0) + 1);
      if (HISTORY[flow].includes('APPROVED')) expected.set('REQUIRED_INFO_CHANGED', 1);
      expect(Object.fromEntries(audit.map((row) => [row.action, Number(row.n)]))).toEqual(Object.fromEntries(expected));

      const account = await request(api.getHttpServer()).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(200);
      expect(account.body).toMatchObject(HISTORY[flow].includes('APPROVED') ? { name: 'Lee Minji', version: 2 } : { name: 'Kim Minji', version: 1 });
      if (flow === 'overdue') {
        await waitFor(() => messagesTo(reviewer.email, 'email').some((message) => message.text.includes(id)), { timeoutMs: 60_000, what: 'the reminder' });
      }
      // Settled: nothing more arrives (a duplicate would be written by now, notices go out in order).
      expect(messagesTo(member.loginId, 'email')).toHaveLength(MEMBER_NOTICES[flow]);
      if (flow === 'overdue') expect(messagesTo(reviewer.email, 'email').filter((message) => message.text.includes(id))).toHaveLength(1);
      await worker.stop();
    },
    120_000,
  );
});
