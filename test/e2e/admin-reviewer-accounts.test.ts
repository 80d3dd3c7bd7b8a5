// Issue 14: an ADMIN manages reviewer accounts over HTTP — create with an emailed set-password
// link, the new reviewer sets a password on the page and signs in, disabling ends the session
// at once, and an admin can neither disable nor demote themself.
import type { INestApplication } from '@nestjs/common';
import request, { type Response } from 'supertest';
import { uniqueEmail } from '../support/factories.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { startAdmin } from '../support/stack.js';

const NEW_PASSWORD = 'Fresh!Rev7pass';

function cookieSet(res: Response, name: string): string | undefined {
  const line = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((header) => header.startsWith(`${name}=`));
  return line?.split(';')[0].slice(name.length + 1);
}

/** The set-password link of the newest email to `to`. */
function setPasswordLink(to: string): URL {
  const message = messagesTo(to, 'email').at(-1);
  const url = message?.text.match(/https?:\/\/\S+\/set-password\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!url) throw new Error(`No set-password link sent to ${to}`);
  return new URL(url);
}

describe('reviewer accounts (ADMIN)', () => {
  let admin: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let adminUser: SignedInReviewer;
  let reviewer: SignedInReviewer;

  beforeAll(async () => {
    admin = await startAdmin();
    http = admin.getHttpServer();
    adminUser = await signedInReviewer(admin, 'ADMIN');
    reviewer = await signedInReviewer(admin, 'REVIEWER');
  });
  afterAll(async () => admin.close());

  const asAdmin = (req: request.Test) => req.auth(adminUser.token, { type: 'bearer' });

  /** Sets a password through the page, as the browser of the emailed link does. */
  async function setPasswordOnThePage(link: URL, password: string, confirmation = password): Promise<Response> {
    const page = await request(http).get(`${link.pathname}${link.search}`).expect(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    return request(http)
      .post('/set-password')
      .set('Cookie', `admin_csrf=${cookieSet(page, 'admin_csrf')}`)
      .type('form')
      .send({ _csrf: csrf, token: link.searchParams.get('token'), password, confirmation });
  }

  it('creates an account with an emailed single-use link; the reviewer sets a password and signs in; disabling ends the session at once', async () => {
    const email = uniqueEmail('invited');
    const created = await asAdmin(request(http).post('/admin/api/v1/reviewers')).send({ email, displayName: 'Invited Reviewer', role: 'REVIEWER' }).expect(201);
    expect(created.body).toMatchObject({ email, displayName: 'Invited Reviewer', role: 'REVIEWER', disabled: false });
    expect(JSON.stringify(created.body)).not.toMatch(/token|password/i);

    // No password works before the link is used.
    await request(http).post('/admin/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(401);

    const link = setPasswordLink(email);
    expect(link.pathname).toBe('/set-password');
    // The policy is the members' one: a weak password is refused and the link stays usable.
    const weak = await setPasswordOnThePage(link, 'short');
    expect(weak.status).toBe(422);
    expect(weak.text).toContain('role="alert"');
    const mismatch = await setPasswordOnThePage(link, NEW_PASSWORD, `${NEW_PASSWORD}x`);
    expect(mismatch.status).toBe(422);

    const done = await setPasswordOnThePage(link, NEW_PASSWORD);
    expect(done.status).toBe(200);
    expect(done.text).toContain('/login');
    // Single use: the same link is dead now.
    await request(http).get(`${link.pathname}${link.search}`).expect(422);
    const reused = await request(http).get('/login');
    expect(reused.status).toBe(200);

    const signIn = await request(http).post('/admin/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);
    const token = signIn.body.accessToken as string;
    await request(http).get('/admin/api/v1/me').auth(token, { type: 'bearer' }).expect(200);

    const disabled = await asAdmin(request(http).patch(`/admin/api/v1/reviewers/${created.body.id}`))
      .send({ disabled: true })
      .expect(200);
    expect(disabled.body.disabled).toBe(true);
    const after = await request(http).get('/admin/api/v1/me').auth(token, { type: 'bearer' }).expect(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
    await request(http).post('/admin/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(401);

    const listed = await asAdmin(request(http).get('/admin/api/v1/reviewers')).expect(200);
    expect(listed.body.find((account: { id: string }) => account.id === created.body.id)).toMatchObject({ disabled: true });
  });

  it('a password reset emails a new link that replaces the old one; a disabled account gets none', async () => {
    const email = uniqueEmail('reset');
    const created = await asAdmin(request(http).post('/admin/api/v1/reviewers')).send({ email, displayName: 'Reset Reviewer', role: 'ADMIN' }).expect(201);
    const first = setPasswordLink(email);
    await asAdmin(request(http).post(`/admin/api/v1/reviewers/${created.body.id}/password-reset`)).expect(202);
    const second = setPasswordLink(email);
    expect(second.searchParams.get('token')).not.toBe(first.searchParams.get('token'));
    await request(http).get(`${first.pathname}${first.search}`).expect(422);
    expect((await setPasswordOnThePage(second, NEW_PASSWORD)).status).toBe(200);
    await request(http).post('/admin/api/v1/auth/login').send({ email, password: NEW_PASSWORD }).expect(200);

    await asAdmin(request(http).patch(`/admin/api/v1/reviewers/${created.body.id}`))
      .send({ disabled: true })
      .expect(200);
    const refused = await asAdmin(request(http).post(`/admin/api/v1/reviewers/${created.body.id}/password-reset`)).expect(409);
    expect(refused.body.code).toBe('INVALID_STATE');
  });

  it('changes a role; an admin can neither disable nor demote themself', async () => {
    const promoted = await asAdmin(request(http).patch(`/admin/api/v1/reviewers/${reviewer.id}`))
      .send({ role: 'ADMIN' })
      .expect(200);
    expect(promoted.body.role).toBe('ADMIN');
    await request(http).get('/admin/api/v1/reviewers').auth(reviewer.token, { type: 'bearer' }).expect(200);
    await asAdmin(request(http).patch(`/admin/api/v1/reviewers/${reviewer.id}`))
      .send({ role: 'REVIEWER' })
      .expect(200);
    await request(http).get('/admin/api/v1/reviewers').auth(reviewer.token, { type: 'bearer' }).expect(403);

    for (const change of [{ disabled: true }, { role: 'REVIEWER' }]) {
      const res = await asAdmin(request(http).patch(`/admin/api/v1/reviewers/${adminUser.id}`))
        .send(change)
        .expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.code).toBe('OWN_ACCOUNT_CHANGE');
    }
    await request(http).get('/admin/api/v1/me').auth(adminUser.token, { type: 'bearer' }).expect(200);
  });

  it('refuses bad input with problem documents and nothing created', async () => {
    const bad = await asAdmin(request(http).post('/admin/api/v1/reviewers')).send({ email: 'not-an-email', displayName: '', role: 'ROOT' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    const email = uniqueEmail('twice');
    await asAdmin(request(http).post('/admin/api/v1/reviewers')).send({ email, displayName: 'Twice', role: 'REVIEWER' }).expect(201);
    const taken = await asAdmin(request(http).post('/admin/api/v1/reviewers'))
      .send({ email: email.toUpperCase(), displayName: 'Twice', role: 'REVIEWER' })
      .expect(409);
    expect(taken.body.code).toBe('LOGIN_ID_TAKEN');
    expect(messagesTo(email, 'email')).toHaveLength(1);
    await asAdmin(request(http).patch(`/admin/api/v1/reviewers/${adminUser.id}`))
      .send({})
      .expect(422);
    await asAdmin(request(http).patch('/admin/api/v1/reviewers/00000000-0000-4000-8000-000000000000')).send({ disabled: true }).expect(404);
    const forged = await request(http).get('/set-password?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(422);
    expect(forged.text).toContain('role="alert"');
  });

  it('writes each change to the audit trail, which ADMINs search newest first, masked and paged', async () => {
    const res = await asAdmin(request(http).get('/admin/api/v1/audit-events').query({ type: 'REVIEWER_UPDATED', limit: '2' })).expect(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0].occurredAt >= res.body.items[1].occurredAt).toBe(true);
    expect(res.body.items.every((event: { type: string }) => event.type === 'REVIEWER_UPDATED')).toBe(true);
    expect(typeof res.body.nextCursor).toBe('string');
    const next = await asAdmin(
      request(http).get('/admin/api/v1/audit-events').query({ type: 'REVIEWER_UPDATED', limit: '2', cursor: res.body.nextCursor }),
    ).expect(200);
    expect(next.body.items[0].id).not.toBe(res.body.items[0].id);
    expect(next.body.items[0].occurredAt <= res.body.items[1].occurredAt).toBe(true);

    const created = await asAdmin(request(http).get('/admin/api/v1/audit-events').query({ type: 'REVIEWER_CREATED', limit: '100' })).expect(200);
    const text = JSON.stringify(created.body);
    expect(text).toMatch(/"email":"[^"@]\*\*\*@/);
    expect(text).not.toMatch(/passwordHash|token/i);

    await request(http).get('/admin/api/v1/audit-events').auth(reviewer.token, { type: 'bearer' }).expect(403);
    await asAdmin(request(http).get('/admin/api/v1/audit-events').query({ limit: '101' })).expect(422);
    await asAdmin(request(http).get('/admin/api/v1/audit-events').query({ memberId: 'nope' })).expect(422);
    await asAdmin(request(http).get('/admin/api/v1/audit-events').query({ cursor: 'garbage' })).expect(422);
  });
});
