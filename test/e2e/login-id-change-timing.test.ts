// Short limits, injected through configuration into each workflow's input. Its own file: the API
// here runs with other settings, and Passport strategies are process-wide.
import type { INestApplication } from '@nestjs/common';
import { LoginIdChangeDriver, uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { startApi } from '../support/stack.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('change login ID: expiry and re-sending with short limits', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await startApi({
      LOGIN_ID_SMS_CODE_TTL_SECONDS: '1',
      LOGIN_ID_CODE_RESEND_AFTER_SECONDS: '0',
      LOGIN_ID_CODE_MAX_RESENDS: '2',
      LOGIN_ID_CHANGE_TTL_SECONDS: '6',
    });
  });
  afterAll(async () => app.close());

  const driverFor = async () => new LoginIdChangeDriver(app, await privilegedMember(app, { mobilePhone: uniqueMobile() }));

  it('refuses an expired SMS code; a re-sent code works; re-sending is limited', async () => {
    const change = await driverFor();
    await change.start().expect(201);
    const first = change.smsCode();
    await sleep(1_500);
    const expired = await change.identityCode(first).expect(422);
    expect(expired.body.code).toBe('VERIFICATION_CODE_EXPIRED');

    await change.resend().expect(202);
    await change.resend().expect(202);
    const limited = await change.resend().expect(429);
    expect(limited.body.code).toBe('TOO_MANY_ATTEMPTS');
    expect(messagesTo(change.member.body.mobilePhone, 'sms')).toHaveLength(3);
    await change.identityCode(change.smsCode()).expect(200).expect(({ body }) => expect(body.status).toBe('AWAITING_NEW_LOGIN_ID'));
    await change.cancel().expect(204);
  });

  it('expires the whole change after its time limit', async () => {
    const change = await driverFor();
    await change.start().expect(201);
    await change.waitForStatus('EXPIRED');
    const late = await change.identityCode(change.smsCode()).expect(404);
    expect(late.body.code).toBe('NOT_FOUND');
  });
});
