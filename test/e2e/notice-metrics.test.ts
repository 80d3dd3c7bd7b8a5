// Issue 14: "notices sent / failing by channel" on /metrics. Every notification goes through
// NotificationService, which counts notices_sent_total{channel} when a transport delivered it and
// notices_failed_total{channel} when the transport failed, in whichever process sends: here the
// member API (an SMS code through the file outbox) and the admin app (a set-password email through
// the file outbox, then through an SMTP server that is not there). The worker's are in
// required-info-application-smtp-down.test.ts.
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { freePort } from '../../scripts/lib/temporal-cli.mjs';
import { uniqueEmail } from '../support/factories.js';
import { uniqueMobile } from '../support/login-id-change-client.js';
import { privilegedMember } from '../support/member-client.js';
import { messagesTo } from '../support/outbox.js';
import { signedInReviewer } from '../support/reviewer-client.js';
import { startAdmin, startApi } from '../support/stack.js';

/** The value of one sample of the exposition text (0 when the series has not appeared yet). */
function sample(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

async function counters(app: INestApplication, channel: 'email' | 'sms'): Promise<{ sent: number; failed: number }> {
  const text = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
  expect(text).toContain('# TYPE notices_sent_total counter');
  expect(text).toContain('# TYPE notices_failed_total counter');
  return { sent: sample(text, 'notices_sent_total', `channel="${channel}"`), failed: sample(text, 'notices_failed_total', `channel="${channel}"`) };
}

describe('notices sent and failed by channel on /metrics', () => {
  let api: INestApplication;
  let admin: INestApplication;

  beforeAll(async () => {
    api = await startApi();
    admin = await startAdmin();
  });
  afterAll(async () => {
    await api.close();
    await admin.close();
  });

  it('the member API counts an SMS it sent', async () => {
    const member = await privilegedMember(api);
    const mobilePhone = uniqueMobile();
    const before = await counters(api, 'sms');
    const asked = await request(api.getHttpServer()).post('/api/v1/me/mobile-phone-change').auth(member.token, { type: 'bearer' }).send({ mobilePhone });
    expect(asked.status).toBe(202);
    expect(messagesTo(mobilePhone, 'sms')).toHaveLength(1);
    expect(await counters(api, 'sms')).toEqual({ sent: before.sent + 1, failed: before.failed });
  });

  it('the admin app counts an email it sent, and one its SMTP server could not take', async () => {
    const adminUser = await signedInReviewer(admin, 'ADMIN');
    const invite = (app: INestApplication, email: string) =>
      request(app.getHttpServer())
        .post('/admin/api/v1/reviewers')
        .auth(adminUser.token, { type: 'bearer' })
        .send({ email, displayName: 'Counted', role: 'REVIEWER' });

    const before = await counters(admin, 'email');
    const delivered = uniqueEmail('counted');
    await invite(admin, delivered).expect(201);
    expect(messagesTo(delivered, 'email')).toHaveLength(1);
    expect(await counters(admin, 'email')).toEqual({ sent: before.sent + 1, failed: before.failed });

    // The same app with an SMTP server that does not answer: the invitation is refused, the failure counted.
    const smtpDown = await startAdmin({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}?from=no-reply%40accounts.example.com` });
    try {
      const refused = await invite(smtpDown, uniqueEmail('not-sent'));
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('SERVICE_UNAVAILABLE');
      expect(await counters(smtpDown, 'email')).toEqual({ sent: before.sent + 1, failed: before.failed + 1 });
    } finally {
      await smtpDown.close();
    }
  });
});
