import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../libs/core/src/index.js';
import { VerificationCodeEntity, VerificationCodeService, type CodePolicy } from '../../libs/verification/src/index.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const POLICY: CodePolicy = { ttlSeconds: 180, maxAttempts: 5, resendAfterSeconds: 0, maxResends: 2 };

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => (error instanceof DomainError ? error.code : String(error)),
  );
}

describe(`verification codes on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let codes: VerificationCodeService;

  beforeAll(async () => {
    database = await createTestDatabase('verification');
    dataSource = await openMigrated(database.url, [VerificationCodeEntity]);
    codes = new VerificationCodeService(dataSource);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('stores only a salted hash and returns the target once the right code is given', async () => {
    const subject = randomUUID();
    const issued = await codes.issue('TEST', subject, '+821099998888', POLICY);
    expect(issued.code).toMatch(/^\d{6}$/);
    const row = await dataSource.manager.findOneByOrFail(VerificationCodeEntity, { subjectId: subject });
    expect(JSON.stringify(row)).not.toContain(issued.code);
    await expect(codes.verify('TEST', subject, issued.code)).resolves.toBe('+821099998888');
    expect(await codeOf(codes.verify('TEST', subject, issued.code))).toBe('VERIFICATION_CODE_INVALID');
  });

  it('counts wrong codes and refuses everything after the fifth', async () => {
    const subject = randomUUID();
    const issued = await codes.issue('TEST', subject, 'x@example.com', POLICY);
    const wrong = issued.code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) expect(await codeOf(codes.verify('TEST', subject, wrong))).toBe('VERIFICATION_CODE_INVALID');
    expect(await codeOf(codes.verify('TEST', subject, wrong))).toBe('TOO_MANY_ATTEMPTS');
    expect(await codeOf(codes.verify('TEST', subject, issued.code))).toBe('TOO_MANY_ATTEMPTS');
  });

  it('refuses an expired code', async () => {
    const subject = randomUUID();
    const issued = await codes.issue('TEST', subject, 'x@example.com', { ...POLICY, ttlSeconds: 0 });
    expect(await codeOf(codes.verify('TEST', subject, issued.code))).toBe('VERIFICATION_CODE_EXPIRED');
  });

  it('re-sends a new code that replaces the old one, a limited number of times, after the pause', async () => {
    const subject = randomUUID();
    const first = await codes.issue('TEST', subject, 'x@example.com', POLICY);
    expect(await codeOf(codes.resend('TEST', subject, { ...POLICY, resendAfterSeconds: 60 }))).toBe('TOO_MANY_REQUESTS');
    const second = await codes.resend('TEST', subject, POLICY);
    expect(second.codeId).not.toBe(first.codeId);
    await codes.resend('TEST', subject, POLICY);
    expect(await codeOf(codes.resend('TEST', subject, POLICY))).toBe('TOO_MANY_ATTEMPTS');
    if (first.code !== second.code) expect(await codeOf(codes.verify('TEST', subject, first.code))).toBe('VERIFICATION_CODE_INVALID');
  });

  it('lets exactly one of two concurrent correct verifications consume the code', async () => {
    const subject = randomUUID();
    const issued = await codes.issue('TEST', subject, 'x@example.com', POLICY);
    const outcomes = await Promise.allSettled([codes.verify('TEST', subject, issued.code), codes.verify('TEST', subject, issued.code)]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
  });

  it('issuing again replaces the pending code', async () => {
    const subject = randomUUID();
    const first = await codes.issue('TEST', subject, 'old@example.com', POLICY);
    const second = await codes.issue('TEST', subject, 'new@example.com', POLICY);
    if (first.code !== second.code) expect(await codeOf(codes.verify('TEST', subject, first.code))).toBe('VERIFICATION_CODE_INVALID');
    await expect(codes.verify('TEST', subject, second.code)).resolves.toBe('new@example.com');
  });
});
