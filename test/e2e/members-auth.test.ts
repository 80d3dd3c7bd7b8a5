import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { aBusinessSignUp, aSignUp, DEMO_PASSWORD, uniqueEmail } from '../support/factories.js';
import { signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { runDir, startApi } from '../support/stack.js';

describe('members: sign-up, sign-in, sessions, re-authentication, lockout', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  const secretsSeen = new Set<string>();

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const login = (loginId: string, password: string) => request(http).post('/api/v1/auth/login').send({ loginId, password });
  const reauth = (token: string, password: string) => request(http).post('/api/v1/auth/reauthenticate').auth(token, { type: 'bearer' }).send({ password });
  const account = (token: string) => request(http).get('/api/v1/me/account').auth(token, { type: 'bearer' });

  describe('sign-up', () => {
    it('creates a member with a normalised login ID', async () => {
      const email = uniqueEmail('Mixed.Case');
      const res = await request(http)
        .post('/api/v1/members')
        .send(aSignUp({ loginId: `  ${email.toUpperCase()} `.trim() }))
        .expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), loginId: email.toLowerCase() });
    });

    it('refuses a login ID already in use, whatever its case', async () => {
      const body = aSignUp();
      await request(http).post('/api/v1/members').send(body).expect(201);
      const res = await request(http)
        .post('/api/v1/members')
        .send({ ...body, loginId: body.loginId.toUpperCase() })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'LOGIN_ID_TAKEN', status: 409 });
    });

    it('reports every violated password rule at once', async () => {
      const res = await request(http)
        .post('/api/v1/members')
        .send(aSignUp({ password: 'abc def' }))
        .expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('PASSWORD_POLICY_VIOLATION');
      const rules = res.body.violations.map((violation: { rule: string }) => violation.rule);
      expect(rules).toEqual(expect.arrayContaining(['TOO_SHORT', 'MISSING_DIGIT', 'MISSING_SPECIAL', 'CONTAINS_SPACE']));
      expect(JSON.stringify(res.body)).not.toContain('abc def');
    });

    it('creates a business member with a valid registration number and masks it on the account page', async () => {
      const body = aBusinessSignUp();
      await request(http).post('/api/v1/members').send(body).expect(201);
      const { body: session } = await login(body.loginId, body.password).expect(200);
      await reauth(session.accessToken, body.password).expect(200);
      const page = await account(session.accessToken).expect(200);
      expect(page.body).toMatchObject({ memberType: 'CORPORATE_BUSINESS', businessName: 'Example Cloud Co., Ltd.', businessRegistrationNumber: '******2517' });
    });

    it.each([
      ['an invalid business registration number', aBusinessSignUp({ businessRegistrationNumber: '220-81-62518' }), 422, 'INVALID_BUSINESS_REGISTRATION_NUMBER'],
      ['a business member without a business name', aBusinessSignUp({ businessName: undefined }), 422, 'VALIDATION_FAILED'],
      ['business fields on a personal member', aSignUp({ businessName: 'Shop' }), 422, 'VALIDATION_FAILED'],
      ['a landline as mobile phone', aSignUp({ mobilePhone: '02-123-4567' }), 422, 'VALIDATION_FAILED'],
      ['an unknown service area', aSignUp({ serviceArea: 'MARS' }), 422, 'VALIDATION_FAILED'],
      ['an unknown member type', aSignUp({ memberType: 'ROBOT' as never }), 400, 'VALIDATION_FAILED'],
      ['an unsupported language', aSignUp({ language: 'fr' as never }), 400, 'VALIDATION_FAILED'],
      ['a malformed email', aSignUp({ loginId: 'not-an-email' }), 400, 'VALIDATION_FAILED'],
      ['an unknown field', aSignUp({ isAdmin: true }), 400, 'VALIDATION_FAILED'],
      ['a bad country code', aSignUp({ address: { country: 'XX', postalCode: '06236', line1: 'x' } }), 400, 'VALIDATION_FAILED'],
    ])('refuses %s with %s and stores nothing', async (_case, body, status, code) => {
      const res = await request(http).post('/api/v1/members').send(body).expect(status);
      expect(res.body.code).toBe(code);
      await login(body.loginId, body.password).expect(401);
    });
  });

  describe('sign-in and re-authentication', () => {
    it('refuses the account page until the session is re-authenticated, then shows it', async () => {
      const member = await signUpAndLogin(app);
      secretsSeen.add(member.token).add(member.password);
      const refused = await account(member.token).expect(403);
      expect(refused.body.code).toBe('REAUTHENTICATION_REQUIRED');
      const wrong = await reauth(member.token, 'Wrong!pass9').expect(401);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      const ok = await reauth(member.token, member.password).expect(200);
      expect(new Date(ok.body.privilegedUntil).getTime()).toBeGreaterThan(Date.now() + 9 * 60_000);
      const page = await account(member.token).expect(200);
      expect(page.headers.etag).toBe('"1"');
      expect(page.body).toMatchObject({
        id: member.id,
        loginId: member.loginId,
        memberType: 'PERSONAL',
        name: 'Kim Minji',
        language: 'en',
        mobilePhone: '+821012345678',
        serviceArea: 'KR',
        billingEmail: member.loginId,
        address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro', line2: '12F' },
        version: 1,
      });
      expect(page.body).not.toHaveProperty('passwordHash');
    });

    it('answers an unknown login ID exactly like a wrong password', async () => {
      const member = await signUpAndLogin(app);
      const wrongPassword = await login(member.loginId, 'Wrong!pass9').expect(401);
      const unknown = await login(uniqueEmail('nobody'), 'Wrong!pass9').expect(401);
      const strip = ({ instance: _instance, ...body }: Record<string, unknown>) => body;
      expect(strip(unknown.body)).toEqual(strip(wrongPassword.body));
      expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('refuses login bodies without both fields with VALIDATION_FAILED', async () => {
      const res = await request(http).post('/api/v1/auth/login').send({ loginId: 'a@example.com' }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field: 'password', rules: expect.any(Array) }]);
    });

    it.each([
      ['no token', undefined],
      ['a made-up token', 'bm90LWEtcmVhbC10b2tlbg'],
    ])('refuses member endpoints with %s', async (_case, token) => {
      const req = request(http).get('/api/v1/me/sessions');
      const res = await (token ? req.auth(token, { type: 'bearer' }) : req).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('sessions', () => {
    it('lists sessions with the current one marked, revokes another, and logout ends the current one', async () => {
      const member = await signUpAndLogin(app);
      const second = await login(member.loginId, member.password).expect(200);
      const list = await request(http).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(200);
      expect(list.body).toHaveLength(2);
      expect(list.body.find((s: { id: string }) => s.id === member.sessionId).current).toBe(true);
      expect(list.body.find((s: { id: string }) => s.id === second.body.sessionId).current).toBe(false);

      await request(http).delete(`/api/v1/me/sessions/${second.body.sessionId}`).auth(member.token, { type: 'bearer' }).expect(204);
      const revoked = await request(http).get('/api/v1/me/sessions').auth(second.body.accessToken, { type: 'bearer' }).expect(401);
      expect(revoked.body.code).toBe('UNAUTHENTICATED');

      await request(http).post('/api/v1/auth/logout').auth(member.token, { type: 'bearer' }).expect(204);
      await request(http).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(401);
    });

    it("cannot revoke another member's session", async () => {
      const alice = await signUpAndLogin(app);
      const bob = await signUpAndLogin(app);
      const res = await request(http).delete(`/api/v1/me/sessions/${bob.sessionId}`).auth(alice.token, { type: 'bearer' }).expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await request(http).get('/api/v1/me/sessions').auth(bob.token, { type: 'bearer' }).expect(200);
    });
  });

  describe('lockout', () => {
    it('blocks this client after 5 consecutive wrong passwords, across login and re-authentication, without emailing the member', async () => {
      const member = await signUpAndLogin(app, { language: 'ko' });
      for (let i = 0; i < 2; i++) await reauth(member.token, 'Wrong!pass9').expect(401);
      for (let i = 0; i < 2; i++) await login(member.loginId, 'Wrong!pass9').expect(401);
      const locking = await login(member.loginId, 'Wrong!pass9').expect(429);
      expect(locking.body).toMatchObject({ code: 'ACCOUNT_TEMPORARILY_LOCKED', retryAfterSeconds: expect.any(Number), lockedUntil: expect.any(String) });
      expect(locking.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(Number(locking.headers['retry-after'])).toBe(locking.body.retryAfterSeconds);

      const correctWhileLocked = await login(member.loginId, member.password).expect(429);
      expect(correctWhileLocked.body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
      await reauth(member.token, member.password).expect(429);

      // Only the account-wide lock (100 in 24 h, test/e2e/brute-force.test.ts) is emailed.
      expect(messagesTo(member.loginId, 'email')).toHaveLength(0);
    });

    it('resets the count after a correct password', async () => {
      const member = await signUpAndLogin(app);
      for (let i = 0; i < 4; i++) await login(member.loginId, 'Wrong!pass9').expect(401);
      await login(member.loginId, member.password).expect(200);
      for (let i = 0; i < 4; i++) await login(member.loginId, 'Wrong!pass9').expect(401);
      await login(member.loginId, member.password).expect(200);
      expect(messagesTo(member.loginId)).toHaveLength(0);
    });
  });

  it('never writes a password or token into the logs', async () => {
    const member = await signUpAndLogin(app);
    await reauth(member.token, member.password).expect(200);
    secretsSeen.add(member.token).add(member.password).add(DEMO_PASSWORD);
    const logs = ['api.log', 'worker.log'].map((file) => path.join(runDir(), file)).filter((file) => fs.existsSync(file));
    expect(logs.length).toBeGreaterThan(0);
    const text = logs.map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    expect(text).toContain('"msg":"request"');
    for (const secret of secretsSeen) expect(text).not.toContain(secret);
  });
});
