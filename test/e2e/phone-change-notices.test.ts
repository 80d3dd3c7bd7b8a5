// Its own file: Passport strategies are process-wide, so one API app per file.
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { LoginIdChangeDriver, uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember, type SignedInMember } from '../support/member-client.js';
import { latestCode, messagesTo } from '../support/outbox.js';
import { startApi } from '../support/stack.js';

function masked(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return `+${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

describe('a mobile-number change is announced, and the login ID cools off after it', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  async function changeMobile(member: SignedInMember, mobilePhone: string): Promise<void> {
    await request(http).post('/api/v1/me/mobile-phone-change').auth(member.token, { type: 'bearer' }).send({ mobilePhone }).expect(202);
    const code = latestCode(mobilePhone, 'sms');
    await request(http).post('/api/v1/me/mobile-phone-change/confirm').auth(member.token, { type: 'bearer' }).send({ code }).expect(200);
  }

  it("emails the login address (time, masked new number) and texts the old number, in the member's language", async () => {
    const oldNumber = uniqueMobile();
    const newNumber = uniqueMobile();
    const member = await privilegedMember(app, { mobilePhone: oldNumber, language: 'ko' });
    const before = new Date();
    await changeMobile(member, newNumber);

    const [email] = messagesTo(member.loginId, 'email');
    expect(email.subject).toBe('휴대폰 번호가 변경되었습니다');
    expect(email.text).toContain(masked(newNumber));
    expect(email.text).not.toContain(newNumber);
    expect(email.text).toContain(`${before.getUTCFullYear()}년`);
    const [sms] = messagesTo(oldNumber, 'sms');
    expect(sms.text).toContain(masked(newNumber));
    expect(sms.text).toMatch(/[\uAC00-\uD7A3]/);
    expect(sms.text).not.toContain(newNumber);
    // The new number got only its code.
    expect(messagesTo(newNumber, 'sms')).toHaveLength(1);
  });

  it('refuses a login-ID change right after it with CHANGE_COOLING_OFF (24 hours)', async () => {
    const member = await privilegedMember(app, { mobilePhone: uniqueMobile(), language: 'en' });
    const newNumber = uniqueMobile();
    await changeMobile(member, newNumber);
    expect(messagesTo(member.loginId, 'email').at(-1)!.subject).toBe('Your mobile phone number was changed');

    const change = new LoginIdChangeDriver(app, { ...member, body: { ...member.body, mobilePhone: newNumber } });
    const refused = await change.start().expect(409);
    expect(refused.body).toMatchObject({ code: 'CHANGE_COOLING_OFF', status: 409 });
    expect(refused.body.retryAfterSeconds).toBeGreaterThan(86_000);
    expect(refused.body.retryAfterSeconds).toBeLessThanOrEqual(86_400);
    expect(Date.parse(refused.body.availableAt)).toBeLessThanOrEqual(Date.now() + 86_400_000);
    expect(messagesTo(newNumber, 'sms')).toHaveLength(1);
  });
});
