// The SENS transport against a loopback double that checks requests as NAVER Cloud documents them.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../libs/config/src/index.js';
import { DomainError } from '../../libs/core/src/index.js';
import { NOTIFICATION_ENTITIES, NotificationService } from '../../libs/notifications/src/index.js';
import { NcpSensSmsTransport, sensRecipient } from '../../libs/notifications/src/transports/ncp-sens-sms.transport.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { SENS_FROM, sensEnv, startSensDouble, type SensDouble } from '../support/sens-double.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const MOBILE = '+821012345678';

describe('NAVER Cloud SENS v2 transport (contract)', () => {
  let sens: SensDouble;
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    sens = await startSensDouble();
    database = await createTestDatabase('sens');
    dataSource = await openMigrated(database.url, NOTIFICATION_ENTITIES);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
    await sens.close();
  });
  beforeEach(() => {
    sens.requests.length = 0;
    sens.mode = { kind: 'accept' };
  });

  const config = (overrides: Record<string, string> = {}) => loadConfig({ ...sensEnv(sens.url), OUTBOX_DIR: '/nonexistent-outbox', ...overrides });
  const transport = (overrides: Record<string, string> = {}) => {
    const sms = config(overrides).production.sms;
    if (sms.provider !== 'ncp-sens') throw new Error('not SENS');
    return new NcpSensSmsTransport(sms);
  };
  const codeRequest = () => ({
    channel: 'sms' as const,
    to: MOBILE,
    template: 'mobile-phone-code' as const,
    language: 'en' as const,
    params: { code: '314159', minutes: 3 },
    idempotencyKey: `mobile-code:${randomUUID()}`,
  });

  it('sends one signed request with the documented path, headers and body; SENS answers 202', async () => {
    const service = new NotificationService(dataSource, config());
    await expect(service.send(codeRequest())).resolves.toBe('sent');

    expect(sens.requests).toHaveLength(1);
    const [request] = sens.requests;
    expect(request.problem).toBeNull();
    expect(request.signatureVerifies).toBe(true);
    expect(request.path).toBe('/sms/v2/services/ncp%3Asms%3Akr%3A123456789012%3Atest/messages');
    expect(request.headers['x-ncp-iam-access-key']).toBe('test-access-key-0123');
    expect(request.headers['x-ncp-apigw-timestamp']).toMatch(/^\d{13}$/);
    expect(request.body).toEqual({
      // SMS up to 80 bytes; the code template in English is longer, so it goes as LMS.
      type: 'LMS',
      contentType: 'COMM',
      countryCode: '82',
      from: SENS_FROM,
      content: expect.stringContaining('314159'),
      messages: [{ to: '01012345678' }],
    });
  });

  it('never sends one idempotency key twice', async () => {
    const service = new NotificationService(dataSource, config());
    const request = codeRequest();
    await expect(service.send(request)).resolves.toBe('sent');
    await expect(new NotificationService(dataSource, config()).send(request)).resolves.toBe('duplicate');
    expect(sens.requests).toHaveLength(1);
  });

  it('maps an authentication refusal (401 with SENS error body) to SERVICE_UNAVAILABLE, sent once, recorded nowhere', async () => {
    const request = codeRequest();
    const service = new NotificationService(dataSource, config({ NCP_SECRET_KEY: 'a-wrong-secret-key' }));
    await expect(service.send(request)).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(sens.requests).toHaveLength(1);
    expect(sens.requests[0].signatureVerifies).toBe(false);
    await expect(service.isDelivered(request.idempotencyKey)).resolves.toBe(false);
  });

  it.each([
    [400, { status: '400', errorMessage: 'Invalid request' }],
    [429, { status: '429', errorMessage: 'Too many requests' }],
    [500, { status: '500', errorMessage: 'Internal server error' }],
    [503, { error: { errorCode: '503', message: 'Service Unavailable' } }],
  ])('maps SENS %d to SERVICE_UNAVAILABLE without retrying (it may have reached SENS)', async (status, body) => {
    sens.mode = { kind: 'error', status, body };
    const error = await transport()
      .sendSms({ to: MOBILE, text: 'Code 271828', idempotencyKey: 'k' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('SERVICE_UNAVAILABLE');
    // The member sees no SENS detail: no message text, status or number.
    expect(JSON.stringify((error as DomainError).details)).not.toMatch(/271828|1012345678|Invalid|Internal/);
    expect(sens.requests).toHaveLength(1);
  });

  it('gives up on a slow answer after the timeout, without a second request', async () => {
    sens.mode = { kind: 'slow', ms: 3_000 };
    const sms = transport({ NCP_SENS_TIMEOUT_MS: '200' });
    await expect(sms.sendSms({ to: MOBILE, text: 'Code 161803', idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(sens.requests).toHaveLength(1);
    await expect(sms.status()).resolves.toBe('down');
  });

  it('retries a connection that was never made, then reports SERVICE_UNAVAILABLE', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const sms = transport({ NCP_SENS_URL: `http://127.0.0.1:${port}` });
    await expect(sms.sendSms({ to: MOBILE, text: 'Code 141421', idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(sms.status()).resolves.toBe('down');
  });

  it('sends short text as SMS, long text as LMS, and splits numbers into SENS country code and national number', async () => {
    await transport().sendSms({ to: MOBILE, text: '인증번호 123456 입니다. '.repeat(4), idempotencyKey: 'k' });
    await transport().sendSms({ to: MOBILE, text: '[Web] 인증번호 123456', idempotencyKey: 'k2' });
    expect(sens.requests.map((request) => request.body.type)).toEqual(['LMS', 'SMS']);
    expect(sensRecipient('+819012345678')).toEqual({ countryCode: '81', to: '9012345678' });
    expect(sensRecipient('+14155550123')).toEqual({ countryCode: '1', to: '4155550123' });
  });
});
