import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { privilegedMember, signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { startApi } from '../support/stack.js';

const P1 = 'Alpha!123x';
const P2 = 'Bravo#456y';
const P3 = 'Charl$789z';
const P4 = 'Delta%012w';

describe('change login password', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const change = (token: string, currentPassword: string, newPassword: string, newPasswordConfirmation = newPassword) =>
    request(http).put('/api/v1/me/password').auth(token, { type: 'bearer' }).send({ currentPassword, newPassword, newPasswordConfirmation });
  const login = (loginId: string, password: string) => request(http).post('/api/v1/auth/login').send({ loginId, password });

  it('changes the password, keeps this session, revokes the others and emails the member', async () => {
    const member = await privilegedMember(app, { password: P1, language: 'ja' });
    const other = await login(member.loginId, P1).expect(200);

    await change(member.token, P1, P2).expect(204);

    await request(http).get('/api/v1/me/sessions').auth(other.body.accessToken, { type: 'bearer' }).expect(401);
    const mine = await request(http).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(200);
    expect(mine.body.map((session: { id: string }) => session.id)).toEqual([member.sessionId]);
    await login(member.loginId, P1).expect(401);
    await login(member.loginId, P2).expect(200);
    const notices = messagesTo(member.loginId, 'email');
    expect(notices).toHaveLength(1);
    expect(notices[0].text).not.toContain(P2);
  });

  it('refuses the 3 most recently used passwords, the current one included, and allows the 4th', async () => {
    const member = await privilegedMember(app, { password: P1 });
    await change(member.token, P1, P2).expect(204);
    await change(member.token, P2, P3).expect(204);
    await change(member.token, P3, P4).expect(204);
    for (const reused of [P4, P3, P2]) {
      const res = await change(member.token, P4, reused).expect(422);
      expect(res.body.code).toBe('PASSWORD_RECENTLY_USED');
    }
    await change(member.token, P4, P1).expect(204);
    await login(member.loginId, P1).expect(200);
  });

  it('refuses a confirmation that differs', async () => {
    const member = await privilegedMember(app, { password: P1 });
    const res = await change(member.token, P1, P2, P3).expect(422);
    expect(res.body.code).toBe('PASSWORD_CONFIRMATION_MISMATCH');
    await login(member.loginId, P1).expect(200);
  });

  it('refuses a new password that breaks the policy, listing every rule', async () => {
    const member = await privilegedMember(app, { password: P1 });
    const res = await change(member.token, P1, 'short').expect(422);
    expect(res.body.code).toBe('PASSWORD_POLICY_VIOLATION');
    expect(res.body.violations.map((v: { rule: string }) => v.rule)).toEqual(expect.arrayContaining(['TOO_SHORT', 'MISSING_DIGIT', 'MISSING_SPECIAL']));
    const local = member.loginId.split('@')[0];
    const withLoginId = await change(member.token, P1, `${local}!9A`).expect(422);
    expect(withLoginId.body.violations.map((v: { rule: string }) => v.rule)).toContain('CONTAINS_LOGIN_ID');
  });

  it('refuses a wrong current password, which counts toward the lockout', async () => {
    const member = await privilegedMember(app, { password: P1 });
    for (let i = 0; i < 4; i++) {
      const res = await change(member.token, 'Wrong!pass9', P2).expect(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await login(member.loginId, 'Wrong!pass9').expect(429);
    expect(locked.body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
    await change(member.token, P1, P2).expect(429);
  });

  it('requires a re-authenticated session', async () => {
    const member = await signUpAndLogin(app, { password: P1 });
    const res = await change(member.token, P1, P2).expect(403);
    expect(res.body.code).toBe('REAUTHENTICATION_REQUIRED');
    await login(member.loginId, P1).expect(200);
  });

  it('refuses unknown fields and missing ones with VALIDATION_FAILED', async () => {
    const member = await privilegedMember(app, { password: P1 });
    const res = await request(http).put('/api/v1/me/password').auth(member.token, { type: 'bearer' }).send({ newPassword: P2, extra: 1 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['currentPassword', 'newPasswordConfirmation', 'extra']));
  });
});
