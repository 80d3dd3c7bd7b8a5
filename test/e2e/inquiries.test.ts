import fs from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { startApi } from '../support/stack.js';

const fixture = (name: string) => fs.readFileSync(path.resolve('test/fixtures', name));

interface InquiryBody {
  id: string;
  category: string;
  title: string;
  body: string;
  createdAt: string;
  attachments: Array<{ id: string; name: string; mediaType: string; size: number }>;
}

describe('"Contact us" inquiries', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let dataSource: DataSource;
  let alice: SignedInMember;
  let bob: SignedInMember;

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
    alice = await signUpAndLogin(app);
    bob = await signUpAndLogin(app);
  });
  afterAll(async () => app.close());

  const submit = (member: SignedInMember, fields: Record<string, string> = {}) =>
    request(http)
      .post('/api/v1/support/inquiries')
      .auth(member.token, { type: 'bearer' })
      .field('category', fields.category ?? 'BILLING')
      .field('title', fields.title ?? 'Invoice question')
      .field('body', fields.body ?? 'The November invoice lists a service I cancelled.\nPlease check.');
  const list = (member: SignedInMember) => request(http).get('/api/v1/me/inquiries').auth(member.token, { type: 'bearer' });
  const attachment = (member: SignedInMember, inquiryId: string, documentId: string) =>
    request(http).get(`/api/v1/me/inquiries/${inquiryId}/attachments/${documentId}`).auth(member.token, { type: 'bearer' }).responseType('blob');

  it('records an inquiry with attachments, types detected from content, and audits it', async () => {
    const res = await submit(alice, { title: 'Billing with proof' })
      .attach('attachments', fixture('valid/proof.pdf'), { filename: 'invoice.pdf', contentType: 'application/pdf' })
      .attach('attachments', fixture('valid/proof.png'), { filename: 'screenshot.jpg', contentType: 'image/jpeg' })
      .attach('attachments', fixture('valid/proof.jpg'), { filename: '영수증.jpg', contentType: 'image/jpeg' })
      .expect(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), createdAt: expect.any(String) });

    const listed = (await list(alice).expect(200)).body as InquiryBody[];
    const inquiry = listed.find((item) => item.id === res.body.id)!;
    expect(inquiry).toMatchObject({
      category: 'BILLING',
      title: 'Billing with proof',
      body: expect.stringContaining('\nPlease check.'),
      createdAt: res.body.createdAt,
    });
    expect(inquiry.attachments.map(({ name, mediaType, size }) => ({ name, mediaType, size }))).toEqual([
      { name: 'invoice.pdf', mediaType: 'application/pdf', size: fixture('valid/proof.pdf').length },
      { name: 'screenshot.jpg', mediaType: 'image/png', size: fixture('valid/proof.png').length },
      { name: '영수증.jpg', mediaType: 'image/jpeg', size: fixture('valid/proof.jpg').length },
    ]);

    const events = await dataSource.query(`SELECT action, after_json FROM audit_events WHERE member_id = ? AND action = 'INQUIRY_SUBMITTED'`, [alice.id]);
    expect(events.map((event: { after_json: string }) => JSON.parse(event.after_json))).toContainEqual({
      inquiryId: res.body.id,
      category: 'BILLING',
      attachmentCount: 3,
    });
  });

  it('accepts an inquiry without attachments', async () => {
    const res = await submit(alice, { category: 'TECHNICAL', title: 'No files' }).expect(201);
    const inquiry = ((await list(alice).expect(200)).body as InquiryBody[]).find((item) => item.id === res.body.id)!;
    expect(inquiry.attachments).toEqual([]);
  });

  it('lists only the member’s own inquiries, newest first', async () => {
    const first = await submit(bob, { title: 'Bob first' }).expect(201);
    const second = await submit(bob, { title: 'Bob second' }).expect(201);
    const bobs = (await list(bob).expect(200)).body as InquiryBody[];
    expect(bobs.map((item) => item.id)).toEqual([second.body.id, first.body.id]);
    const alices = (await list(alice).expect(200)).body as InquiryBody[];
    expect(alices.length).toBeGreaterThan(0);
    expect(alices.some((item) => item.title.startsWith('Bob'))).toBe(false);
  });

  it('downloads an attachment as a file with its exact name, detected type and nosniff', async () => {
    const created = await submit(alice)
      .attach('attachments', fixture('valid/proof.png'), { filename: '사업자 등록증 (사본).png', contentType: 'application/octet-stream' })
      .expect(201);
    const inquiry = ((await list(alice).expect(200)).body as InquiryBody[]).find((item) => item.id === created.body.id)!;
    const res = await attachment(alice, inquiry.id, inquiry.attachments[0].id).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toContain('no-store');
    const disposition = res.headers['content-disposition'];
    expect(disposition).toMatch(/^attachment; /);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe('사업자 등록증 (사본).png');
    expect(Buffer.compare(res.body as Buffer, fixture('valid/proof.png'))).toBe(0);
  });

  it("never lets another member reach an inquiry's attachment", async () => {
    const created = await submit(alice).attach('attachments', fixture('valid/proof.pdf'), 'mine.pdf').expect(201);
    const inquiry = ((await list(alice).expect(200)).body as InquiryBody[]).find((item) => item.id === created.body.id)!;
    const documentId = inquiry.attachments[0].id;
    const bobsInquiry = await submit(bob).expect(201);

    const direct = await attachment(bob, inquiry.id, documentId).expect(404);
    expect(JSON.parse((direct.body as Buffer).toString()).code).toBe('NOT_FOUND');
    // Through Bob's own inquiry: the document is still not his.
    await attachment(bob, bobsInquiry.body.id, documentId).expect(404);
    // Alice's document under the wrong inquiry is not found either.
    await attachment(alice, bobsInquiry.body.id, documentId).expect(404);
    await request(http).get(`/api/v1/me/inquiries/${inquiry.id}/attachments/${documentId}`).expect(401);
  });

  it('needs a member session', async () => {
    const res = await request(http).post('/api/v1/support/inquiries').field('category', 'OTHER').field('title', 't').field('body', 'b').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    await request(http).get('/api/v1/me/inquiries').expect(401);
  });

  it('validates the text fields, naming them', async () => {
    const res = await submit(alice, { category: 'COMPLAINTS', title: '' }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['category', 'title']);
    const extra = await submit(alice).field('priority', 'HIGH').expect(400);
    expect(extra.body.errors).toContainEqual({ field: 'priority', rules: ['whitelistValidation'] });
  });
});
