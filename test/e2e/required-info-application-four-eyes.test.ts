// Four eyes over HTTP, as staff would: a business-registration-number change approved by reviewer A
// waits for a second approval; A's second approval is refused with FOUR_EYES_REQUIRED (422); reviewer
// B claims it and approves, which applies it with before/after in the audit. The member sees the
// extra step in the history. An administrator frees or hands over a claim; the reviewer is told.
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { parseDatabaseUrl } from '../../libs/config/src/index.js';
import { dataSourceOptions } from '../../libs/persistence/src/index.js';
import { reviewerRequest, submitApplication } from '../support/application-client.js';
import { aBusinessSignUp } from '../support/factories.js';
import { privilegedMember, signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi } from '../support/stack.js';

const NEW_BRN = '124-81-56788';

describe('four eyes and the administrator’s reassignment (HTTP)', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let a: SignedInReviewer;
  let b: SignedInReviewer;
  let boss: SignedInReviewer;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
    [a, b, boss] = [await signedInReviewer(admin), await signedInReviewer(admin), await signedInReviewer(admin, 'ADMIN')];
    dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(process.env.DATABASE_URL!)));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
    await dataSource.destroy();
  });

  const as = (who: SignedInReviewer) => reviewerRequest(admin, who.token);

  it('a BRN change approved by A waits for B; A cannot give the second approval; B applies it', async () => {
    const member = await privilegedMember(api, aBusinessSignUp());
    const { body } = await submitApplication(api, member, { businessRegistrationNumber: NEW_BRN }).expect(201);
    expect(body).toEqual({ id: expect.any(String), status: 'SUBMITTED' });
    const id = body.id as string;
    expect((await as(a).get(`/applications/${id}`).expect(200)).body).toMatchObject({ fourEyes: true, firstApprovedBy: null });

    await as(a).post(`/applications/${id}/claim`).expect(200);
    const first = await as(a).post(`/applications/${id}/approve`).expect(200);
    expect(first.body).toMatchObject({ status: 'AWAITING_SECOND_APPROVAL', claimedBy: null, firstApprovedBy: a.id });
    const account = async () => (await request(api.getHttpServer()).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(200)).body;
    expect((await account()).businessRegistrationNumber).toBe('******2517');

    // Its own queue filter.
    const waiting = await as(b).get('/applications?status=AWAITING_SECOND_APPROVAL&limit=100').expect(200);
    expect(waiting.body.items.find((item: { id: string }) => item.id === id)).toMatchObject({ firstApprovedBy: a.id });

    const refused = await as(a).post(`/applications/${id}/approve`).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('FOUR_EYES_REQUIRED');
    expect((await as(a).post(`/applications/${id}/claim`).expect(422)).body.code).toBe('FOUR_EYES_REQUIRED');

    await as(b).post(`/applications/${id}/claim`).expect(200);
    expect((await as(b).post(`/applications/${id}/approve`).expect(200)).body).toMatchObject({ status: 'APPROVED' });
    expect((await account()).businessRegistrationNumber).toBe('******6788');

    const history = await request(api.getHttpServer()).get(`/api/v1/me/required-info-applications/${id}`).auth(member.token, { type: 'bearer' }).expect(200);
    expect(history.body.history.map((entry: { to: string }) => entry.to)).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'AWAITING_SECOND_APPROVAL',
      'AWAITING_SECOND_APPROVAL',
      'APPROVED',
    ]);
    const [change] = await dataSource.query(
      `SELECT actor_id, before_json, after_json FROM audit_events WHERE member_id = ? AND action = 'REQUIRED_INFO_CHANGED'`,
      [member.id],
    );
    expect(change.actor_id).toBe(b.id);
    expect(JSON.parse(change.after_json)).toMatchObject({ firstApprovedBy: a.id });
    expect(JSON.parse(change.before_json)).toHaveProperty('businessRegistrationNumber');
  });

  it('a name-only change needs one approval (not a four-eyes field by default)', async () => {
    const member = await signUpAndLogin(api);
    const { body } = await submitApplication(api, member, { name: 'Lee Minji' }).expect(201);
    await as(a).post(`/applications/${body.id}/claim`).expect(200);
    expect((await as(a).post(`/applications/${body.id}/approve`).expect(200)).body).toMatchObject({ status: 'APPROVED' });
  });

  it('lets an ADMIN free or hand over a claim held by another reviewer, audited and told; refuses a REVIEWER', async () => {
    const member = await signUpAndLogin(api);
    const { body } = await submitApplication(api, member, { name: 'Lee Minji' }).expect(201);
    const id = body.id as string;
    await as(a).post(`/applications/${id}/claim`).expect(200);

    expect((await as(b).post(`/applications/${id}/reassign`, { release: true }).expect(403)).body.code).toBe('FORBIDDEN');
    expect((await as(boss).post(`/applications/${id}/reassign`, {}).expect(422)).body.code).toBe('VALIDATION_FAILED');
    expect((await as(boss).post(`/applications/${id}/reassign`, { reviewerId: a.id }).expect(409)).body.code).toBe('INVALID_STATE');

    expect((await as(boss).post(`/applications/${id}/reassign`, { reviewerId: b.id }).expect(200)).body).toMatchObject({
      status: 'IN_REVIEW',
      claimedBy: b.id,
    });
    await waitFor(() => messagesTo(a.email, 'email').some((message) => message.text.includes(id)), { timeoutMs: 30_000, what: 'the previous claimant told' });
    expect((await as(a).post(`/applications/${id}/approve`).expect(403)).body.code).toBe('FORBIDDEN');

    expect((await as(boss).post(`/applications/${id}/reassign`, { release: true }).expect(200)).body).toMatchObject({ status: 'SUBMITTED', claimedBy: null });
    await waitFor(() => messagesTo(b.email, 'email').some((message) => message.text.includes(id)), { timeoutMs: 30_000, what: 'the second claimant told' });
    const audit = await dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE member_id = ? AND action LIKE 'APPLICATION_CLAIM_%' ORDER BY occurred_at`,
      [member.id],
    );
    expect(audit).toEqual([
      { action: 'APPLICATION_CLAIM_REASSIGNED', actor_id: boss.id },
      { action: 'APPLICATION_CLAIM_FREED', actor_id: boss.id },
    ]);
    expect((await as(boss).post(`/applications/${id}/reassign`, { release: true }).expect(409)).body.code).toBe('INVALID_STATE');
  });
});
