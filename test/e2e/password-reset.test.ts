// Its own file: Passport strategies are process-wide, so one API app per file.
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PasswordResetTokenEntity } from '../../libs/auth/src/index.js';
import { uniqueEmail } from '../support/factories.js';
import { privilegedMember, signUpAndLogin } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { waitForResetLinks } from '../support/password-reset-client.js';
import { startApi } from '../support/stack.js';

const PORTAL = 'http://127.0.0.1:3003';

describe('forgot password over HTTP', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi({ PUBLIC_PORTAL_URL: PORTAL, PASSWORD_RESET_REQUESTS_PER_LOGIN_ID_PER_HOUR: '3', LOCKOUT_THRESHOLD: '3' });
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const login = (loginId: string, password: string) => request(http).post('/api/v1/auth/login').send({ loginId, password });
  const ask = (loginId: string) => request(http).post('/api/v1/auth/password-reset').send({ loginId });
  const confirm = (token: string, newPassword: string, newPasswordConfirmation = newPassword) =>
    request(http).post('/api/v1/auth/password-reset/confirm').send({ token, newPassword, newPasswordConfirmation });
  const tokenOf = (link: URL) => link.searchParams.get('token')!;

  it('sets a new password from the emailed portal link: old sessions end, the history applies, the link works once', async () => {
    const member = await privilegedMember(app);
    const other = await login(member.loginId, member.password).expect(200);
    // A second password, so the history holds the first.
    const second = 'Second!pw42';
    await request(http)
      .put('/api/v1/me/password')
      .auth(member.token, { type: 'bearer' })
      .send({ currentPassword: member.password, newPassword: second, newPasswordConfirmation: second })
      .expect(204);

    const accepted = await ask(member.loginId.toUpperCase()).expect(202);
    const [link] = await waitForResetLinks(member.loginId, 1);
    expect(`${link.origin}${link.pathname}`).toBe(`${PORTAL}/password-reset`);
    const token = tokenOf(link);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(accepted.body).toEqual({ message: expect.any(String) });

    const previous = await confirm(token, member.password).expect(422);
    expect(previous.body).toMatchObject({ code: 'PASSWORD_RECENTLY_USED', status: 422 });
    expect(previous.headers['content-type']).toMatch(/application\/problem\+json/);
    await confirm(token, second)
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('PASSWORD_RECENTLY_USED'));
    await confirm(token, 'Third!pw42', 'Third!pw43')
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('PASSWORD_CONFIRMATION_MISMATCH'));
    await confirm(token, 'short')
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('PASSWORD_POLICY_VIOLATION'));

    await confirm(token, 'Third!pw42').expect(204);
    await request(http).get('/api/v1/me/sessions').auth(member.token, { type: 'bearer' }).expect(401);
    await request(http).get('/api/v1/me/sessions').auth(other.body.accessToken, { type: 'bearer' }).expect(401);
    await login(member.loginId, second).expect(401);
    await login(member.loginId, 'Third!pw42').expect(200);
    const used = await confirm(token, 'Fourth!pw42').expect(422);
    expect(used.body.code).toBe('RESET_TOKEN_INVALID');
    expect(messagesTo(member.loginId, 'email').some((message) => message.subject === 'Your password was reset')).toBe(true);
  });

  it('answers an unknown login ID exactly like a known one, and sends nothing', async () => {
    const member = await signUpAndLogin(app);
    const unknown = uniqueEmail('nobody');
    const known = await ask(member.loginId);
    const stranger = await ask(unknown);
    expect({ status: stranger.status, body: stranger.body, type: stranger.headers['content-type'] }).toEqual({
      status: known.status,
      body: known.body,
      type: known.headers['content-type'],
    });
    expect(known.status).toBe(202);
    await waitForResetLinks(member.loginId, 1);
    expect(messagesTo(unknown)).toHaveLength(0);
  });

  it('replaces an older link with a newer one', async () => {
    const member = await signUpAndLogin(app);
    await ask(member.loginId).expect(202);
    await waitForResetLinks(member.loginId, 1);
    await ask(member.loginId).expect(202);
    const [older, newer] = await waitForResetLinks(member.loginId, 2);
    await confirm(tokenOf(older), 'Newer!pw42')
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('RESET_TOKEN_INVALID'));
    await confirm(tokenOf(newer), 'Newer!pw42').expect(204);
  });

  it('refuses an unknown or expired token with RESET_TOKEN_INVALID', async () => {
    await confirm('x'.repeat(43), 'Unknown!pw42')
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('RESET_TOKEN_INVALID'));
    const member = await signUpAndLogin(app);
    await ask(member.loginId).expect(202);
    const [link] = await waitForResetLinks(member.loginId, 1);
    // Thirty minutes cannot pass in a test: move the link's end into the past instead.
    await app.get(DataSource).manager.update(PasswordResetTokenEntity, { memberId: member.id }, { expiresAt: new Date(Date.now() - 1_000) });
    await confirm(tokenOf(link), 'Expired!pw42')
      .expect(422)
      .expect(({ body }) => expect(body.code).toBe('RESET_TOKEN_INVALID'));
    await login(member.loginId, member.password).expect(200);
  });

  it('clears the failure counters of the login ID: a locked-out member gets back in', async () => {
    const member = await signUpAndLogin(app);
    for (let i = 0; i < 3; i++) await login(member.loginId, 'Wrong!pw42');
    await login(member.loginId, member.password)
      .expect(429)
      .expect(({ body }) => expect(body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED'));
    await ask(member.loginId).expect(202);
    const [link] = await waitForResetLinks(member.loginId, 1);
    await confirm(tokenOf(link), 'Unlocked!pw42').expect(204);
    await login(member.loginId, 'Unlocked!pw42').expect(200);
  });

  it('limits requests per login ID, known or not, the same way', async () => {
    const member = await signUpAndLogin(app);
    const unknown = uniqueEmail('nobody');
    for (let i = 0; i < 3; i++) {
      await ask(member.loginId).expect(202);
      await ask(unknown).expect(202);
    }
    const known = await ask(member.loginId).expect(429);
    const stranger = await ask(unknown).expect(429);
    expect(known.body.code).toBe('TOO_MANY_REQUESTS');
    expect({ ...stranger.body, retryAfterSeconds: 0 }).toEqual({ ...known.body, retryAfterSeconds: 0 });
    await waitForResetLinks(member.loginId, 3);
  });

  it('documents both endpoints with every status they answer', async () => {
    const { body } = await request(http).get('/api/docs-json').expect(200);
    expect(Object.keys(body.paths['/api/v1/auth/password-reset'].post.responses).sort()).toEqual(['202', '400', '413', '422', '429', '503']);
    expect(Object.keys(body.paths['/api/v1/auth/password-reset/confirm'].post.responses).sort()).toEqual(['204', '400', '413', '422', '429', '503']);
  });
});
