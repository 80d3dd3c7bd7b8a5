import { randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AuditEventEntity } from '../../libs/audit/src/index.js';
import { toE164Mobile } from '../../libs/members/src/index.js';
import { aBusinessSignUp } from '../support/factories.js';
import { privilegedMember, signUpAndLogin, type SignedInMember } from '../support/member-client.js';
import { latestCode, messagesTo } from '../support/outbox.js';
import { startApi } from '../support/stack.js';

/** A valid Korean mobile number that no message of this run was sent to yet. */
function freshMobileNumber(): string {
  for (;;) {
    const candidate = toE164Mobile(`+8210${'2346789'[randomInt(7)]}${String(randomInt(10_000_000)).padStart(7, '0')}`);
    if (candidate && messagesTo(candidate).length === 0) return candidate;
  }
}

function expectProblem(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

// PATCH /me/account refusals decided by the domain (schema-valid input): 422, not 400.
const DOMAIN_RULE_CASES = new Set(['an empty body', 'a blank line 1', 'a service area outside the configured list']);
describe('account page and basic information', () => {
  let app: INestApplication;
  let http: ReturnType<INestApplication['getHttpServer']>;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startApi();
    http = app.getHttpServer();
    dataSource = app.get(DataSource);
  });
  afterAll(async () => app.close());

  const account = (member: SignedInMember) => request(http).get('/api/v1/me/account').auth(member.token, { type: 'bearer' });
  const patch = (member: SignedInMember, body: unknown, ifMatch?: string) => {
    const req = request(http).patch('/api/v1/me/account').auth(member.token, { type: 'bearer' });
    if (ifMatch !== undefined) req.set('If-Match', ifMatch);
    return req.send(body as object);
  };
  const requestCode = (member: SignedInMember, mobilePhone: string) =>
    request(http).post('/api/v1/me/mobile-phone-change').auth(member.token, { type: 'bearer' }).send({ mobilePhone });
  const confirmCode = (member: SignedInMember, code: string) =>
    request(http).post('/api/v1/me/mobile-phone-change/confirm').auth(member.token, { type: 'bearer' }).send({ code });
  const auditOf = (memberId: string, action: string) => dataSource.manager.find(AuditEventEntity, { where: { memberId, action } });
  const unchanged = async (member: SignedInMember, before: unknown) => expect((await account(member).expect(200)).body).toEqual(before);

  describe('GET /me/account', () => {
    it('shows the account page with the version as ETag, business registration number masked, never cached', async () => {
      const member = await privilegedMember(app, aBusinessSignUp({ language: 'ko', serviceArea: 'JP' }));
      const res = await account(member).expect(200);
      expect(res.body).toEqual({
        id: member.id,
        memberType: 'CORPORATE_BUSINESS',
        loginId: member.loginId,
        name: 'Kim Minji',
        businessName: 'Example Cloud Co., Ltd.',
        businessRegistrationNumber: '******2517',
        language: 'ko',
        address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro', line2: '12F' },
        mobilePhone: '+821012345678',
        billingEmail: member.loginId,
        serviceArea: 'JP',
        version: 1,
      });
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('needs a re-authenticated session for every account endpoint', async () => {
      const member = await signUpAndLogin(app);
      for (const res of [
        await account(member),
        await patch(member, { language: 'ja' }, '"1"'),
        await requestCode(member, freshMobileNumber()),
        await confirmCode(member, '123456'),
      ]) {
        expectProblem(res, 403, 'REAUTHENTICATION_REQUIRED');
      }
      const anonymous = await request(http).patch('/api/v1/me/account').set('If-Match', '"1"').send({ language: 'ja' });
      expectProblem(anonymous, 401, 'UNAUTHENTICATED');
      expect(await auditOf(member.id, 'ACCOUNT_UPDATED')).toHaveLength(0);
    });
  });

  describe('PATCH /me/account', () => {
    it('changes language, address, billing email and service area, increments the version and audits the change', async () => {
      const member = await privilegedMember(app, { language: 'en', serviceArea: 'KR' });
      const res = await patch(
        member,
        {
          language: 'ja',
          address: { country: 'jp', postalCode: '100-0001', line1: ' 1-1 Chiyoda ', line2: 'Room 3' },
          billingEmail: 'Billing.Team@Example.com',
          serviceArea: 'SG',
        },
        '"1"',
      ).expect(200);
      expect(res.headers.etag).toBe('"2"');
      expect(res.body).toMatchObject({
        language: 'ja',
        address: { country: 'JP', postalCode: '100-0001', line1: '1-1 Chiyoda', line2: 'Room 3' },
        billingEmail: 'billing.team@example.com',
        serviceArea: 'SG',
        version: 2,
        loginId: member.loginId,
        mobilePhone: '+821012345678',
      });
      const read = await account(member).expect(200);
      expect(read.body).toEqual(res.body);
      expect(read.headers.etag).toBe('"2"');

      const [event] = await auditOf(member.id, 'ACCOUNT_UPDATED');
      expect(event.actorType).toBe('MEMBER');
      expect(Object.keys(JSON.parse(event.beforeJson!)).sort()).toEqual(['address', 'billingEmail', 'language', 'serviceArea']);
      expect(JSON.parse(event.afterJson!)).toMatchObject({ language: 'ja', serviceArea: 'SG', address: { country: 'JP' } });
      // Personal data is masked in the trail.
      expect(event.afterJson).not.toContain('billing.team@example.com');
      expect(event.afterJson).not.toContain('Chiyoda');
    });

    it('accepts the version as "n", n and W/"n", records only the fields that changed, and clears line 2', async () => {
      const member = await privilegedMember(app, { language: 'en' });
      await patch(member, { language: 'ko' }, '1').expect(200);
      const second = await patch(member, { address: { country: 'KR', postalCode: '06236', line1: '152 Teheran-ro' } }, 'W/"2"').expect(200);
      expect(second.body.address).toEqual({ country: 'KR', postalCode: '06236', line1: '152 Teheran-ro', line2: null });
      expect(second.body.version).toBe(3);
      const third = await patch(member, { address: { country: 'KR', postalCode: '06236', line1: 'Line one', line2: '' } }, '"3"').expect(200);
      expect(third.body.address.line2).toBeNull();
      expect(third.body.version).toBe(4);

      const events = await auditOf(member.id, 'ACCOUNT_UPDATED');
      expect(events).toHaveLength(3);
      const fields = events.map((event) => Object.keys(JSON.parse(event.afterJson!))).sort();
      expect(fields).toEqual([['address'], ['address'], ['language']]);
    });

    it('keeps the version when nothing would change', async () => {
      const member = await privilegedMember(app, { language: 'en', serviceArea: 'KR' });
      const res = await patch(member, { language: 'en', serviceArea: 'KR' }, '"1"').expect(200);
      expect(res.body.version).toBe(1);
      expect(res.headers.etag).toBe('"1"');
      expect(await auditOf(member.id, 'ACCOUNT_UPDATED')).toHaveLength(0);
    });

    it('refuses a stale version with VERSION_CONFLICT and changes nothing', async () => {
      const member = await privilegedMember(app, { language: 'en' });
      await patch(member, { language: 'ko' }, '"1"').expect(200);
      const before = (await account(member).expect(200)).body;

      const res = await patch(member, { language: 'ja', serviceArea: 'DE' }, '"1"');
      expectProblem(res, 412, 'VERSION_CONFLICT');
      await unchanged(member, before);
      expect(before).toMatchObject({ language: 'ko', version: 2 });
      expect(await auditOf(member.id, 'ACCOUNT_UPDATED')).toHaveLength(1);
    });

    it('refuses a change without If-Match (PRECONDITION_REQUIRED) or with a malformed one, changing nothing', async () => {
      const member = await privilegedMember(app);
      const before = (await account(member).expect(200)).body;
      expectProblem(await patch(member, { language: 'ja' }), 428, 'PRECONDITION_REQUIRED');
      expectProblem(await patch(member, { language: 'ja' }, '*'), 428, 'PRECONDITION_REQUIRED');
      const malformed = await patch(member, { language: 'ja' }, '"one"');
      expectProblem(malformed, 400, 'VALIDATION_FAILED');
      expect(malformed.body.errors).toEqual([{ field: 'If-Match', rules: ['isVersionTag'] }]);
      await unchanged(member, before);
    });

    it.each([
      ['an empty body', {}, 'body', 'atLeastOneField'],
      ['an unsupported language', { language: 'fr' }, 'language', 'isIn'],
      ['a null language', { language: null }, 'language', 'isIn'],
      ['an unknown country', { address: { country: 'XX', postalCode: '06236', line1: 'x' } }, 'address.country', 'isISO31661Alpha2'],
      ['a malformed postal code', { address: { country: 'KR', postalCode: '!!', line1: 'x' } }, 'address.postalCode', 'matches'],
      ['a missing line 1', { address: { country: 'KR', postalCode: '06236' } }, 'address.line1', 'isString'],
      ['a blank line 1', { address: { country: 'KR', postalCode: '06236', line1: '   ' } }, 'address.line1', 'isNotEmpty'],
      ['a line 1 with control characters', { address: { country: 'KR', postalCode: '06236', line1: 'a\u0000b' } }, 'address.line1', 'matches'],
      ['a too long line 2', { address: { country: 'KR', postalCode: '06236', line1: 'x', line2: 'y'.repeat(201) } }, 'address.line2', 'isLength'],
      ['a null address', { address: null }, 'address', 'isObject'],
      ['an address that is not an object', { address: 'Seoul' }, 'address', 'isObject'],
      ['an unknown address field', { address: { country: 'KR', postalCode: '06236', line1: 'x', city: 'Seoul' } }, 'address.city', 'whitelistValidation'],
      ['a malformed billing email', { billingEmail: 'not-an-email' }, 'billingEmail', 'isEmail'],
      ['a service area outside the configured list', { serviceArea: 'MARS' }, 'serviceArea', 'isConfiguredServiceArea'],
      ['a service area that is not a string', { serviceArea: 7 }, 'serviceArea', 'isString'],
      ['an unknown field', { language: 'ja', nickname: 'x' }, 'nickname', 'whitelistValidation'],
    ])('refuses %s with VALIDATION_FAILED naming the field, and changes nothing', async (_case, body, field, rule) => {
      const member = await privilegedMember(app);
      const before = (await account(member).expect(200)).body;
      const res = await patch(member, body, '"1"');
      // 400 for what the schema forbids; 422 for the domain's rules on schema-valid input.
      expectProblem(res, DOMAIN_RULE_CASES.has(_case) ? 422 : 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, rules: expect.arrayContaining([rule]) })]));
      await unchanged(member, before);
      expect(await auditOf(member.id, 'ACCOUNT_UPDATED')).toHaveLength(0);
    });

    it('refuses a body that is not an object', async () => {
      const member = await privilegedMember(app);
      const before = (await account(member).expect(200)).body;
      expectProblem(await patch(member, ['language'], '"1"'), 400, 'VALIDATION_FAILED');
      const text = await request(http)
        .patch('/api/v1/me/account')
        .auth(member.token, { type: 'bearer' })
        .set('If-Match', '"1"')
        .type('json')
        .send('{"language":');
      expectProblem(text, 400, 'VALIDATION_FAILED');
      await unchanged(member, before);
    });

    it.each([
      ['memberType', 'CORPORATE_BUSINESS', 'useRequiredInfoApplication', 'POST /api/v1/me/required-info-applications'],
      ['name', 'Lee Jisoo', 'useRequiredInfoApplication', 'POST /api/v1/me/required-info-applications'],
      ['businessName', 'Other Co.', 'useRequiredInfoApplication', 'POST /api/v1/me/required-info-applications'],
      ['businessRegistrationNumber', '220-81-62517', 'useRequiredInfoApplication', 'POST /api/v1/me/required-info-applications'],
      ['loginId', 'someone.else@example.com', 'useLoginIdChange', 'POST /api/v1/me/login-id-change'],
      ['mobilePhone', '+821098765432', 'useMobilePhoneChange', 'POST /api/v1/me/mobile-phone-change'],
      ['password', 'Qz7!mKp2#y', 'usePasswordChange', 'PUT /api/v1/me/password'],
    ])('refuses %s, pointing to the process that changes it, and changes nothing', async (field, value, rule, endpoint) => {
      const member = await privilegedMember(app);
      const before = (await account(member).expect(200)).body;
      const res = await patch(member, { language: 'ja', [field]: value }, '"1"');
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field, rules: [rule] }]);
      expect(res.body.detail).toContain(endpoint);
      await unchanged(member, before);
    });

    it('lists every field of another process at once', async () => {
      const member = await privilegedMember(app);
      const res = await patch(member, { name: 'x', loginId: 'y@example.com' }, '"1"');
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([
        { field: 'name', rules: ['useRequiredInfoApplication'] },
        { field: 'loginId', rules: ['useLoginIdChange'] },
      ]);
    });

    it('lets exactly one of two concurrent changes with the same version win', async () => {
      const member = await privilegedMember(app, { language: 'en', serviceArea: 'KR' });
      const results = await Promise.all([patch(member, { language: 'ja' }, '"1"'), patch(member, { serviceArea: 'DE' }, '"1"')]);
      const statuses = results.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 412]);
      const loser = results.find((res) => res.status === 412)!;
      expectProblem(loser, 412, 'VERSION_CONFLICT');
      const winner = results.find((res) => res.status === 200)!;
      const read = await account(member).expect(200);
      expect(read.body).toEqual(winner.body);
      expect(read.body.version).toBe(2);
      // Only the winner's field changed.
      expect([read.body.language === 'ja', read.body.serviceArea === 'DE'].filter(Boolean)).toHaveLength(1);
      expect(await auditOf(member.id, 'ACCOUNT_UPDATED')).toHaveLength(1);
    });

    it('lets exactly one of a burst of changes with the same version win, however they interleave', async () => {
      const member = await privilegedMember(app);
      const areas = ['JP', 'SG', 'US-WEST', 'DE', 'JP', 'SG', 'US-WEST', 'DE'];
      const results = await Promise.all(areas.map((serviceArea) => patch(member, { serviceArea }, '"1"')));
      expect(results.filter((res) => res.status === 200)).toHaveLength(1);
      for (const res of results.filter((res) => res.status !== 200)) expectProblem(res, 412, 'VERSION_CONFLICT');
      expect((await account(member).expect(200)).body.version).toBe(2);
      expect(await auditOf(member.id, 'ACCOUNT_UPDATED')).toHaveLength(1);
    });
  });

  describe('mobile phone change', () => {
    it('sends a code to the new number and changes the number once it is confirmed', async () => {
      const member = await privilegedMember(app);
      const newNumber = freshMobileNumber();
      const national = `0${newNumber.slice(3, 5)}-${newNumber.slice(5, 9)}-${newNumber.slice(9)}`;

      const sent = await requestCode(member, national).expect(202);
      const expiresAt = Date.parse(sent.body.expiresAt);
      const resendAvailableAt = Date.parse(sent.body.resendAvailableAt);
      expect(expiresAt - resendAvailableAt).toBe(120_000);
      expect(expiresAt).toBeGreaterThan(Date.now());
      const sms = messagesTo(newNumber, 'sms');
      expect(sms).toHaveLength(1);
      expect(sms[0].text).toMatch(/\b\d{6}\b/);

      const confirmed = await confirmCode(member, latestCode(newNumber, 'sms')).expect(200);
      expect(confirmed.body).toMatchObject({ mobilePhone: newNumber, version: 2 });
      expect(confirmed.headers.etag).toBe('"2"');
      const read = await account(member).expect(200);
      expect(read.body).toMatchObject({ mobilePhone: newNumber, version: 2 });

      const [event] = await auditOf(member.id, 'MOBILE_PHONE_CHANGED');
      expect(JSON.parse(event.afterJson!).mobilePhone).toMatch(/^\+8210\*{4}\d{2}$/);
      expect(event.afterJson).not.toContain(newNumber);
      // The code is used up.
      expectProblem(await confirmCode(member, latestCode(newNumber, 'sms')), 422, 'VERIFICATION_CODE_INVALID');
    });

    it('refuses invalid numbers and the current number with VALIDATION_FAILED, sending nothing', async () => {
      const member = await privilegedMember(app);
      for (const [mobilePhone, rule] of [
        ['12345', 'isMobilePhone'],
        ['02-312-3456', 'isMobilePhone'],
        ['+821012345678', 'differsFromCurrent'],
        ['010-1234-5678', 'differsFromCurrent'],
      ]) {
        const res = await requestCode(member, mobilePhone);
        expectProblem(res, 422, 'VALIDATION_FAILED');
        expect(res.body.errors).toEqual([{ field: 'mobilePhone', rules: [rule] }]);
      }
      const missing = await request(http).post('/api/v1/me/mobile-phone-change').auth(member.token, { type: 'bearer' }).send({});
      expectProblem(missing, 400, 'VALIDATION_FAILED');
      const malformedCode = await confirmCode(member, '12ab56');
      expectProblem(malformedCode, 400, 'VALIDATION_FAILED');
      expect(malformedCode.body.errors).toEqual([{ field: 'code', rules: ['matches'] }]);
      expectProblem(await confirmCode(member, '123456'), 422, 'VERIFICATION_CODE_INVALID');
    });

    it('counts wrong codes and refuses everything after the limit, leaving the number unchanged', async () => {
      const member = await privilegedMember(app);
      const newNumber = freshMobileNumber();
      await requestCode(member, newNumber).expect(202);
      const code = latestCode(newNumber, 'sms');
      const wrong = code === '000000' ? '111111' : '000000';
      for (const remaining of [4, 3, 2, 1]) {
        const res = await confirmCode(member, wrong);
        expectProblem(res, 422, 'VERIFICATION_CODE_INVALID');
        expect(res.body.attemptsRemaining).toBe(remaining);
      }
      expectProblem(await confirmCode(member, wrong), 429, 'TOO_MANY_ATTEMPTS');
      expectProblem(await confirmCode(member, code), 429, 'TOO_MANY_ATTEMPTS');
      expect((await account(member).expect(200)).body).toMatchObject({ mobilePhone: '+821012345678', version: 1 });
      expect(await auditOf(member.id, 'MOBILE_PHONE_CHANGED')).toHaveLength(0);
    });

    it('re-sends to the same number only after the pause; another number starts over', async () => {
      const member = await privilegedMember(app);
      const first = freshMobileNumber();
      await requestCode(member, first).expect(202);
      const firstCode = latestCode(first, 'sms');

      const again = await requestCode(member, first);
      expectProblem(again, 429, 'TOO_MANY_REQUESTS');
      expect(again.body.retryAfterSeconds).toBeGreaterThan(0);
      expect(again.body.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect(Number(again.headers['retry-after'])).toBe(again.body.retryAfterSeconds);
      expect(messagesTo(first, 'sms')).toHaveLength(1);

      const second = freshMobileNumber();
      await requestCode(member, second).expect(202);
      const secondCode = latestCode(second, 'sms');
      if (firstCode !== secondCode) expectProblem(await confirmCode(member, firstCode), 422, 'VERIFICATION_CODE_INVALID');
      const confirmed = await confirmCode(member, secondCode).expect(200);
      expect(confirmed.body.mobilePhone).toBe(second);
    });
  });

  it('documents the account endpoints in the OpenAPI document', async () => {
    const res = await request(http).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths['/api/v1/me/account'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(res.body.paths['/api/v1/me/mobile-phone-change'].post.responses).toHaveProperty('202');
    expect(res.body.paths['/api/v1/me/mobile-phone-change/confirm'].post.responses).toHaveProperty('200');
  });
});
