import type { INestApplication } from '@nestjs/common';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import request from 'supertest';
import { aBusinessSignUp } from '../support/factories.js';
import { signUpAndLogin } from '../support/member-client.js';
import { startApi } from '../support/stack.js';

const FORM = '/api/v1/forms/member-info-change-application';

async function formFields(pdf: Buffer): Promise<Record<string, string | undefined>> {
  const doc = await PDFDocument.load(pdf);
  return Object.fromEntries(
    doc
      .getForm()
      .getFields()
      .filter((field): field is PDFTextField => field instanceof PDFTextField)
      .map((field) => [field.getName(), field.getText()]),
  );
}

describe('member data change application form', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const download = (token?: string) => {
    const req = request(http).get(FORM).responseType('blob');
    return token ? req.auth(token, { type: 'bearer' }) : req;
  };

  it('is a blank fillable PDF for anyone', async () => {
    const res = await download().expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('attachment; filename="member-info-change-application.pdf"');
    expect(res.headers['cache-control']).toContain('no-store');
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    const fields = await formFields(body);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['current.name', 'requested.name', 'reason', 'date', 'signature']));
    expect(Object.values(fields).every((value) => value === undefined)).toBe(true);
  });

  it("is pre-filled with a signed-in member's current required information (number masked)", async () => {
    const member = await signUpAndLogin(app, aBusinessSignUp({ name: '김민지', businessName: '(주)예시클라우드', businessRegistrationNumber: '220-81-62517' }));
    const res = await download(member.token).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const fields = await formFields(res.body as Buffer);
    expect(fields).toMatchObject({
      'current.memberId': member.id,
      'current.loginId': member.loginId,
      'current.memberType': 'CORPORATE_BUSINESS',
      'current.name': '김민지',
      'current.businessName': '(주)예시클라우드',
      'current.businessRegistrationNumber': '******2517',
    });
    expect(fields['requested.name']).toBeUndefined();
    const doc = await PDFDocument.load(res.body as Buffer);
    expect(doc.getForm().getTextField('current.name').isReadOnly()).toBe(true);
  });

  it('renders a Japanese name', async () => {
    const member = await signUpAndLogin(app, { name: '渡辺 髙橋', language: 'ja' });
    const fields = await formFields((await download(member.token).expect(200)).body as Buffer);
    expect(fields['current.name']).toBe('渡辺 髙橋');
    expect(fields['current.businessName']).toBeUndefined();
  });

  it('refuses a token that names no live session instead of answering as anonymous', async () => {
    const res = await request(http).get(FORM).auth('not-a-live-session-token', { type: 'bearer' }).expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('stops pre-filling once the member logged out', async () => {
    const member = await signUpAndLogin(app);
    await request(http).post('/api/v1/auth/logout').auth(member.token, { type: 'bearer' }).expect(204);
    await download(member.token).expect(401);
  });
});
