// Issue 14: a member's inquiry is answered in the admin app; the member is emailed in their
// language, reads the answer over the API and replies (reopened); support closes it. Also the
// read-only member lookup (masked BRN, sessions count, open flows with Temporal UI links).
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { fixture, submitApplication } from '../support/application-client.js';
import { aBusinessSignUp } from '../support/factories.js';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi } from '../support/stack.js';

describe('support inbox and member lookup', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let member: SignedInMember;
  let other: SignedInMember;
  let reviewer: SignedInReviewer;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
    member = await signUpAndLogin(api, { ...aBusinessSignUp(), language: 'ko' });
    other = await signUpAndLogin(api);
    reviewer = await signedInReviewer(admin, 'REVIEWER');
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  const asMember = (m: SignedInMember, req: request.Test) => req.auth(m.token, { type: 'bearer' });
  const asReviewer = (req: request.Test) => req.auth(reviewer.token, { type: 'bearer' });

  async function anInquiry(title: string, withAttachment = false): Promise<string> {
    let req = asMember(member, request(api.getHttpServer()).post('/api/v1/support/inquiries'))
      .field('category', 'BILLING')
      .field('title', title)
      .field('body', 'Line one\nLine two');
    if (withAttachment) req = req.attach('attachments', fixture('valid/proof.pdf'), { filename: '청구서.pdf', contentType: 'application/pdf' });
    return (await req.expect(201)).body.id as string;
  }

  it('answers an inquiry: ANSWERED, the member emailed in Korean, reads it over the API and replies (OPEN again); closed refuses more replies', async () => {
    const id = await anInquiry('청구서 문의', true);
    const adminHttp = admin.getHttpServer();
    const apiHttp = api.getHttpServer();

    // The inbox lists it OPEN, oldest first.
    const open = await asReviewer(request(adminHttp).get('/admin/api/v1/inquiries').query({ status: 'OPEN', limit: '100' })).expect(200);
    const listed = open.body.items as Array<{ id: string; createdAt: string; status: string }>;
    expect(listed.find((item) => item.id === id)).toMatchObject({ status: 'OPEN', memberId: member.id, title: '청구서 문의' });
    expect(listed.map((item) => item.createdAt)).toEqual([...listed.map((item) => item.createdAt)].sort());

    // Opened with its attachment, downloadable like application documents.
    const detail = await asReviewer(request(adminHttp).get(`/admin/api/v1/inquiries/${id}`)).expect(200);
    expect(detail.body).toMatchObject({ id, status: 'OPEN', body: 'Line one\nLine two', replies: [] });
    const attachment = detail.body.attachments[0];
    expect(attachment).toMatchObject({ name: '청구서.pdf', mediaType: 'application/pdf' });
    const file = await asReviewer(request(adminHttp).get(`/admin/api/v1/inquiries/${id}/attachments/${attachment.id}`)).expect(200);
    expect(file.headers['content-type']).toMatch(/^application\/pdf/);
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    // The answer.
    await asReviewer(request(adminHttp).post(`/admin/api/v1/inquiries/${id}/replies`))
      .send({ body: '확인 후 정정했습니다.' })
      .expect(201);
    const email = messagesTo(member.loginId, 'email').at(-1)!;
    expect(email.subject).toContain('청구서 문의');
    expect(email.text).toContain('답변');

    // The member reads it; another member cannot.
    const thread = await asMember(member, request(apiHttp).get(`/api/v1/me/inquiries/${id}`)).expect(200);
    expect(thread.body).toMatchObject({ id, status: 'ANSWERED', replies: [{ author: 'REVIEWER', body: '확인 후 정정했습니다.' }] });
    expect(thread.body.memberId).toBeUndefined();
    await asMember(other, request(apiHttp).get(`/api/v1/me/inquiries/${id}`)).expect(404);
    await asMember(other, request(apiHttp).post(`/api/v1/me/inquiries/${id}/replies`))
      .send({ body: 'Not mine' })
      .expect(404);

    // The member replies with an attachment: OPEN again.
    await asMember(member, request(apiHttp).post(`/api/v1/me/inquiries/${id}/replies`))
      .field('body', '감사합니다. 한 가지 더 있습니다.')
      .attach('attachments', fixture('valid/proof.png'), { filename: 'more.png', contentType: 'image/png' })
      .expect(201);
    const reopened = await asMember(member, request(apiHttp).get(`/api/v1/me/inquiries/${id}`)).expect(200);
    expect(reopened.body.status).toBe('OPEN');
    expect(reopened.body.replies.map((reply: { author: string }) => reply.author)).toEqual(['REVIEWER', 'MEMBER']);
    expect(reopened.body.attachments).toHaveLength(2);
    const listedByMember = await asMember(member, request(apiHttp).get('/api/v1/me/inquiries')).expect(200);
    expect(listedByMember.body.find((item: { id: string }) => item.id === id).status).toBe('OPEN');

    // Closed: no more replies from either side.
    const closed = await asReviewer(request(adminHttp).post(`/admin/api/v1/inquiries/${id}/close`)).expect(200);
    expect(closed.body.status).toBe('CLOSED');
    expect(
      (
        await asMember(member, request(apiHttp).post(`/api/v1/me/inquiries/${id}/replies`))
          .send({ body: 'Again' })
          .expect(409)
      ).body.code,
    ).toBe('INVALID_STATE');
    expect(
      (
        await asReviewer(request(adminHttp).post(`/admin/api/v1/inquiries/${id}/replies`))
          .send({ body: 'Again' })
          .expect(409)
      ).body.code,
    ).toBe('INVALID_STATE');
    expect((await asReviewer(request(adminHttp).post(`/admin/api/v1/inquiries/${id}/close`)).expect(409)).body.code).toBe('INVALID_STATE');
    const closedList = await asReviewer(request(adminHttp).get('/admin/api/v1/inquiries').query({ status: 'CLOSED', limit: '100' })).expect(200);
    expect(closedList.body.items.some((item: { id: string }) => item.id === id)).toBe(true);
  });

  it('pages the inbox with a cursor and refuses bad filters and bodies', async () => {
    await anInquiry('Paging one');
    await anInquiry('Paging two');
    const adminHttp = admin.getHttpServer();
    const first = await asReviewer(request(adminHttp).get('/admin/api/v1/inquiries').query({ limit: '1' })).expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await asReviewer(request(adminHttp).get('/admin/api/v1/inquiries').query({ limit: '1', cursor: first.body.nextCursor })).expect(200);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    expect(second.body.items[0].createdAt >= first.body.items[0].createdAt).toBe(true);
    // The DTO checks status (400); limit and an undecodable cursor are the paging rules of the domain (422).
    for (const [query, status] of [
      [{ status: 'PENDING' }, 400],
      [{ limit: '0' }, 422],
      [{ limit: '101' }, 422],
      [{ cursor: '!!' }, 422],
    ] as const) {
      const res = await asReviewer(request(adminHttp).get('/admin/api/v1/inquiries').query(query)).expect(status);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const id = first.body.items[0].id as string;
    await asReviewer(request(adminHttp).post(`/admin/api/v1/inquiries/${id}/replies`))
      .send({ body: '' })
      .expect(400);
    await asReviewer(request(adminHttp).post(`/admin/api/v1/inquiries/${id}/replies`))
      .send({ body: 'x'.repeat(5001) })
      .expect(400);
    await asReviewer(request(adminHttp).get('/admin/api/v1/inquiries/00000000-0000-4000-8000-000000000000')).expect(404);
  });

  it('looks a member up: current data with the BRN and phone masked, live sessions, open flows', async () => {
    const res = await asReviewer(request(admin.getHttpServer()).get(`/admin/api/v1/members/${member.id}`)).expect(200);
    expect(res.body).toMatchObject({
      id: member.id,
      loginId: member.loginId,
      memberType: 'CORPORATE_BUSINESS',
      businessRegistrationNumber: '******2517',
      language: 'ko',
      activeSessions: 1,
    });
    expect(res.body.mobilePhone).toContain('****');
    expect(JSON.stringify(res.body)).not.toMatch(/2208162517|passwordHash|\$2b\$/);
    expect(res.body.openFlows).toEqual([]);

    // An application's review workflow is an open flow, linked into the Temporal UI.
    const applicationId = (await submitApplication(api, member).expect(201)).body.id as string;
    const workflowId = `required-info-application:${applicationId}`;
    let flows: Array<{ workflowId: string; temporalUiUrl: string }> = [];
    // Visibility is eventually consistent: ask until the new flow is listed.
    for (let attempt = 0; attempt < 50 && !flows.some((flow) => flow.workflowId === workflowId); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      flows = (await asReviewer(request(admin.getHttpServer()).get(`/admin/api/v1/members/${member.id}`)).expect(200)).body.openFlows;
    }
    const flow = flows.find((candidate) => candidate.workflowId === workflowId)!;
    expect(flow.temporalUiUrl).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:8233/namespaces/[^/]+/workflows/${encodeURIComponent(workflowId)}/[^/]+/history$`));
    await asMember(member, request(api.getHttpServer()).post(`/api/v1/me/required-info-applications/${applicationId}/withdraw`)).expect(200);
    await asReviewer(request(admin.getHttpServer()).get('/admin/api/v1/members/00000000-0000-4000-8000-000000000000')).expect(404);
    await asReviewer(request(admin.getHttpServer()).get('/admin/api/v1/members/not-a-uuid')).expect(404);
  });

  it('documents every review-desk endpoint in OpenAPI with each status it answers', async () => {
    const adminDoc = (await request(admin.getHttpServer()).get('/admin/api/docs-json').expect(200)).body;
    const apiDoc = (await request(api.getHttpServer()).get('/api/docs-json').expect(200)).body;
    const expected: Array<[typeof adminDoc, string, string, string[]]> = [
      [adminDoc, '/admin/api/v1/reviewers', 'get', ['200', '401', '403', '503']],
      [adminDoc, '/admin/api/v1/reviewers', 'post', ['201', '400', '401', '403', '409', '413', '422', '503']],
      [adminDoc, '/admin/api/v1/reviewers/{id}', 'get', ['200', '400', '401', '403', '404', '503']],
      [adminDoc, '/admin/api/v1/reviewers/{id}', 'patch', ['200', '400', '401', '403', '404', '413', '422', '503']],
      [adminDoc, '/admin/api/v1/reviewers/{id}/password-reset', 'post', ['202', '400', '401', '403', '404', '409', '503']],
      [adminDoc, '/admin/api/v1/inquiries', 'get', ['200', '400', '401', '403', '422', '503']],
      [adminDoc, '/admin/api/v1/inquiries/{id}', 'get', ['200', '400', '401', '403', '404', '503']],
      [adminDoc, '/admin/api/v1/inquiries/{id}/attachments/{documentId}', 'get', ['200', '400', '401', '403', '404', '503']],
      [adminDoc, '/admin/api/v1/inquiries/{id}/replies', 'post', ['201', '400', '401', '403', '404', '409', '413', '422', '503']],
      [adminDoc, '/admin/api/v1/inquiries/{id}/close', 'post', ['200', '400', '401', '403', '404', '409', '503']],
      [adminDoc, '/admin/api/v1/audit-events', 'get', ['200', '400', '401', '403', '422', '503']],
      [adminDoc, '/admin/api/v1/members/{id}', 'get', ['200', '400', '401', '403', '404', '503']],
      [apiDoc, '/api/v1/me/inquiries/{id}', 'get', ['200', '400', '401', '404', '503']],
      [apiDoc, '/api/v1/me/inquiries/{id}/replies', 'post', ['201', '400', '401', '404', '409', '413', '422', '503']],
    ];
    for (const [doc, path, method, statuses] of expected) {
      const operation = doc.paths[path]?.[method];
      expect({ path, method, statuses: Object.keys(operation?.responses ?? {}).sort() }).toEqual({ path, method, statuses: [...statuses].sort() });
      expect(operation.summary).toEqual(expect.any(String));
    }
  });
});
