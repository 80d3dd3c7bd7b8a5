// quality.md R6: every endpoint × {anonymous, member A, member B, reviewer, admin} gets exactly the
// intended allow or deny; member A's resources are unreachable for B (404, as if they did not exist)
// and members never reach the admin API (their tokens are not reviewer sessions).
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { fixture, submitApplication } from '../support/application-client.js';
import { privilegedMember, type SignedInMember } from '../support/member-client.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi } from '../support/stack.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

type Actor = 'anonymous' | 'memberA' | 'memberB' | 'reviewer' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'memberA', 'memberB', 'reviewer', 'admin'];

interface Row {
  readonly app: 'api' | 'admin';
  readonly method: 'get' | 'post' | 'patch' | 'delete';
  readonly path: () => string;
  /** A JSON body to send (none by default). */
  readonly send?: Record<string, unknown>;
  /** A browser page: refusals are HTML pages (or a redirect to sign-in), not problem documents. */
  readonly page?: boolean;
  /** Expected status per actor. */
  readonly expect: Record<Actor, number>;
}

describe('access matrix', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let memberA: SignedInMember;
  let memberB: SignedInMember;
  let reviewer: SignedInReviewer;
  let adminUser: SignedInReviewer;
  let applicationId: string;
  let documentId: string;
  let inquiryId: string;
  let attachmentId: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
    memberA = await privilegedMember(api);
    memberB = await privilegedMember(api);
    reviewer = await signedInReviewer(admin, 'REVIEWER');
    adminUser = await signedInReviewer(admin, 'ADMIN');
    applicationId = (await submitApplication(api, memberA).expect(201)).body.id;
    const detail = await request(api.getHttpServer())
      .get(`/api/v1/me/required-info-applications/${applicationId}`)
      .auth(memberA.token, { type: 'bearer' })
      .expect(200);
    documentId = detail.body.documents[0].id;
    inquiryId = (
      await request(api.getHttpServer())
        .post('/api/v1/support/inquiries')
        .auth(memberA.token, { type: 'bearer' })
        .field('category', 'ACCOUNT')
        .field('title', 'Question')
        .field('body', 'Body')
        .attach('attachments', fixture('valid/proof.png'))
        .expect(201)
    ).body.id;
    const inquiries = await request(api.getHttpServer()).get('/api/v1/me/inquiries').auth(memberA.token, { type: 'bearer' }).expect(200);
    attachmentId = inquiries.body[0].attachments[0].id;
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  const token = (actor: Actor): string | undefined =>
    ({ anonymous: undefined, memberA: memberA.token, memberB: memberB.token, reviewer: reviewer.token, admin: adminUser.token })[actor];

  // Reads only (and refused writes): an allowed write would change what later rows see.
  const rows: Row[] = [
    { app: 'api', method: 'get', path: () => '/api/v1/me/account', expect: { anonymous: 401, memberA: 200, memberB: 200, reviewer: 401, admin: 401 } },
    { app: 'api', method: 'get', path: () => '/api/v1/me/sessions', expect: { anonymous: 401, memberA: 200, memberB: 200, reviewer: 401, admin: 401 } },
    {
      app: 'api',
      method: 'get',
      path: () => '/api/v1/me/required-info-applications',
      expect: { anonymous: 401, memberA: 200, memberB: 200, reviewer: 401, admin: 401 },
    },
    {
      app: 'api',
      method: 'get',
      path: () => `/api/v1/me/required-info-applications/${applicationId}`,
      expect: { anonymous: 401, memberA: 200, memberB: 404, reviewer: 401, admin: 401 },
    },
    {
      app: 'api',
      method: 'post',
      path: () => `/api/v1/me/required-info-applications/${applicationId}/documents`,
      expect: { anonymous: 401, memberA: 409, memberB: 404, reviewer: 401, admin: 401 },
    },
    { app: 'api', method: 'get', path: () => '/api/v1/me/inquiries', expect: { anonymous: 401, memberA: 200, memberB: 200, reviewer: 401, admin: 401 } },
    {
      app: 'api',
      method: 'get',
      path: () => `/api/v1/me/inquiries/${inquiryId}/attachments/${attachmentId}`,
      expect: { anonymous: 401, memberA: 200, memberB: 404, reviewer: 401, admin: 401 },
    },
    { app: 'api', method: 'get', path: () => '/api/v1/me/login-id-change', expect: { anonymous: 401, memberA: 404, memberB: 404, reviewer: 401, admin: 401 } },
    {
      app: 'api',
      method: 'get',
      path: () => '/api/v1/forms/member-info-change-application',
      expect: { anonymous: 200, memberA: 200, memberB: 200, reviewer: 401, admin: 401 },
    },
    // Account recovery (issue 12): public by design, so every actor gets the same refusal of an empty body.
    {
      app: 'api',
      method: 'post',
      path: () => '/api/v1/auth/password-reset',
      expect: { anonymous: 400, memberA: 400, memberB: 400, reviewer: 400, admin: 400 },
    },
    {
      app: 'api',
      method: 'post',
      path: () => '/api/v1/auth/password-reset/confirm',
      expect: { anonymous: 400, memberA: 400, memberB: 400, reviewer: 400, admin: 400 },
    },
    { app: 'admin', method: 'get', path: () => '/admin/api/v1/me', expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 } },
    {
      app: 'admin',
      method: 'get',
      path: () => '/admin/api/v1/applications',
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/applications/${applicationId}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/applications/${applicationId}/documents/${documentId}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/applications/${applicationId}/documents/${attachmentId}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 404, admin: 404 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/admin/api/v1/applications/${applicationId}/approve`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 409, admin: 409 },
    },
    { app: 'admin', method: 'get', path: () => '/admin/api/v1/reviewers', expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 200 } },
    // The review desk (issue 14). Writes are refused ones (no body, unknown ID), or harmless.
    { app: 'admin', method: 'post', path: () => '/admin/api/v1/reviewers', expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 400 } },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/reviewers/${reviewer.id}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 200 },
    },
    {
      app: 'admin',
      method: 'patch',
      path: () => `/admin/api/v1/reviewers/${reviewer.id}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 422 },
    },
    {
      app: 'admin',
      method: 'patch',
      path: () => `/admin/api/v1/reviewers/${adminUser.id}`,
      send: { disabled: true },
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 422 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/admin/api/v1/reviewers/${UNKNOWN_ID}/password-reset`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 404 },
    },
    { app: 'admin', method: 'get', path: () => '/admin/api/v1/inquiries', expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 } },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/inquiries/${inquiryId}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/inquiries/${inquiryId}/attachments/${attachmentId}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/inquiries/${inquiryId}/attachments/${documentId}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 404, admin: 404 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/admin/api/v1/inquiries/${inquiryId}/replies`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 400, admin: 400 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/admin/api/v1/inquiries/${UNKNOWN_ID}/close`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 404, admin: 404 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => '/admin/api/v1/audit-events',
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/admin/api/v1/members/${memberA.id}`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 200, admin: 200 },
    },
    { app: 'admin', method: 'get', path: () => '/accounts', page: true, expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 403, admin: 200 } },
    {
      app: 'admin',
      method: 'get',
      path: () => `/accounts/${reviewer.id}`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 403, admin: 200 },
    },
    { app: 'admin', method: 'get', path: () => '/inbox', page: true, expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 200, admin: 200 } },
    {
      app: 'admin',
      method: 'get',
      path: () => `/inbox/${inquiryId}`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 200, admin: 200 },
    },
    {
      app: 'admin',
      method: 'get',
      path: () => `/inbox/${inquiryId}/attachments/${attachmentId}`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 200, admin: 200 },
    },
    { app: 'admin', method: 'get', path: () => '/audit', page: true, expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 403, admin: 200 } },
    {
      app: 'admin',
      method: 'get',
      path: () => `/lookup/${memberA.id}`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 200, admin: 200 },
    },
    { app: 'admin', method: 'get', path: () => '/lookup', page: true, expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 200, admin: 200 } },
    // The desk's page forms, each refused (no fields, unknown ID, own account): a browser sends the cookie and CSRF token, scripts a bearer.
    { app: 'admin', method: 'post', path: () => '/accounts', page: true, expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 403, admin: 400 } },
    {
      app: 'admin',
      method: 'post',
      path: () => `/accounts/${adminUser.id}`,
      send: { disabled: 'true' },
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 403, admin: 422 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/accounts/${UNKNOWN_ID}/password-reset`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 403, admin: 404 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/inbox/${inquiryId}/replies`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 400, admin: 400 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => `/inbox/${UNKNOWN_ID}/close`,
      page: true,
      expect: { anonymous: 303, memberA: 303, memberB: 303, reviewer: 404, admin: 404 },
    },
    // Forms before sign-in: without the browser's CSRF token they are refused for everyone.
    {
      app: 'admin',
      method: 'post',
      path: () => '/language',
      send: { lang: 'ko', next: '/' },
      page: true,
      expect: { anonymous: 403, memberA: 403, memberB: 403, reviewer: 403, admin: 403 },
    },
    {
      app: 'admin',
      method: 'post',
      path: () => '/set-password',
      page: true,
      expect: { anonymous: 403, memberA: 403, memberB: 403, reviewer: 403, admin: 403 },
    },
    // Before sign-in by design: without a live link it is the "ask for a new link" page for everyone.
    { app: 'admin', method: 'get', path: () => '/set-password', page: true, expect: { anonymous: 422, memberA: 422, memberB: 422, reviewer: 422, admin: 422 } },
    {
      app: 'api',
      method: 'get',
      path: () => `/api/v1/me/inquiries/${inquiryId}`,
      expect: { anonymous: 401, memberA: 200, memberB: 404, reviewer: 401, admin: 401 },
    },
    // An allowed reply leaves the inquiry OPEN (it was): later rows see the same.
    {
      app: 'api',
      method: 'post',
      path: () => `/api/v1/me/inquiries/${inquiryId}/replies`,
      send: { body: 'One more thing' },
      expect: { anonymous: 401, memberA: 201, memberB: 404, reviewer: 401, admin: 401 },
    },
    // ADMIN only; without a body the admin's request is refused (422: neither reviewerId nor release), nothing changes.
    {
      app: 'admin',
      method: 'post',
      path: () => `/admin/api/v1/applications/${applicationId}/reassign`,
      expect: { anonymous: 401, memberA: 401, memberB: 401, reviewer: 403, admin: 422 },
    },
    // Last: member A revoking its own session ends the session the rows above use.
    {
      app: 'api',
      method: 'delete',
      path: () => `/api/v1/me/sessions/${memberA.sessionId}`,
      expect: { anonymous: 401, memberA: 204, memberB: 404, reviewer: 401, admin: 401 },
    },
  ];

  it.each(
    rows.map(
      (row) =>
        [
          `${row.method.toUpperCase()} ${
            row.path
              .toString()
              .match(/'([^']+)'|`([^`]+)`/)
              ?.slice(1)
              .find(Boolean) ?? ''
          }`,
          row,
        ] as const,
    ),
  )('%s', async (_name, row) => {
    const server = (row.app === 'api' ? api : admin).getHttpServer();
    // Member A goes last on a DELETE: its own revocation would end the session the others probe.
    const actors: Actor[] = row.method === 'delete' ? [...ACTORS.filter((actor) => actor !== 'memberA'), 'memberA'] : ACTORS;
    const seen: Partial<Record<Actor, number>> = {};
    for (const actor of actors) {
      const bearer = token(actor);
      const req = request(server)[row.method](row.path());
      const authed = bearer ? req.auth(bearer, { type: 'bearer' }) : req;
      const res = await (row.send ? authed.send(row.send) : authed);
      seen[actor] = res.status;
      if (res.status >= 400) expect(res.headers['content-type']).toMatch(row.page ? /text\/html/ : /problem\+json/);
      if (row.page && res.status === 303) expect(res.headers.location).toBe('/login');
    }
    expect(seen).toEqual(row.expect);
  });
});
