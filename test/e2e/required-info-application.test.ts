import type { INestApplication } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import request from 'supertest';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import { countDocumentFiles, fixture, reviewerRequest, submitApplication } from '../support/application-client.js';
import { aBusinessSignUp } from '../support/factories.js';
import { privilegedMember, signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer, type SignedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi, temporalClient } from '../support/stack.js';

describe('change required information: application, review workflow, reviewer API', () => {
  let api: INestApplication;
  let admin: INestApplication;
  let reviewer: SignedInReviewer;
  let otherReviewer: SignedInReviewer;
  let temporal: { client: Client; close: () => Promise<void> };

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
    reviewer = await signedInReviewer(admin);
    otherReviewer = await signedInReviewer(admin);
    temporal = await temporalClient();
  });
  afterAll(async () => {
    await temporal.close();
    await api.close();
    await admin.close();
  });

  const asReviewer = (who: SignedInReviewer = reviewer) => reviewerRequest(admin, who.token);
  const memberGet = (member: SignedInMember, url: string) => request(api.getHttpServer()).get(`/api/v1${url}`).auth(member.token, { type: 'bearer' });
  const memberPost = (member: SignedInMember, url: string) => request(api.getHttpServer()).post(`/api/v1${url}`).auth(member.token, { type: 'bearer' });
  const waitForStatus = (member: SignedInMember, id: string, status: string) =>
    waitFor(async () => (await memberGet(member, `/me/required-info-applications/${id}`)).body.status === status, {
      timeoutMs: 30_000,
      what: `application ${status}`,
    });

  it('goes from the form to an approved change: submit, claim, request info, add a document, approve', async () => {
    const member = await privilegedMember(api, { name: 'Kim Minji' });
    const form = await memberGet(member, '/forms/member-info-change-application')
      .expect(200)
      .expect('Content-Type', /application\/pdf/);
    expect(form.body.subarray(0, 5).toString()).toBe('%PDF-');

    const submitted = await submitApplication(api, member, { name: 'Lee Minji', reason: 'Name changed' }).expect(201);
    expect(submitted.body).toEqual({ id: expect.any(String), status: 'SUBMITTED' });
    const id = submitted.body.id as string;

    const queue = await asReviewer().get('/applications?limit=100').expect(200);
    expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(id);
    const detail = await asReviewer().get(`/applications/${id}`).expect(200);
    expect(detail.body).toMatchObject({ status: 'SUBMITTED', current: { name: 'Kim Minji' }, requested: { name: 'Lee Minji' } });
    expect(detail.body.documents.map((doc: { kind: string }) => doc.kind)).toEqual(['APPLICATION_FORM', 'PROOF']);
    const download = await asReviewer().get(`/applications/${id}/documents/${detail.body.documents[1].id}`).expect(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename=/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toBe('image/png');

    await asReviewer()
      .post(`/applications/${id}/claim`)
      .expect(200)
      .expect(({ body }) => expect(body).toMatchObject({ status: 'IN_REVIEW', claimedBy: reviewer.id }));
    await asReviewer().post(`/applications/${id}/request-info`, { message: 'Please add the court decision' }).expect(200);
    const asked = await memberGet(member, `/me/required-info-applications/${id}`).expect(200);
    expect(asked.body).toMatchObject({ status: 'INFO_REQUESTED', infoRequestMessage: 'Please add the court decision' });

    // Files only: a text part is outside the schema (400), and the valid file next to it is not kept.
    const withText = await memberPost(member, `/me/required-info-applications/${id}/documents`)
      .field('note', 'here it is')
      .attach('proofDocuments', fixture('valid/proof.jpg'))
      .expect(400);
    expect(withText.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'note', rules: ['whitelistValidation'] }] });
    await memberPost(member, `/me/required-info-applications/${id}/documents`).attach('proofDocuments', fixture('valid/proof.jpg')).expect(200);
    await asReviewer().post(`/applications/${id}/claim`).expect(200);
    await asReviewer()
      .post(`/applications/${id}/approve`)
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('APPROVED'));

    const account = await memberGet(member, '/me/account').expect(200);
    expect(account.body).toMatchObject({ name: 'Lee Minji', version: 2 });
    const final = await memberGet(member, `/me/required-info-applications/${id}`).expect(200);
    expect(final.body.history.map((entry: { to: string }) => entry.to)).toEqual([
      'SUBMITTED',
      'IN_REVIEW',
      'INFO_REQUESTED',
      'SUBMITTED',
      'IN_REVIEW',
      'APPROVED',
    ]);
    expect(final.body.documents).toHaveLength(3);
    await waitFor(() => messagesTo(member.loginId, 'email').length >= 3, { timeoutMs: 30_000, what: 'submitted, info-requested and approved notices' });

    await waitFor(
      async () => {
        for await (const workflow of temporal.client.workflow.list({ query: `ApplicationId = "${id}"` })) {
          return workflow.workflowId === `required-info-application:${id}` && workflow.searchAttributes.FlowStatus?.[0] === 'APPROVED';
        }
        return false;
      },
      { timeoutMs: 30_000, what: 'the application in Temporal visibility' },
    );
  });

  it('rejects with a reason the member sees; a rejection without a reason is refused', async () => {
    const member = await signUpAndLogin(api);
    const { body } = await submitApplication(api, member).expect(201);
    await asReviewer().post(`/applications/${body.id}/claim`).expect(200);
    const noReason = await asReviewer().post(`/applications/${body.id}/reject`, { reason: '' }).expect(400);
    expect(noReason.body.code).toBe('VALIDATION_FAILED');
    await asReviewer().post(`/applications/${body.id}/reject`, { reason: 'The documents do not show the new name' }).expect(200);
    const seen = await memberGet(member, `/me/required-info-applications/${body.id}`).expect(200);
    expect(seen.body).toMatchObject({ status: 'REJECTED', rejectionReason: 'The documents do not show the new name' });
    await memberPost(member, `/me/required-info-applications/${body.id}/withdraw`).expect(409);
  });

  it('lets exactly one of two reviewers claim, and only the claimant decide', async () => {
    const member = await signUpAndLogin(api);
    const { body } = await submitApplication(api, member).expect(201);
    const claims = await Promise.all([asReviewer().post(`/applications/${body.id}/claim`), asReviewer(otherReviewer).post(`/applications/${body.id}/claim`)]);
    expect(claims.map((res) => res.status).sort()).toEqual([200, 409]);
    const loser = claims[0].status === 409 ? reviewer : otherReviewer;
    const forbidden = await asReviewer(loser).post(`/applications/${body.id}/approve`).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
    const winner = loser === reviewer ? otherReviewer : reviewer;
    await asReviewer(winner)
      .post(`/applications/${body.id}/release`)
      .expect(200)
      .expect(({ body: flow }) => expect(flow.status).toBe('SUBMITTED'));
  });

  it('allows one open application per member, and withdrawing before a decision', async () => {
    const member = await signUpAndLogin(api);
    const first = await submitApplication(api, member).expect(201);
    const second = await submitApplication(api, member, { name: 'Park Minji' }).expect(409);
    expect(second.body.code).toBe('APPLICATION_ALREADY_OPEN');
    await memberPost(member, `/me/required-info-applications/${first.body.id}/withdraw`)
      .expect(200)
      .expect(({ body }) => expect(body.status).toBe('WITHDRAWN'));
    await waitForStatus(member, first.body.id, 'WITHDRAWN');
    await submitApplication(api, member, { name: 'Park Minji' }).expect(201);
    const list = await memberGet(member, '/me/required-info-applications').expect(200);
    expect(list.body.map((item: { status: string }) => item.status)).toEqual(['SUBMITTED', 'WITHDRAWN']);
  });

  it('refuses bad submissions with their codes and leaves no file and no row behind', async () => {
    const member = await signUpAndLogin(api);
    const business = await signUpAndLogin(api, aBusinessSignUp());
    const filesBefore = countDocumentFiles();
    const cases: Array<[ReturnType<typeof submitApplication>, number, string]> = [
      [submitApplication(api, member, { name: 'Kim Minji' }), 422, 'VALIDATION_FAILED'],
      [submitApplication(api, business, { businessRegistrationNumber: '220-81-62518' }), 422, 'INVALID_BUSINESS_REGISTRATION_NUMBER'],
      [submitApplication(api, member, { memberType: 'CORPORATE_BUSINESS' }), 422, 'VALIDATION_FAILED'],
      [submitApplication(api, member, { name: 'New Name' }, { proofs: [fixture('invalid/renamed-linux-executable.pdf')] }), 422, 'UNSUPPORTED_DOCUMENT_TYPE'],
      [submitApplication(api, member, { name: 'New Name' }, { proofs: [fixture('invalid/plain-text.png')] }), 422, 'UNSUPPORTED_DOCUMENT_TYPE'],
      [submitApplication(api, member, { name: 'New Name' }, { proofs: [fixture('invalid/empty.pdf')] }), 422, 'VALIDATION_FAILED'],
      [submitApplication(api, member, { name: 'New Name' }, { proofs: [] }), 422, 'VALIDATION_FAILED'],
      [submitApplication(api, member, { name: 'New Name' }, { form: null }), 422, 'VALIDATION_FAILED'],
      [submitApplication(api, member, { name: 'New Name' }, { proofs: Array(5).fill(fixture('valid/proof.png')) }), 422, 'VALIDATION_FAILED'],
    ];
    for (const [call, status, code] of cases) {
      const res = await call.expect(status);
      expect(res.body.code).toBe(code);
    }
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0);
    Buffer.from('%PDF-1.7\n').copy(big);
    const oversize = await request(api.getHttpServer())
      .post('/api/v1/me/required-info-applications')
      .auth(member.token, { type: 'bearer' })
      .field('name', 'New Name')
      .field('reason', 'x')
      .attach('applicationForm', fixture('valid/proof.pdf'))
      .attach('proofDocuments', big, 'big.pdf')
      .expect(413);
    expect(oversize.body.code).toBe('DOCUMENT_TOO_LARGE');
    expect(countDocumentFiles()).toBe(filesBefore);
    await memberGet(member, '/me/required-info-applications')
      .expect(200)
      .expect(({ body }) => expect(body).toEqual([]));
  });

  it("keeps members out of each other's applications and documents, and members out of the admin API", async () => {
    const owner = await signUpAndLogin(api);
    const stranger = await signUpAndLogin(api);
    const { body } = await submitApplication(api, owner).expect(201);
    const detail = await asReviewer().get(`/applications/${body.id}`).expect(200);
    await memberGet(stranger, `/me/required-info-applications/${body.id}`).expect(404);
    await memberPost(stranger, `/me/required-info-applications/${body.id}/withdraw`).expect(404);
    await memberPost(stranger, `/me/required-info-applications/${body.id}/documents`).attach('proofDocuments', fixture('valid/proof.png')).expect(404);
    await request(admin.getHttpServer()).get(`/admin/api/v1/applications/${body.id}`).auth(owner.token, { type: 'bearer' }).expect(401);
    await asReviewer().get(`/applications/${body.id}/documents/${detail.body.documents[0].id}`).expect(200);
    const otherApp = await submitApplication(api, stranger).expect(201);
    await asReviewer().get(`/applications/${otherApp.body.id}/documents/${detail.body.documents[0].id}`).expect(404);
  });

  it('refuses adding documents unless information was requested', async () => {
    const member = await signUpAndLogin(api);
    const { body } = await submitApplication(api, member).expect(201);
    const filesBefore = countDocumentFiles();
    const res = await memberPost(member, `/me/required-info-applications/${body.id}/documents`)
      .attach('proofDocuments', fixture('valid/proof.png'))
      .expect(409);
    expect(res.body.code).toBe('INVALID_STATE');
    expect(countDocumentFiles()).toBe(filesBefore);
  });

  it('pages the queue oldest first with a cursor and filters by status', async () => {
    const members = await Promise.all([signUpAndLogin(api), signUpAndLogin(api), signUpAndLogin(api)]);
    const ids: string[] = [];
    for (const member of members) ids.push((await submitApplication(api, member).expect(201)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: request.Response = await asReviewer()
        .get(`/applications?status=SUBMITTED&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .expect(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      expect(page.body.items.every((item: { status: string }) => item.status === 'SUBMITTED')).toBe(true);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    await asReviewer().get('/applications?status=NOPE').expect(400);
    // An undecodable cursor is schema-valid (an opaque string): the domain refuses it with 422.
    await asReviewer().get('/applications?cursor=@@@').expect(422);
  });
});
