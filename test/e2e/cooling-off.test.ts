// Its own file: Passport strategies are process-wide, so one API app per file (default cooling-off periods).
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { uniqueEmail } from '../support/factories.js';
import { LoginIdChangeDriver, uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { waitForResetLinks } from '../support/password-reset-client.js';
import { startApi } from '../support/stack.js';

describe('cooling-off after a completed login-ID change', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const driverFor = async () => new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));

  async function complete(change: LoginIdChangeDriver, newLoginId: string): Promise<void> {
    await change.reachConfirmation(newLoginId);
    await change.confirm().expect(200);
  }

  it('refuses a second change within 7 days with CHANGE_COOLING_OFF, availableAt and retryAfterSeconds, and audits it', async () => {
    const change = await driverFor();
    const before = Date.now();
    await complete(change, uniqueEmail('cooled'));
    const smsBefore = messagesTo(change.member.body.mobilePhone, 'sms').length;

    const refused = await change.start().expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'CHANGE_COOLING_OFF', status: 409 });
    const availableAt = Date.parse(refused.body.availableAt);
    expect(availableAt).toBeGreaterThanOrEqual(before + 604_800_000);
    expect(availableAt).toBeLessThanOrEqual(Date.now() + 604_800_000);
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(604_000);
    expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(604_800);
    // Nothing started: no code went out, and the newest change is still the completed one.
    expect(messagesTo(change.member.body.mobilePhone, 'sms')).toHaveLength(smsBefore);
    await change
      .status()
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('COMPLETED'));
    const events = await app
      .get(DataSource)
      .query('SELECT action FROM audit_events WHERE member_id = ? AND action = ?', [change.member.id, 'LOGIN_ID_CHANGE_REFUSED_COOLING_OFF']);
    expect(events).toHaveLength(1);
  });

  it('does not count a reverted change', async () => {
    const change = await driverFor();
    const { member } = change;
    await complete(change, uniqueEmail('undone'));
    const notice = () => messagesTo(member.loginId, 'email').find((message) => message.text.includes('/login-id-change-reverts?token='));
    await waitFor(() => notice() !== undefined, { timeoutMs: 30_000, what: 'the old-address notice' });
    const token = notice()!.text.match(/login-id-change-reverts\?token=([A-Za-z0-9_-]+)/)![1];
    await request(http).post('/api/v1/login-id-change-reverts').send({ token }).expect(200);

    // The revert voided the password: set a new one with the link it sent, then start again.
    const [resetLink] = await waitForResetLinks(member.loginId, 1);
    const password = 'Again!pw42';
    await request(http)
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token: resetLink.searchParams.get('token'), newPassword: password, newPasswordConfirmation: password })
      .expect(204);
    const session = await request(http).post('/api/v1/auth/login').send({ loginId: member.loginId, password }).expect(200);
    const token2 = session.body.accessToken as string;
    await request(http).post('/api/v1/auth/reauthenticate').auth(token2, { type: 'bearer' }).send({ password }).expect(200);
    const again = new LoginIdChangeDriver(app, { ...member, token: token2, password });
    await again
      .start()
      .expect(201)
      .expect(({ body }) => expect(body.status).toBe('AWAITING_IDENTITY_CODE'));
    await again.cancel().expect(204);
  });
});
