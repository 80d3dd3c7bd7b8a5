// Exactly-once codes (KeyedVerificationCodeService) on the real database: run again with its key,
// a send re-delivers the same code, a re-send switches the code once, a check answers as it first
// did and a wrong code counts once — also when two runs of the same key overlap.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../libs/core/src/index.js';
import { serialiseSqliteAccess } from '../../libs/persistence/src/index.js';
import {
  KeyedVerificationCodeService,
  VerificationCheckEntity,
  VerificationCodeEntity,
  type CodePolicy,
  type IssuedCode,
} from '../../libs/verification/src/index.js';
import { openMigrated } from '../support/migrated-data-source.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.mjs';

const POLICY: CodePolicy = { ttlSeconds: 180, maxAttempts: 5, resendAfterSeconds: 0, maxResends: 2 };

describe(`keyed verification codes on ${process.env.TEST_DB ?? 'sqlite'}`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let codes: KeyedVerificationCodeService;
  let delivered: IssuedCode[];
  const deliver = async (issued: IssuedCode) => {
    delivered.push(issued);
  };

  beforeAll(async () => {
    database = await createTestDatabase('keyed-verification');
    // As the apps open it (PersistenceModule): on SQLite one transaction owns the connection at a time.
    dataSource = serialiseSqliteAccess(await openMigrated(database.url, [VerificationCodeEntity, VerificationCheckEntity]));
    codes = new KeyedVerificationCodeService(dataSource);
  });
  beforeEach(() => {
    delivered = [];
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('a retried send delivers the same code under the same key; a new key is a new code', async () => {
    const subject = randomUUID();
    const first = await codes.issueOnce('TEST', subject, '+821022223333', `${subject}:1`, POLICY, deliver);
    const again = await codes.issueOnce('TEST', subject, '+821022223333', `${subject}:1`, POLICY, deliver);
    expect(again.code).toBe(first.code);
    expect(delivered.map((issued) => issued.codeId)).toEqual([`${subject}:1`, `${subject}:1`]);
    const overlapping = await Promise.all([1, 2].map(() => codes.issueOnce('TEST', subject, '+821022223333', `${subject}:2`, POLICY, deliver)));
    expect(overlapping[0].code).toBe(overlapping[1].code);
    expect((await codes.checkOnce('TEST', subject, overlapping[0].code, `${subject}:check:1`)).ok).toBe(true);
  });

  it('a retried re-send sends the same new code and counts once; the old code works until the switch', async () => {
    const subject = randomUUID();
    const first = await codes.issueOnce('TEST', subject, 'a@example.com', `${subject}:1`, POLICY, deliver);
    const failing = async () => {
      throw new Error('provider down');
    };
    await expect(codes.resendOnce('TEST', subject, `${subject}:2`, POLICY, failing)).rejects.toThrow('provider down');
    const resent = await codes.resendOnce('TEST', subject, `${subject}:2`, POLICY, deliver);
    const retried = await codes.resendOnce('TEST', subject, `${subject}:2`, POLICY, deliver);
    expect(retried.code).toBe(resent.code);
    const row = await dataSource.manager.findOneByOrFail(VerificationCodeEntity, { purpose: 'TEST', subjectId: subject });
    expect(row.sentCount).toBe(2);
    if (resent.code !== first.code) expect((await codes.checkOnce('TEST', subject, first.code, `${subject}:check:1`)).ok).toBe(false);
    expect(await codes.checkOnce('TEST', subject, resent.code, `${subject}:check:2`)).toEqual({ ok: true, target: 'a@example.com' });
  });

  it('a retried check answers as the first did: a right code stays right, a wrong one counts once', async () => {
    const subject = randomUUID();
    const { code } = await codes.issueOnce('TEST', subject, '+821044445555', `${subject}:1`, POLICY, deliver);
    const wrong = code === '000000' ? '111111' : '000000';
    const refusals = await Promise.all([1, 2, 3].map(() => codes.checkOnce('TEST', subject, wrong, `${subject}:check:1`)));
    expect(refusals).toEqual([1, 2, 3].map(() => ({ ok: false, code: 'VERIFICATION_CODE_INVALID', attemptsRemaining: 4 })));
    const row = await dataSource.manager.findOneByOrFail(VerificationCodeEntity, { purpose: 'TEST', subjectId: subject });
    expect(row.failedAttempts).toBe(1);
    expect(await codes.checkOnce('TEST', subject, code, `${subject}:check:2`)).toEqual({ ok: true, target: '+821044445555' });
    expect(await codes.checkOnce('TEST', subject, code, `${subject}:check:2`)).toEqual({ ok: true, target: '+821044445555' });
    // A new check of the consumed code is refused.
    expect(await codes.checkOnce('TEST', subject, code, `${subject}:check:3`)).toMatchObject({ ok: false, code: 'VERIFICATION_CODE_INVALID' });
  });

  it('refuses a re-send when none is pending and beyond the limit', async () => {
    const subject = randomUUID();
    await expect(codes.resendOnce('TEST', subject, `${subject}:2`, POLICY, deliver)).rejects.toBeInstanceOf(DomainError);
    await codes.issueOnce('TEST', subject, 'b@example.com', `${subject}:1`, POLICY, deliver);
    await codes.resendOnce('TEST', subject, `${subject}:2`, POLICY, deliver);
    await codes.resendOnce('TEST', subject, `${subject}:3`, POLICY, deliver);
    await expect(codes.resendOnce('TEST', subject, `${subject}:4`, POLICY, deliver)).rejects.toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
  });
});
