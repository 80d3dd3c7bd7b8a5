import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request, { type Response } from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEventEntity, SYSTEM_ACTOR } from '../../libs/audit/src/index.js';
import { ReviewerAccountsService, ReviewerEntity, ReviewerSessionEntity, type ReviewerRole } from '../../libs/reviewers/src/index.js';
import { uniqueEmail } from '../support/factories.js';
import { signUpAndLogin } from '../support/member-client.js';
import { runDir, startAdmin, startApi } from '../support/stack.js';

const PASSWORD = 'Rv7!kWq2#p';

interface TestReviewer {
  id: string;
  email: string;
  role: ReviewerRole;
  displayName: string;
  password: string;
}

/** The value of a cookie the response sets, or undefined. */
function cookieSet(res: Response, name: string): { value: string; attributes: string } | undefined {
  const headers = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = headers.find((header) => header.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';');
  return { value: pair.slice(name.length + 1), attributes: attributes.join(';').trim() };
}

describe('admin app: reviewer sign-in, sessions, roles and the sign-in pages', () => {
  let admin: INestApplication;
  let api: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let dataSource: DataSource;
  const secretsSeen = new Set<string>([PASSWORD]);

  beforeAll(async () => {
    // Supertest connects over loopback: trusting it stands in for the proxy that terminates https.
    admin = await startAdmin({ TRUST_PROXY: 'loopback' });
    api = await startApi();
    http = admin.getHttpServer();
    dataSource = admin.get(DataSource);
  });
  afterAll(async () => {
    await admin.close();
    await api.close();
  });

  async function aReviewer(role: ReviewerRole = 'REVIEWER', displayName = 'Lee Jiwoo'): Promise<TestReviewer> {
    const email = uniqueEmail(role.toLowerCase());
    const view = await admin.get(ReviewerAccountsService).create({ email, password: PASSWORD, role, displayName }, SYSTEM_ACTOR);
    return { ...view, password: PASSWORD };
  }

  const login = (email: string, password: string) => request(http).post('/admin/api/v1/auth/login').send({ email, password });
  const me = (token: string) => request(http).get('/admin/api/v1/me').auth(token, { type: 'bearer' });

  async function tokenOf(reviewer: TestReviewer): Promise<string> {
    const res = await login(reviewer.email, reviewer.password).expect(200);
    secretsSeen.add(res.body.accessToken);
    return res.body.accessToken;
  }

  /** Signs in through the HTML form, as the browser does: the session and CSRF cookies it ends with. */
  async function pageSignIn(reviewer: TestReviewer, headers: Record<string, string> = {}) {
    const page = await request(http).get('/login').set(headers).expect(200);
    const csrfCookie = cookieSet(page, 'admin_csrf')!.value;
    const field = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const res = await request(http)
      .post('/login')
      .set(headers)
      .set('Cookie', `admin_csrf=${csrfCookie}`)
      .type('form')
      .send({ _csrf: field, email: reviewer.email, password: reviewer.password })
      .expect(303);
    const session = cookieSet(res, 'admin_session')!;
    const csrf = cookieSet(res, 'admin_csrf')!.value;
    secretsSeen.add(session.value);
    return { res, session, csrf, cookie: `admin_session=${session.value}; admin_csrf=${csrf}` };
  }

  describe('JSON sign-in', () => {
    it('answers a bearer token, its expiry and the reviewer; /me shows the reviewer', async () => {
      const reviewer = await aReviewer('REVIEWER', 'Lee Jiwoo');
      const res = await login(`  ${reviewer.email.toUpperCase()} `, reviewer.password).expect(200);
      secretsSeen.add(res.body.accessToken);
      expect(res.body).toEqual({
        accessToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        tokenType: 'Bearer',
        expiresAt: expect.any(String),
        reviewer: { id: reviewer.id, email: reviewer.email, role: 'REVIEWER', displayName: 'Lee Jiwoo' },
      });
      expect(new Date(res.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 11 * 3_600_000);
      expect(cookieSet(res, 'admin_session')).toBeUndefined();
      const whoAmI = await me(res.body.accessToken).expect(200);
      expect(whoAmI.body).toEqual({ id: reviewer.id, email: reviewer.email, role: 'REVIEWER', displayName: 'Lee Jiwoo' });
    });

    it('answers an unknown email exactly like a wrong password', async () => {
      const reviewer = await aReviewer();
      const wrong = await login(reviewer.email, 'Wrong!pass9').expect(401);
      const unknown = await login(uniqueEmail('nobody'), 'Wrong!pass9').expect(401);
      const malformed = await login('not-an-email', 'Wrong!pass9').expect(401);
      const strip = ({ instance: _instance, ...body }: Record<string, unknown>) => body;
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(strip(malformed.body)).toEqual(strip(wrong.body));
    });

    it.each([
      ['a missing password', { email: 'a@example.com' }, 'password'],
      ['an unknown field', { email: 'a@example.com', password: 'x', role: 'ADMIN' }, 'role'],
      ['a non-string email', { email: ['a@example.com'], password: 'x' }, 'email'],
    ])('refuses %s with VALIDATION_FAILED', async (_case, body, field) => {
      const res = await request(http).post('/admin/api/v1/auth/login').send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('locks sign-in after 5 consecutive wrong passwords, even for the right one, and audits the lock', async () => {
      const reviewer = await aReviewer();
      for (let i = 0; i < 4; i++) expect((await login(reviewer.email, 'Wrong!pass9').expect(401)).body.code).toBe('INVALID_CREDENTIALS');
      const locking = await login(reviewer.email, 'Wrong!pass9').expect(429);
      expect(locking.body).toMatchObject({ code: 'ACCOUNT_TEMPORARILY_LOCKED', lockedUntil: expect.any(String) });
      expect(locking.body.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(Number(locking.headers['retry-after'])).toBe(locking.body.retryAfterSeconds);
      const rightWhileLocked = await login(reviewer.email, reviewer.password).expect(429);
      expect(rightWhileLocked.body.code).toBe('ACCOUNT_TEMPORARILY_LOCKED');
      const events = await dataSource.manager.findBy(AuditEventEntity, { action: 'REVIEWER_LOCKED' });
      expect(events.filter((event) => event.afterJson?.includes(reviewer.id))).toHaveLength(1);
    });

    it('forgets earlier wrong passwords after a correct one', async () => {
      const reviewer = await aReviewer();
      for (let i = 0; i < 4; i++) await login(reviewer.email, 'Wrong!pass9').expect(401);
      await login(reviewer.email, reviewer.password).expect(200);
      for (let i = 0; i < 4; i++) await login(reviewer.email, 'Wrong!pass9').expect(401);
      await login(reviewer.email, reviewer.password).expect(200);
    });

    it('refuses a disabled reviewer like a wrong password and ends their sessions', async () => {
      const reviewer = await aReviewer();
      const token = await tokenOf(reviewer);
      await dataSource.manager.update(ReviewerEntity, { id: reviewer.id }, { disabledAt: new Date() });
      const refused = await login(reviewer.email, reviewer.password).expect(401);
      expect(refused.body.code).toBe('INVALID_CREDENTIALS');
      expect((await me(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('sessions', () => {
    it('logout makes the token useless and is audited with the reviewer as actor', async () => {
      const reviewer = await aReviewer();
      const token = await tokenOf(reviewer);
      await request(http).post('/admin/api/v1/auth/logout').auth(token, { type: 'bearer' }).expect(204);
      expect((await me(token).expect(401)).body.code).toBe('UNAUTHENTICATED');
      await request(http).post('/admin/api/v1/auth/logout').auth(token, { type: 'bearer' }).expect(401);
      const events = await dataSource.manager.find(AuditEventEntity, { where: { actorId: reviewer.id }, order: { occurredAt: 'ASC' } });
      expect(events.map((event) => [event.action, event.actorType, event.memberId])).toEqual([
        ['REVIEWER_SIGNED_IN', 'REVIEWER', null],
        ['REVIEWER_SIGNED_OUT', 'REVIEWER', null],
      ]);
      expect(events.map((event) => `${event.beforeJson}${event.afterJson}`).join()).not.toContain(token);
    });

    it('stores only a hash of the token, and an idle-expired session no longer works', async () => {
      const reviewer = await aReviewer();
      const token = await tokenOf(reviewer);
      const sessions = await dataSource.manager.findBy(ReviewerSessionEntity, { reviewerId: reviewer.id });
      expect(sessions).toHaveLength(1);
      expect(sessions[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(sessions)).not.toContain(token);
      await dataSource.manager.update(ReviewerSessionEntity, { id: sessions[0].id }, { idleExpiresAt: new Date(Date.now() - 1_000) });
      await me(token).expect(401);
    });

    it.each([
      ['no credentials', {}],
      ['a made-up bearer token', { Authorization: 'Bearer bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtcmVhbGx5' }],
      ['a Basic header', { Authorization: 'Basic dXNlcjpwYXNz' }],
      ['a made-up session cookie', { Cookie: 'admin_session=bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtcmVhbGx5' }],
    ])('refuses /me with %s', async (_case, headers) => {
      const res = await request(http).get('/admin/api/v1/me').set(headers).expect(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    });

    it("never accepts a member's token, as bearer or cookie; nor a reviewer's token on the member API", async () => {
      const member = await signUpAndLogin(api);
      secretsSeen.add(member.token);
      expect((await me(member.token).expect(401)).body.code).toBe('UNAUTHENTICATED');
      await request(http).get('/admin/api/v1/me').set('Cookie', `admin_session=${member.token}`).expect(401);
      await request(http).get('/queue').set('Cookie', `admin_session=${member.token}`).expect(303).expect('Location', '/login');
      const reviewerToken = await tokenOf(await aReviewer());
      await request(api.getHttpServer()).get('/api/v1/me/sessions').auth(reviewerToken, { type: 'bearer' }).expect(401);
    });
  });

  describe('roles', () => {
    it('lets an ADMIN list reviewer accounts and refuses a REVIEWER with FORBIDDEN', async () => {
      const chief = await aReviewer('ADMIN', 'Choi Admin');
      const reviewer = await aReviewer('REVIEWER', 'Lee Jiwoo');
      const refused = await request(http)
        .get('/admin/api/v1/reviewers')
        .auth(await tokenOf(reviewer), { type: 'bearer' })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', requiredRoles: ['ADMIN'] });
      const list = await request(http)
        .get('/admin/api/v1/reviewers')
        .auth(await tokenOf(chief), { type: 'bearer' })
        .expect(200);
      expect(list.body).toEqual(
        expect.arrayContaining([
          { id: chief.id, email: chief.email, role: 'ADMIN', displayName: 'Choi Admin', disabled: false, createdAt: expect.any(String) },
          { id: reviewer.id, email: reviewer.email, role: 'REVIEWER', displayName: 'Lee Jiwoo', disabled: false, createdAt: expect.any(String) },
        ]),
      );
      expect(JSON.stringify(list.body)).not.toMatch(/passwordHash|\$2b\$/);
      await request(http).get('/admin/api/v1/reviewers').expect(401);
    });

    it('lets an ADMIN do what any reviewer may', async () => {
      const chief = await aReviewer('ADMIN');
      expect((await me(await tokenOf(chief)).expect(200)).body.role).toBe('ADMIN');
    });
  });

  describe('browser pages', () => {
    it('sends a visitor from / and /queue to the sign-in page', async () => {
      await request(http).get('/').expect(303).expect('Location', '/login');
      await request(http).get('/queue').expect(303).expect('Location', '/login');
    });

    it('serves the sign-in page with a CSRF token, a strict CSP and no caching', async () => {
      const page = await request(http)
        .get('/login')
        .expect(200)
        .expect('Content-Type', /text\/html/);
      expect(page.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      );
      expect(page.headers['cache-control']).toBe('no-store');
      const csrf = cookieSet(page, 'admin_csrf')!;
      expect(csrf.attributes).toMatch(/HttpOnly/);
      expect(csrf.attributes).toMatch(/SameSite=Strict/);
      expect(page.text).toContain(`name="_csrf" value="${csrf.value}"`);
      expect(page.text).toContain('<form method="post" action="/login">');
      expect(page.text).not.toMatch(/<script|style=/);
    });

    it('signs in through the form: HttpOnly SameSite=Strict cookie, 303 to /queue, which names the reviewer; /me works with the cookie', async () => {
      const reviewer = await aReviewer('REVIEWER', 'Kang <Minho>');
      const { res, session, cookie } = await pageSignIn(reviewer);
      expect(res.headers.location).toBe('/queue');
      expect(session.attributes).toMatch(/Path=\//);
      expect(session.attributes).toMatch(/HttpOnly/);
      expect(session.attributes).toMatch(/SameSite=Strict/);
      expect(session.attributes).not.toMatch(/Secure/);
      const queue = await request(http).get('/queue').set('Cookie', cookie).expect(200);
      expect(queue.text).toContain('Signed in as <strong>Kang &lt;Minho&gt;</strong> (REVIEWER)');
      expect(queue.text).toContain('<h1>Review queue</h1>');
      await request(http).get('/').set('Cookie', cookie).expect(303).expect('Location', '/queue');
      await request(http).get('/login').set('Cookie', cookie).expect(303).expect('Location', '/queue');
      const whoAmI = await request(http).get('/admin/api/v1/me').set('Cookie', cookie).expect(200);
      expect(whoAmI.body).toMatchObject({ id: reviewer.id, displayName: 'Kang <Minho>' });
    });

    it('marks the cookies Secure when the request came over https through a trusted proxy', async () => {
      const { session } = await pageSignIn(await aReviewer(), { 'X-Forwarded-Proto': 'https' });
      expect(session.attributes).toMatch(/Secure/);
    });

    it('needs the CSRF token for unsafe requests authenticated by the cookie, not for bearer ones', async () => {
      const { cookie, csrf } = await pageSignIn(await aReviewer());
      const refused = await request(http).post('/admin/api/v1/auth/logout').set('Cookie', cookie).expect(403);
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', reason: 'CSRF' });
      await request(http).post('/admin/api/v1/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', 'A'.repeat(43)).expect(403);
      await request(http).get('/admin/api/v1/me').set('Cookie', cookie).expect(200);
      const out = await request(http).post('/admin/api/v1/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
      expect(cookieSet(out, 'admin_session')?.value).toBe('');
      await request(http).get('/admin/api/v1/me').set('Cookie', cookie).expect(401);
    });

    it('refuses a form sign-in without the CSRF token, re-rendering the form (403)', async () => {
      const reviewer = await aReviewer();
      const res = await request(http).post('/login').type('form').send({ email: reviewer.email, password: reviewer.password }).expect(403);
      expect(res.text).toContain('The sign-in form expired. Please sign in again.');
      expect(cookieSet(res, 'admin_session')).toBeUndefined();
    });

    it('re-renders the form with a clear message and 401 on a wrong password, keeping the email only', async () => {
      const reviewer = await aReviewer();
      const page = await request(http).get('/login');
      const csrf = cookieSet(page, 'admin_csrf')!.value;
      const res = await request(http)
        .post('/login')
        .set('Cookie', `admin_csrf=${csrf}`)
        .type('form')
        .send({ _csrf: csrf, email: reviewer.email, password: 'Wrong!pass9' })
        .expect(401)
        .expect('Content-Type', /text\/html/);
      expect(res.text).toContain('The email or password is not correct.');
      expect(res.text).toContain(`value="${reviewer.email}"`);
      expect(res.text).not.toContain('Wrong!pass9');
      expect(cookieSet(res, 'admin_session')).toBeUndefined();
    });

    it('shows the lock on the form with 429 and Retry-After', async () => {
      const reviewer = await aReviewer();
      for (let i = 0; i < 5; i++) await login(reviewer.email, 'Wrong!pass9');
      const page = await request(http).get('/login');
      const csrf = cookieSet(page, 'admin_csrf')!.value;
      const res = await request(http)
        .post('/login')
        .set('Cookie', `admin_csrf=${csrf}`)
        .type('form')
        .send({ _csrf: csrf, email: reviewer.email, password: reviewer.password })
        .expect(429);
      expect(res.text).toMatch(/sign-in to this account is locked until \d\d:\d\d UTC/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('signs out through the form: the session ends and the cookie is cleared', async () => {
      const { cookie, csrf } = await pageSignIn(await aReviewer());
      await request(http).post('/logout').set('Cookie', cookie).type('form').send({}).expect(403);
      const out = await request(http).post('/logout').set('Cookie', cookie).type('form').send({ _csrf: csrf }).expect(303).expect('Location', '/login');
      expect(cookieSet(out, 'admin_session')?.value).toBe('');
      const after = await request(http).get('/queue').set('Cookie', cookie).expect(303).expect('Location', '/login');
      expect(cookieSet(after, 'admin_session')?.value).toBe('');
    });

    it('serves the stylesheet the pages use', async () => {
      const css = await request(http)
        .get('/assets/admin.css')
        .expect(200)
        .expect('Content-Type', /text\/css/);
      expect(css.text).toContain('td.empty');
    });

    it('keeps pages out of the OpenAPI document and the JSON API in it', async () => {
      const doc = await request(http).get('/admin/api/docs-json').expect(200);
      const paths = Object.keys(doc.body.paths);
      expect(paths).toEqual(expect.arrayContaining(['/admin/api/v1/auth/login', '/admin/api/v1/auth/logout', '/admin/api/v1/me', '/admin/api/v1/reviewers']));
      expect(paths.filter((p) => ['/', '/login', '/logout', '/queue', '/assets/admin.css'].includes(p))).toEqual([]);
      await request(http).get('/admin/api/v1/queue').expect(404);
    });
  });

  it('never writes a password or token into the admin log', async () => {
    const file = path.join(runDir(), 'admin.log');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('"route":"/admin/api/v1/auth/login"');
    expect(secretsSeen.size).toBeGreaterThan(3);
    for (const secret of secretsSeen) expect(text).not.toContain(secret);
  });
});
