import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { randomInt } from 'node:crypto';
import { toE164Mobile } from '../../libs/members/src/index.js';
import { waitFor } from '../../scripts/lib/temporal-cli.mjs';
import type { SignedInMember } from './member-client.js';
import { latestCode, messagesTo, type OutboxMessage } from './outbox.js';

/** A Korean mobile number no other test member has, so its SMS outbox is this test's alone. */
export function uniqueMobile(): string {
  // Drawn until the sign-up's own rule accepts it: libphonenumber refuses whole blocks (0…, 1…, some 59…).
  for (;;) {
    const candidate = toE164Mobile(`+8210${randomInt(20_000_000, 100_000_000)}`);
    if (candidate) return candidate;
  }
}

/** Drives the login-ID change over HTTP as a member's client would, reading codes from the outbox. */
export class LoginIdChangeDriver {
  constructor(
    private readonly app: INestApplication,
    readonly member: SignedInMember,
  ) {}

  private post(path: string, body: object = {}) {
    return request(this.app.getHttpServer()).post(`/api/v1/me/login-id-change${path}`).auth(this.member.token, { type: 'bearer' }).send(body);
  }

  start(mobilePhone = this.member.body.mobilePhone, currentPassword = this.member.password) {
    return this.post('', { currentPassword, mobilePhone });
  }
  identityCode(code: string) {
    return this.post('/identity-code', { code });
  }
  newLoginId(newLoginId: string) {
    return this.post('/new-login-id', { newLoginId });
  }
  emailCode(code: string) {
    return this.post('/email-code', { code });
  }
  confirm() {
    return this.post('/confirm');
  }
  resend() {
    return this.post('/resend-code');
  }
  cancel() {
    return request(this.app.getHttpServer()).delete('/api/v1/me/login-id-change').auth(this.member.token, { type: 'bearer' });
  }
  status() {
    return request(this.app.getHttpServer()).get('/api/v1/me/login-id-change').auth(this.member.token, { type: 'bearer' });
  }

  smsCode(): string {
    return latestCode(this.member.body.mobilePhone, 'sms');
  }
  emailCodeFor(address: string): string {
    return latestCode(address, 'email');
  }

  /** Steps 1–4 with the right codes: the change then awaits confirmation. */
  async reachConfirmation(newLoginId: string): Promise<void> {
    await this.start().expect(201);
    await this.identityCode(this.smsCode()).expect(200);
    await this.newLoginId(newLoginId).expect(200);
    await this.emailCode(this.emailCodeFor(newLoginId)).expect(200);
  }

  async waitForStatus(status: string, timeoutMs = 30_000): Promise<void> {
    await waitFor(async () => (await this.status()).body.status === status, { timeoutMs, what: `change status ${status}` });
  }
}

export async function waitForEmails(to: string, count: number) {
  await waitFor(() => messagesTo(to, 'email').length >= count, { timeoutMs: 30_000, what: `${count} email(s) to ${to}` });
  return messagesTo(to, 'email');
}

/** The "this wasn't me" link in an old-address notice. */
export function revertLinkIn(message: OutboxMessage): URL {
  const link = message.text.match(/https?:\/\/\S+\/login-id-change-reverts\?token=[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error('No revert link in the old-address notice');
  return new URL(link);
}
