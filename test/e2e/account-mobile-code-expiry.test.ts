// Its own file: this app runs with a 1-second code and a 2-second re-send pause, and Passport
// strategies are process-wide, so it must not share a file with another app.
import { randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { toE164Mobile } from '../../libs/members/src/index.js';
import { privilegedMember, type SignedInMember } from '../support/member-client.js';
import { latestCode, messagesTo } from '../support/outbox.js';
import { startApi } from '../support/stack.js';

function freshMobileNumber(): string {
  for (;;) {
    const candidate = toE164Mobile(`+8210${'2346789'[randomInt(7)]}${String(randomInt(10_000_000)).padStart(7, '0')}`);
    if (candidate && messagesTo(candidate).length === 0) return candidate;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mobile phone change with short-lived codes', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;

  beforeAll(async () => {
    app = await startApi({ MOBILE_CODE_TTL_SECONDS: '1', MOBILE_CODE_RESEND_AFTER_SECONDS: '2', MOBILE_CODE_MAX_RESENDS: '1' });
    http = app.getHttpServer();
  });
  afterAll(async () => app.close());

  const requestCode = (member: SignedInMember, mobilePhone: string) =>
    request(http).post('/api/v1/me/mobile-phone-change').auth(member.token, { type: 'bearer' }).send({ mobilePhone });
  const confirmCode = (member: SignedInMember, code: string) =>
    request(http).post('/api/v1/me/mobile-phone-change/confirm').auth(member.token, { type: 'bearer' }).send({ code });
  const account = (member: SignedInMember) => request(http).get('/api/v1/me/account').auth(member.token, { type: 'bearer' }).expect(200);

  it('refuses an expired code, and a code re-sent after the pause works', async () => {
    const member = await privilegedMember(app);
    const newNumber = freshMobileNumber();
    const sent = await requestCode(member, newNumber).expect(202);
    expect(Date.parse(sent.body.resendAvailableAt) - Date.parse(sent.body.expiresAt)).toBe(1_000);
    const expired = latestCode(newNumber, 'sms');

    await sleep(2_100);
    const res = await confirmCode(member, expired).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VERIFICATION_CODE_EXPIRED');
    expect((await account(member)).body).toMatchObject({ mobilePhone: '+821012345678', version: 1 });

    await requestCode(member, newNumber).expect(202);
    expect(messagesTo(newNumber, 'sms')).toHaveLength(2);
    const confirmed = await confirmCode(member, latestCode(newNumber, 'sms')).expect(200);
    expect(confirmed.body).toMatchObject({ mobilePhone: newNumber, version: 2 });
  });

  it('stops re-sending to the same number once the re-sends are used up', async () => {
    const member = await privilegedMember(app);
    const newNumber = freshMobileNumber();
    await requestCode(member, newNumber).expect(202);
    await sleep(2_100);
    await requestCode(member, newNumber).expect(202);
    await sleep(2_100);
    const res = await requestCode(member, newNumber).expect(429);
    expect(res.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(messagesTo(newNumber, 'sms')).toHaveLength(2);
  });

  it('lets the member start again after too many wrong codes, once the pause is over', async () => {
    const member = await privilegedMember(app);
    const newNumber = freshMobileNumber();
    await requestCode(member, newNumber).expect(202);
    const wrong = latestCode(newNumber, 'sms') === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) await confirmCode(member, wrong).expect(422);
    expect((await confirmCode(member, wrong).expect(429)).body.code).toBe('TOO_MANY_ATTEMPTS');

    await sleep(2_100);
    await requestCode(member, newNumber).expect(202);
    const confirmed = await confirmCode(member, latestCode(newNumber, 'sms')).expect(200);
    expect(confirmed.body.mobilePhone).toBe(newNumber);
  });
});
