// Smoke test of review deadlines over HTTP: short durations injected through configuration reach
// the workflow, the queue shows the flag and the reviewers get the reminder. The deadlines
// themselves (each status, expiry) are covered in test/workflows/required-info-application.test.ts.
// Its own file: the API here runs with other settings, and Passport strategies are process-wide.
import type { INestApplication } from '@nestjs/common';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { reviewerRequest, submitApplication } from '../support/application-client.js';
import { signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi } from '../support/stack.js';

describe('review deadlines over HTTP (smoke)', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let reviewer: SignedInReviewer;

  beforeAll(async () => {
    api = await startApi({ REVIEW_UNCLAIMED_DEADLINE_SECONDS: '2', REVIEW_IN_REVIEW_DEADLINE_SECONDS: '2', REVIEW_INFO_REQUEST_DEADLINE_SECONDS: '3' });
    admin = await startAdmin();
    reviewer = await signedInReviewer(admin);
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  const detail = async (id: string) => (await reviewerRequest(admin, reviewer.token).get(`/applications/${id}`).expect(200)).body;

  it('flags an unclaimed application overdue, reminds reviewers, and clears the flag when it moves', async () => {
    const member = await signUpAndLogin(api);
    const { body } = await submitApplication(api, member).expect(201);
    await waitFor(async () => (await detail(body.id)).overdue === true, { timeoutMs: 30_000, what: 'the overdue flag' });
    const overdueQueue = await reviewerRequest(admin, reviewer.token).get('/applications?overdue=true&limit=100').expect(200);
    expect(overdueQueue.body.items.find((item: { id: string }) => item.id === body.id)).toMatchObject({ overdue: true, status: 'SUBMITTED' });
    await waitFor(() => messagesTo(reviewer.email, 'email').some((message) => message.text.includes(body.id)), { timeoutMs: 30_000, what: 'a reminder' });

    await reviewerRequest(admin, reviewer.token).post(`/applications/${body.id}/claim`).expect(200);
    expect((await detail(body.id)).overdue).toBe(false);
    await waitFor(async () => (await detail(body.id)).overdue === true, { timeoutMs: 30_000, what: 'overdue in review' });
  });
});
