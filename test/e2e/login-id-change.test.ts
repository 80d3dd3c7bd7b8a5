import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { uniqueEmail } from '../support/factories.js';
import { LoginIdChangeDriver, uniqueMobile, waitForEmails } from '../support/login-id-change-client.js';
import { privilegedMember, signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { startApi, temporalClient } from '../support/stack.js';

describe('change login ID: the Temporal workflow over HTTP', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let temporal: { client: Client; close: () => Promise<void> };

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await temporal.close();
    await app.close();
  });

  // What a change keeps of its codes: the codes and the recorded outcomes of its checks, by change id.
  const keptFor = async (changeId: string) => {
    const dataSource = app.get(DataSource);
    const codes = await dataSource.query('SELECT id FROM verification_codes WHERE subject_id = ?', [changeId]);
    const checks = await dataSource.query('SELECT check_key FROM verification_checks WHERE subject_id = ?', [changeId]);
    return { codes: codes.length, checks: checks.length };
  };
  const forgottenWhenClosed = (changeId: string) =>
    waitFor(
      async () => {
        const kept = await keptFor(changeId);
        return kept.codes === 0 && kept.checks === 0;
      },
      { timeoutMs: 30_000, what: `the codes and checks of change ${changeId} to be gone` },
    );

  const driverFor = async () => new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));
  const login = (loginId: string, password: string) => request(http).post('/api/v1/auth/login').send({ loginId, password });

  it('changes the login ID through the five steps, revokes other sessions and notifies both addresses', async () => {
    const change = await driverFor();
    const { member } = change;
    const otherSession = await login(member.loginId, member.password).expect(200);
    const newLoginId = uniqueEmail('changed');

    const started = await change.start('010' + member.body.mobilePhone.slice(5)).expect(201);
    expect(started.body).toMatchObject({ status: 'AWAITING_IDENTITY_CODE', newLoginId: null });
    expect(messagesTo(member.body.mobilePhone, 'sms')).toHaveLength(1);
    await change
      .identityCode(change.smsCode())
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('AWAITING_NEW_LOGIN_ID'));
    await change
      .newLoginId(newLoginId.toUpperCase())
      .expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ status: 'AWAITING_EMAIL_CODE', newLoginId }));
    await change
      .emailCode(change.emailCodeFor(newLoginId))
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('AWAITING_CONFIRMATION'));
    const confirmed = await change.confirm().expect(200);
    expect(confirmed.body).toMatchObject({ status: 'COMPLETED', newLoginId });

    await change
      .status()
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('COMPLETED'));
    await login(newLoginId, member.password).expect(200);
    await login(member.loginId, member.password).expect(401);
    await request(http).get('/api/v1/me/sessions').auth(otherSession.body.accessToken, { type: 'bearer' }).expect(401);
    await request(http).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(200);

    const [oldNotice] = await waitForEmails(member.loginId, 1);
    expect(oldNotice.text).toContain(newLoginId);
    expect(oldNotice.text).toMatch(/[A-Za-z0-9_-]{43}/);
    const newNotices = await waitForEmails(newLoginId, 2);
    expect(newNotices.at(-1)!.text).toContain(newLoginId);
    // Nothing of the codes outlives the change (the two checks were recorded while it ran).
    await forgottenWhenClosed(confirmed.body.changeId);
  });

  it('is findable by MemberId in Temporal visibility with its FlowStatus', async () => {
    const change = await driverFor();
    await change.start().expect(201);
    await waitFor(
      async () => {
        for await (const workflow of temporal.client.workflow.list({ query: `MemberId = "${change.member.id}"` })) {
          return workflow.workflowId === `login-id-change:${change.member.id}` && workflow.searchAttributes.FlowStatus?.[0] === 'AWAITING_IDENTITY_CODE';
        }
        return false;
      },
      { timeoutMs: 30_000, what: 'the change in visibility' },
    );
    await change.cancel().expect(204);
  });

  it('refuses a second change while one is in flight, and allows a new one after cancelling', async () => {
    const change = await driverFor();
    await change.start().expect(201);
    const again = await change.start().expect(409);
    expect(again.body.code).toBe('CHANGE_ALREADY_IN_PROGRESS');
    await change.cancel().expect(204);
    await change
      .status()
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('CANCELLED'));
    // Refused either way: 409 INVALID_STATE (currentStatus CANCELLED) while the closed change's workflow
    // is still finishing its last task, 404 once it has closed.
    const secondCancel = await change.cancel();
    expect([404, 409]).toContain(secondCancel.status);
    if (secondCancel.status === 409) expect(secondCancel.body).toMatchObject({ code: 'INVALID_STATE', currentStatus: 'CANCELLED' });
    await change
      .start()
      .expect(201)
      .expect(({ body }) => expect(body.status).toBe('AWAITING_IDENTITY_CODE'));
    await change.cancel().expect(204);
  });

  it('checks identity: wrong password and a different mobile number are refused before anything starts', async () => {
    const change = await driverFor();
    const wrongPassword = await change.start(change.member.body.mobilePhone, 'Wrong!pass9').expect(401);
    expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    const mismatch = await change.start(uniqueMobile()).expect(422);
    expect(mismatch.body.code).toBe('IDENTITY_MISMATCH');
    await change.status().expect(404);
    expect(messagesTo(change.member.body.mobilePhone, 'sms')).toHaveLength(0);
  });

  it('fails the change after 5 wrong codes', async () => {
    const change = await driverFor();
    await change.start().expect(201);
    const wrong = change.smsCode() === '000000' ? '111111' : '000000';
    for (let remaining = 4; remaining >= 1; remaining--) {
      const res = await change.identityCode(wrong).expect(422);
      expect(res.body).toMatchObject({ code: 'VERIFICATION_CODE_INVALID', attemptsRemaining: remaining });
    }
    // While the change runs, each wrong code's check is recorded (a retried check answers from it).
    expect(await keptFor((await change.status().expect(200)).body.changeId)).toEqual({ codes: 1, checks: 4 });
    const last = await change.identityCode(wrong).expect(429);
    expect(last.body.code).toBe('TOO_MANY_ATTEMPTS');
    await change.waitForStatus('FAILED');
    const failed = (await change.status()).body;
    expect(failed.failureCode).toBe('TOO_MANY_ATTEMPTS');
    await forgottenWhenClosed(failed.changeId);
  });

  it('refuses actions that do not fit the current step', async () => {
    const change = await driverFor();
    await change.start().expect(201);
    const early = await change.emailCode('123456').expect(409);
    expect(early.body).toMatchObject({ code: 'INVALID_STATE', status: 409, currentStatus: 'AWAITING_IDENTITY_CODE' });
    await change.confirm().expect(409);
    await change.cancel().expect(204);
  });

  it('refuses a new address that is taken or unchanged, and re-sending before the pause', async () => {
    const change = await driverFor();
    const other = await signUpAndLogin(app);
    await change.start().expect(201);
    const tooSoon = await change.resend().expect(429);
    expect(tooSoon.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: expect.any(Number) });
    await change.identityCode(change.smsCode()).expect(200);
    const mailBefore = [messagesTo(other.loginId, 'email').length, messagesTo(change.member.loginId, 'email').length];
    const taken = await change.newLoginId(other.loginId).expect(409);
    expect(taken.body.code).toBe('LOGIN_ID_TAKEN');
    const same = await change.newLoginId(change.member.loginId).expect(422);
    expect(same.body.code).toBe('VALIDATION_FAILED');
    // A refused address is sent no code (the check and the send are one activity: the send only after an accepted check).
    expect([messagesTo(other.loginId, 'email').length, messagesTo(change.member.loginId, 'email').length]).toEqual(mailBefore);
    const malformed = await change.newLoginId('not-an-email').expect(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    await change
      .status()
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('AWAITING_NEW_LOGIN_ID'));
    await change.cancel().expect(204);
  });

  it('lets exactly one of many members confirming the same new address win (R3)', async () => {
    // quality.md R3: 50 racers in the full tier (verify's SQLite run), 10 on the other database.
    const racers = process.env.CRASH_MATRIX === 'full' ? 50 : 10;
    const contested = uniqueEmail('contested');
    const drivers = await Promise.all(Array.from({ length: racers }, () => driverFor()));
    // Steps 1–2 together (each member's SMS goes to its own number) …
    await Promise.all(
      drivers.map(async (driver) => {
        await driver.start().expect(201);
        await driver.identityCode(driver.smsCode()).expect(200);
      }),
    );
    // … steps 3–4 one member at a time: every member's email code goes to the same contested address.
    for (const driver of drivers) {
      await driver.newLoginId(contested).expect(200);
      await driver.emailCode(driver.emailCodeFor(contested)).expect(200);
    }

    const results = await Promise.all(drivers.map((driver) => driver.confirm()));
    const winners = drivers.filter((_, i) => results[i].status === 200);
    expect(winners).toHaveLength(1);
    const refusals = results.filter((res) => res.status !== 200);
    expect(refusals.map((res) => [res.status, res.body.code])).toEqual(Array.from({ length: racers - 1 }, () => [409, 'LOGIN_ID_TAKEN']));
    await login(contested, winners[0].member.password).expect(200);
    for (const loser of drivers.filter((driver) => driver !== winners[0])) {
      await loser.waitForStatus('FAILED');
      await login(loser.member.loginId, loser.member.password).expect(200);
    }
  }, 180_000);

  it('restores the previous login ID with the token from the old-address notice, once', async () => {
    const change = await driverFor();
    const previous = change.member.loginId;
    const newLoginId = uniqueEmail('reverted');
    await change.reachConfirmation(newLoginId);
    await change.confirm().expect(200);
    const [notice] = await waitForEmails(previous, 1);
    const token = notice.text.match(/[A-Za-z0-9_-]{43}/)![0];

    const reverted = await request(http).post('/api/v1/login-id-change-reverts').send({ token }).expect(200);
    expect(reverted.body).toEqual({ loginId: previous });
    await request(http).get('/api/v1/me/sessions').auth(change.member.token, { type: 'bearer' }).expect(401);
    // The revert voids the password (test/e2e/login-id-change-revert.test.ts): sign-in waits for a reset.
    await login(previous, change.member.password).expect(403);
    await login(newLoginId, change.member.password).expect(401);
    await waitForEmails(previous, 2);
    const reused = await request(http).post('/api/v1/login-id-change-reverts').send({ token }).expect(404);
    expect(reused.body.code).toBe('NOT_FOUND');
  });

  it('refuses an unknown revert token', async () => {
    const res = await request(http)
      .post('/api/v1/login-id-change-reverts')
      .send({ token: 'x'.repeat(43) })
      .expect(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('requires a re-authenticated session to start', async () => {
    const member = await signUpAndLogin(app);
    const res = await new LoginIdChangeDriver(app, member).start().expect(403);
    expect(res.body.code).toBe('REAUTHENTICATION_REQUIRED');
  });
});
